"""The deployment files in deploy/ say what the code reads: every environment variable of the
production settings is documented in deploy/env.example, and every template renders whole."""

import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DEPLOY = ROOT / "deploy"
READ = re.compile(r"""\benv(?:_bool|_list)?\(\s*["']([A-Z][A-Z0-9_]*)["']""")
# Read outside the settings: by manage.py/wsgi, and by the backup commands.
READ_ELSEWHERE = {"DJANGO_SETTINGS_MODULE", "BACKUP_DIR", "PG_BIN_DIR"}
LISTED = re.compile(r"^#?([A-Z][A-Z0-9_]*)=", re.MULTILINE)

sys.path.insert(0, str(DEPLOY))
import render  # noqa: E402

sys.path.remove(str(DEPLOY))


def settings_variables() -> set[str]:
    return {
        name
        for path in (ROOT / "heritage" / "settings").glob("*.py")
        for name in READ.findall(path.read_text())
    }


def test_every_variable_the_settings_read_is_in_env_example():
    listed = set(LISTED.findall((DEPLOY / "env.example").read_text()))
    missing = settings_variables() - listed
    assert not missing, f"deploy/env.example does not document {sorted(missing)}"


def test_env_example_lists_nothing_the_code_does_not_read():
    listed = set(LISTED.findall((DEPLOY / "env.example").read_text()))
    unknown = listed - settings_variables() - READ_ELSEWHERE
    assert not unknown, f"deploy/env.example documents variables nothing reads: {sorted(unknown)}"


def test_every_template_renders_with_no_placeholder_left(tmp_path):
    written = render.render_tree(tmp_path, render.values_from({}), brotli=True)
    names = {path.relative_to(tmp_path).as_posix() for path in written}
    assert {
        "nginx/tajikheritage.conf", "nginx/locations.conf", "nginx/proxy.conf", "nginx/brotli.conf",
        "systemd/tajikheritage-web@.service", "systemd/tajikheritage-worker.service",
        "cron/tajikheritage", "bin/heritage-manage",
    } <= names  # fmt: skip
    for path in written:
        assert not render.PLACEHOLDER.search(path.read_text()), path
    assert (tmp_path / "bin" / "heritage-manage").stat().st_mode & 0o111


def test_brotli_is_left_out_when_nginx_lacks_the_module(tmp_path):
    written = render.render_tree(tmp_path, render.values_from({}), brotli=False)
    assert "brotli.conf" not in {path.name for path in written}
    locations = (tmp_path / "nginx/locations.conf").read_text()
    assert "include /etc/nginx/snippets/tajikheritage/brotli*.conf;" in locations


def test_a_placeholder_without_a_value_stops_the_rendering():
    with pytest.raises(render.RenderError, match="MEDIA_ROOTS"):
        render.render_text("alias ${MEDIA_ROOTS}/;", render.values_from({}))


def test_values_come_from_the_environment(tmp_path):
    done = subprocess.run(
        [sys.executable, str(DEPLOY / "render.py"), "--out", str(tmp_path), "--brotli", "no"],
        env={"UPSTREAM_A": "127.0.0.1:9101", "PATH": "/usr/bin:/bin"},
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    assert "nginx/tajikheritage.conf" in done.stdout
    site = (tmp_path / "nginx/tajikheritage.conf").read_text()
    assert "server 127.0.0.1:9101 " in site and "server 127.0.0.1:8002 " in site


def test_the_scheduled_commands_are_those_manage_py_knows():
    cron = (DEPLOY / "cron" / "tajikheritage").read_text()
    commands = set(re.findall(r"^[^#].*heritage-manage (\w+)", cron, re.MULTILINE))
    assert commands == {
        "orders_reconcile", "orders_expire", "publish_scheduled", "prune_db_task_results", "backup_create",
    }  # fmt: skip
    from django.core.management import get_commands

    assert commands <= set(get_commands())
