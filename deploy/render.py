"""Render the deployment templates in deploy/ for one machine.

    python3 deploy/render.py --out /tmp/tajikheritage-deploy            # values from the environment
    SERVER_NAME=tajikheritage.org HTTPS_PORT=443 python3 deploy/render.py --out out/

Every `${UPPER_CASE}` placeholder in deploy/nginx/, deploy/systemd/, deploy/cron/ and deploy/bin/ is
replaced by the environment variable of that name, or by the default below (the layout
docs/operations.md describes). nginx's own variables are lower case (`$host`) and are left
alone. A placeholder with no value is an error, so nothing is written half-filled.

brotli.conf is written only when nginx has the brotli module (`--brotli auto`, the default,
asks the installed nginx); the site's `include .../brotli*.conf` then matches nothing.
Needs only the standard library.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
from pathlib import Path

DEPLOY = Path(__file__).resolve().parent
TEMPLATE_DIRS = ("nginx", "systemd", "cron", "bin")
PLACEHOLDER = re.compile(r"\$\{([A-Z][A-Z0-9_]*)\}")

DEFAULTS = {
    "SERVER_NAME": "tajikheritage.org www.tajikheritage.org",
    "HTTPS_PORT": "443",
    "HTTP_PORT": "80",
    "LOOPBACK_PORT": "8080",
    "UPSTREAM_A": "127.0.0.1:8001",
    "UPSTREAM_B": "127.0.0.1:8002",
    "TLS_CERTIFICATE": "/etc/letsencrypt/live/tajikheritage.org/fullchain.pem",
    "TLS_CERTIFICATE_KEY": "/etc/letsencrypt/live/tajikheritage.org/privkey.pem",
    "ACME_ROOT": "/var/www/letsencrypt",
    "LOG_DIR": "/var/log/nginx",
    "NGINX_SNIPPETS": "/etc/nginx/snippets/tajikheritage",
    "APP_ROOT": "/srv/tajikheritage/app",
    "VENV": "/srv/tajikheritage/venv",
    "MEDIA_ROOT": "/srv/tajikheritage/media",
    "PRIVATE_MEDIA_ROOT": "/srv/tajikheritage/media-private",
    "ENV_FILE": "/etc/tajikheritage/env",
    "APP_USER": "tajikheritage",
    "BACKUP_DIR": "/var/backups/tajikheritage",
}


class RenderError(Exception):
    pass


def render_text(text: str, values: dict[str, str], *, source: str = "") -> str:
    """`text` with every ${NAME} replaced; a name without a value is a RenderError."""
    missing = sorted({name for name in PLACEHOLDER.findall(text) if name not in values})
    if missing:
        raise RenderError(f"{source or 'template'}: no value for {', '.join(missing)}")
    return PLACEHOLDER.sub(lambda match: values[match.group(1)], text)


def values_from(environ: dict[str, str]) -> dict[str, str]:
    """The defaults, overridden by any environment variable of the same name."""
    return {name: environ.get(name, default) for name, default in DEFAULTS.items()}


def nginx_has_brotli(nginx: str = "nginx") -> bool:
    """Whether the installed nginx can compress with brotli: built in, or a Debian module
    enabled in /etc/nginx/modules-enabled/."""
    if any(Path("/etc/nginx/modules-enabled").glob("*brotli*")):
        return True
    try:
        built = subprocess.run([nginx, "-V"], capture_output=True, text=True, check=False)  # noqa: S603
    except OSError:
        return False
    return "brotli" in built.stderr + built.stdout


def render_tree(out: Path, values: dict[str, str], *, brotli: bool, source: Path = DEPLOY) -> list[Path]:
    """Render every template under `source`/{nginx,systemd,cron,bin} into the same layout under
    `out`, keeping each file's mode; the paths written."""
    written = []
    for folder in TEMPLATE_DIRS:
        for template in sorted((source / folder).iterdir()):
            if not template.is_file() or (template.name == "brotli.conf" and not brotli):
                continue
            target = out / folder / template.name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(render_text(template.read_text(), values, source=str(template)))
            target.chmod(template.stat().st_mode & 0o755)
            written.append(target)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", required=True, type=Path, help="Folder to write the rendered files into.")
    parser.add_argument("--brotli", choices=["auto", "yes", "no"], default="auto")
    parser.add_argument("--nginx", default="nginx", help="The nginx binary asked about brotli.")
    args = parser.parse_args(argv)
    brotli = nginx_has_brotli(args.nginx) if args.brotli == "auto" else args.brotli == "yes"
    try:
        written = render_tree(args.out, values_from(dict(os.environ)), brotli=brotli)
    except RenderError as error:
        print(f"render.py: {error}", file=sys.stderr)
        return 1
    for path in written:
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
