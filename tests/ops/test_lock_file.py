"""`make install` installs requirements.lock with hashes: every dependency pyproject.toml names
must be pinned there, at the same version, with its hash, or the lock has drifted."""

import re
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def declared_requirements() -> list[tuple[str, str]]:
    """(name, version) of every runtime and dev dependency in pyproject.toml."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    found = []
    for line in [*project["dependencies"], *project["optional-dependencies"]["dev"]]:
        match = re.fullmatch(r"\s*([A-Za-z0-9_.-]+)(\[[^\]]*\])?\s*==\s*([^\s;]+)\s*", line)
        assert match, f"{line!r}: pin every dependency in pyproject.toml with =="
        found.append((canonical(match.group(1)), match.group(3)))
    return found


def locked_requirements() -> dict[str, tuple[str, list[str]]]:
    """{name: (version, hashes)} from requirements.lock (one entry per package, its
    `--hash=` options on the continuation lines)."""
    text = (ROOT / "requirements.lock").read_text(encoding="utf-8")
    locked = {}
    for entry in re.split(r"\n(?=[A-Za-z0-9])", text):
        head = re.match(r"([A-Za-z0-9_.-]+)==([^\s\\;]+)", entry)
        if head:
            hashes = re.findall(r"--hash=sha256:([0-9a-f]{64})", entry)
            locked[canonical(head.group(1))] = (head.group(2), hashes)
    return locked


@pytest.mark.parametrize(("name", "version"), declared_requirements())
def test_every_declared_dependency_is_locked_at_its_version_with_a_hash(name, version):
    locked = locked_requirements()

    assert name in locked, f"{name} is missing from requirements.lock: run `make lock`"
    locked_version, hashes = locked[name]
    assert locked_version == version, f"{name}: pyproject.toml says {version}, the lock {locked_version}"
    assert hashes, f"{name} has no hash in requirements.lock"


def test_every_locked_package_has_a_hash_so_pip_can_require_them():
    """`pip install --require-hashes` refuses the whole file if one package lacks a hash."""
    locked = locked_requirements()

    assert len(locked) > 50
    assert [name for name, (_version, hashes) in locked.items() if not hashes] == []


def test_django_csp_is_gone_now_that_django_sends_the_policy_itself():
    assert "django-csp" not in locked_requirements()
    assert "django-csp" not in dict(declared_requirements())


def test_make_install_installs_the_lock_with_hashes_and_the_project_without_dependencies():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    stamp = re.search(r"^\$\(VENV\)/\.installed:(.*)$", makefile, re.MULTILINE)

    assert stamp and {"requirements.lock", "pyproject.toml"} <= set(stamp.group(1).split())
    assert "pip install --quiet --require-hashes -r requirements.lock" in makefile
    assert re.search(r"pip install .*--no-deps .*-e \.", makefile)
    assert re.search(r"^upgrade:", makefile, re.MULTILINE) and "--upgrade" in makefile
