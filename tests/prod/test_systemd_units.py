"""The systemd units of deploy/systemd/, rendered for this checkout, pass
`systemd-analyze verify` (syntax, known directives, executables that exist)."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.prod_smoke


def test_the_units_pass_systemd_analyze_verify(tmp_path):
    analyze = shutil.which("systemd-analyze")
    assert analyze, "systemd-analyze is missing (Debian: the systemd package)"
    values = {
        "APP_ROOT": str(ROOT),
        "VENV": str(Path(sys.executable).parent.parent),
        "APP_USER": "root",
        "ENV_FILE": "/dev/null",
        "PATH": "/usr/bin:/bin",
    }
    subprocess.run(
        [sys.executable, str(ROOT / "deploy" / "render.py"), "--out", str(tmp_path), "--brotli", "no"],
        env=values, check=True, capture_output=True,
    )  # fmt: skip
    units = tmp_path / "systemd"
    (units / "tajikheritage-web@.service").rename(units / "tajikheritage-web@8001.service")
    done = subprocess.run(
        [analyze, "verify", *sorted(str(path) for path in units.iterdir())],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert done.stderr.strip() == "", done.stderr
