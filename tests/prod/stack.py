"""The production stack on the loopback, for `make prod-smoke`.

Everything production runs, started the way deploy/ starts it, with the production settings
(heritage.settings.production, DEBUG off, secure cookies, HTTPS redirects, HSTS) configured
only through environment variables as deploy/env.example lists them:

    Chromium ─https/h2─▶ nginx (deploy/nginx/*, rendered by deploy/render.py)
                          ├─▶ gunicorn A ─┐
                          └─▶ gunicorn B ─┼─▶ PostgreSQL (database heritage_smoke, made afresh)
                              db_worker  ─┤   Redis (databases 10 and 11, emptied)
                                          ├─▶ moto_server (the media bucket)
                                          ├─▶ the fake Stripe (tests/fakes/stripe_server.py)
                                          └─▶ a local SMTP server with STARTTLS (aiosmtpd)

nginx's certificate is made for 127.0.0.1 by openssl at the start; the app processes trust it
through SSL_CERT_FILE (the mail server uses it too), Chromium is told to accept it.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
DATABASE = "heritage_smoke"
POSTGRES = "postgres://postgres@127.0.0.1:5432"
REDIS = "redis://127.0.0.1:6379"
REDIS_DBS = (10, 11)  # page cache, security counters
BUCKET = "heritage-smoke"
S3_KEY = "testing"
STRIPE_KEY = "sk_test_smoke_" + "s" * 24
STRIPE_WEBHOOK_SECRET = "whsec_smoke_" + "w" * 24
FIVE_XX = re.compile(r'"[A-Z]+ [^"]*" (5\d\d) ')


class StackError(Exception):
    """The stack could not be started: the message says which part and why."""


STARTED_AT = time.monotonic()


def say(text: str) -> None:
    print(f"[prod-smoke {time.monotonic() - STARTED_AT:5.0f} s] {text}", flush=True)


def free_ports(*names: str) -> dict[str, int]:
    """A free port on 127.0.0.1 for each name, all different (held open until all are chosen)."""
    with contextlib.ExitStack() as held:
        sockets = {name: held.enter_context(socket.socket()) for name in names}
        for sock in sockets.values():
            sock.bind(("127.0.0.1", 0))
        return {name: sock.getsockname()[1] for name, sock in sockets.items()}


def tls_make(folder: Path) -> tuple[Path, Path]:
    """A self-signed certificate for 127.0.0.1 and localhost, and its key."""
    cert, key = folder / "tls.crt", folder / "tls.key"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
         "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost",
         "-keyout", str(key), "-out", str(cert)],
        check=True, capture_output=True,
    )  # fmt: skip
    return cert, key


def database_fresh(name: str = DATABASE) -> str:
    """Drop and create the smoke's own database; its URL."""
    import psycopg

    with psycopg.connect(f"{POSTGRES}/postgres", autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')
    return f"{POSTGRES}/{name}"


def redis_empty() -> None:
    import redis

    for number in REDIS_DBS:
        redis.Redis.from_url(f"{REDIS}/{number}").flushdb()


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def wait_http(
    url: str, *, timeout: float = 60, process: subprocess.Popen | None = None, name: str = "", headers=None
) -> None:
    """Until `url` answers at all (any status, redirects not followed): a StackError if it
    never does, or if `process` exits first."""
    deadline = time.monotonic() + timeout
    opener = urllib.request.build_opener(_NoRedirect)
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise StackError(f"{name or url} exited with code {process.returncode} before answering")
        try:
            opener.open(urllib.request.Request(url, headers=headers or {}), timeout=2).close()  # noqa: S310
            return
        except urllib.error.HTTPError:
            return
        except OSError:
            time.sleep(0.2)
    raise StackError(f"{name or url} did not answer {url} within {timeout:.0f} s")


@dataclass
class Stack:
    """The running parts, their ports, environment and log files."""

    root: Path
    ports: dict[str, int] = field(default_factory=dict)
    env: dict[str, str] = field(default_factory=dict)
    processes: dict[str, subprocess.Popen] = field(default_factory=dict)
    cert: Path | None = None
    failed: bool = False

    @property
    def logs(self) -> Path:
        return self.root / "logs"

    @property
    def base_url(self) -> str:
        return f"https://127.0.0.1:{self.ports['https']}"

    @property
    def loopback_url(self) -> str:
        return f"http://127.0.0.1:{self.ports['loopback']}"

    def instance_url(self, name: str) -> str:
        """A gunicorn instance ("a" or "b") asked directly, without nginx."""
        return f"http://127.0.0.1:{self.ports['gunicorn_' + name]}"

    # -- environment -----------------------------------------------------------------------

    def env_build(self, *, database_url: str, moto_url: str, stripe_url: str, smtp_port: int) -> None:
        """The production environment, as deploy/env.example documents it."""
        self.env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "HOME": os.environ.get("HOME", "/root"),
            "LANG": "C.UTF-8",
            "PYTHONPATH": str(ROOT),
            "DJANGO_SETTINGS_MODULE": "heritage.settings.production",
            "SECRET_KEY": "prod-smoke-only-" + "k" * 60,
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "DATABASE_URL": database_url,
            "DB_CONN_MAX_AGE": "60",
            "EMAIL_URL": f"smtp://127.0.0.1:{smtp_port}",
            "DEFAULT_FROM_EMAIL": "TajikHeritage <hello@tajikheritage.test>",
            "WAGTAILADMIN_BASE_URL": self.base_url,
            "MEDIA_ROOT": str(self.root / "media"),
            "PRIVATE_MEDIA_ROOT": str(self.root / "media-private"),
            "MEDIA_X_ACCEL_REDIRECT": "true",
            "REDIS_URL": f"{REDIS}/{REDIS_DBS[0]}",
            "SECURITY_REDIS_URL": f"{REDIS}/{REDIS_DBS[1]}",
            "TRUSTED_PROXY_COUNT": "1",
            "AWS_STORAGE_BUCKET_NAME": BUCKET,
            "AWS_S3_ENDPOINT_URL": moto_url,
            "AWS_S3_REGION_NAME": "us-east-1",
            "AWS_S3_ADDRESSING_STYLE": "path",
            "AWS_ACCESS_KEY_ID": S3_KEY,
            "AWS_SECRET_ACCESS_KEY": S3_KEY,
            "STRIPE_SECRET_KEY": STRIPE_KEY,
            "STRIPE_WEBHOOK_SECRET": STRIPE_WEBHOOK_SECRET,
            "STRIPE_API_BASE": stripe_url,
            # The mail server's certificate is the smoke's own: trust it as a real one would be.
            "SSL_CERT_FILE": str(self.cert),
            "LOG_LEVEL": "WARNING",
            "TASKS_LOG_LEVEL": "INFO",
        }

    def without_bucket(self) -> dict[str, str]:
        """The same environment with media on this disk (originals sent by nginx)."""
        return {key: value for key, value in self.env.items() if not key.startswith("AWS_")}

    # -- processes -------------------------------------------------------------------------

    def manage(self, *args: str, env: dict | None = None, timeout: float = 300) -> str:
        """Run a management command with the production environment; its output. A failure
        is a StackError with the command's output."""
        done = subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=ROOT, env=env or self.env, capture_output=True, text=True, timeout=timeout, check=False,
        )  # fmt: skip
        if done.returncode != 0:
            output = done.stdout[-3000:] + done.stderr[-3000:]
            raise StackError(f"manage.py {' '.join(args)} failed:\n{output}")
        return done.stdout

    def python(self, *args: str, env: dict | None = None, timeout: float = 300) -> str:
        """`python <args>` in the checkout with the production environment; its output (the
        last line, for scripts that print JSON after Django's own messages)."""
        done = subprocess.run(
            [sys.executable, *args], cwd=ROOT, env=env or self.env, capture_output=True, text=True,
            timeout=timeout, check=False,
        )  # fmt: skip
        if done.returncode != 0:
            raise StackError(f"python {' '.join(args)} failed:\n{done.stdout[-2000:]}{done.stderr[-4000:]}")
        return done.stdout.strip().splitlines()[-1]

    def restart_instances(self, env: dict) -> None:
        """Both gunicorn instances again, with `env`; nginx keeps running."""
        for name in ("a", "b"):
            self.stop(f"gunicorn-{name}")
        self.gunicorn_start("a", "b", env=env)

    # -- the bucket ------------------------------------------------------------------------

    def bucket_client(self):
        import boto3

        return boto3.client(
            "s3", endpoint_url=self.env["AWS_S3_ENDPOINT_URL"], aws_access_key_id=S3_KEY,
            aws_secret_access_key=S3_KEY, region_name="us-east-1",
        )  # fmt: skip

    def bucket_keys(self, prefix: str = "") -> list[str]:
        listed = self.bucket_client().list_objects_v2(Bucket=BUCKET, Prefix=prefix)
        return sorted(item["Key"] for item in listed.get("Contents", []))

    def bucket_anonymous_get(self, key: str):
        """(status, headers, body) of the object's plain address, with no credentials."""
        url = f"{self.env['AWS_S3_ENDPOINT_URL']}/{BUCKET}/{key}"
        try:
            with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 - our loopback bucket
                return response.status, response.headers, response.read()
        except urllib.error.HTTPError as error:
            return error.code, error.headers, error.read()

    def spawn(self, name: str, command: list[str], *, env: dict | None = None) -> subprocess.Popen:
        log = (self.logs / f"{name}.log").open("a")
        process = subprocess.Popen(  # noqa: S603 - our own programs, fixed arguments
            command,
            cwd=ROOT,
            env=env or self.env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        self.processes[name] = process
        return process

    def gunicorn_start(self, *names: str, env: dict | None = None) -> None:
        """Gunicorn instances `names` ("a", "b") as deploy/systemd/tajikheritage-web@.service
        runs them, started together; returns once each answers /healthz."""
        for name in names:
            port = self.ports[f"gunicorn_{name}"]
            self.spawn(
                f"gunicorn-{name}",
                [sys.executable, "-m", "gunicorn", "heritage.wsgi:application", "--bind", f"127.0.0.1:{port}",
                 "--workers", "2", "--timeout", "60", "--graceful-timeout", "10", "--keep-alive", "5",
                 "--error-logfile", "-", "--no-control-socket"],
                env=env,
            )  # fmt: skip
        for name in names:
            wait_http(
                f"http://127.0.0.1:{self.ports[f'gunicorn_{name}']}/healthz",
                process=self.processes[f"gunicorn-{name}"],
                name=f"gunicorn {name}",
                headers={"Host": "127.0.0.1", "X-Forwarded-Proto": "https"},
            )

    def worker_start(self, *, env: dict | None = None) -> None:
        """`manage.py db_worker`, as deploy/systemd/tajikheritage-worker.service runs it."""
        self.spawn("worker", [sys.executable, "manage.py", "db_worker", "--interval", "0.5"], env=env)

    def stop(self, name: str) -> None:
        process = self.processes.pop(name, None)
        if process is None or process.poll() is not None:
            return
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)
            process.wait()

    def stop_all(self) -> None:
        if "nginx" in self.processes:
            nginx_stop(self)
        for name in list(self.processes):
            self.stop(name)

    # -- what happened ---------------------------------------------------------------------

    def access_log(self) -> list[str]:
        path = self.logs / "access.log"
        return path.read_text().splitlines() if path.exists() else []

    def five_xx(self) -> list[str]:
        return [line for line in self.access_log() if FIVE_XX.search(line)]

    def logs_tail(self, lines: int = 30) -> str:
        parts = []
        for path in sorted(self.logs.glob("*.log")):
            tail = path.read_text(errors="replace").splitlines()[-lines:]
            parts.append(f"--- {path.name} (last {len(tail)} lines) ---\n" + "\n".join(tail))
        return "\n".join(parts)


# -- nginx ---------------------------------------------------------------------------------

MAIN_CONF = """\
# The smoke's own main configuration around the repository's site (deploy/nginx/).
{user}
worker_processes 1;
pid {root}/nginx.pid;
error_log {logs}/error.log warn;
include /etc/nginx/modules-enabled/*.conf;
events {{ worker_connections 256; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    sendfile on;
    server_tokens off;
    client_body_temp_path {root}/nginx-temp/body;
    proxy_temp_path {root}/nginx-temp/proxy;
    fastcgi_temp_path {root}/nginx-temp/fastcgi;
    uwsgi_temp_path {root}/nginx-temp/uwsgi;
    scgi_temp_path {root}/nginx-temp/scgi;
    include {site};
}}
"""


def nginx_render(stack: Stack, out: Path) -> Path:
    """Render deploy/ for this run into `out`; the main configuration file to start nginx with."""
    sys.path.insert(0, str(ROOT / "deploy"))
    try:
        from render import DEFAULTS, nginx_has_brotli, render_tree
    finally:
        sys.path.remove(str(ROOT / "deploy"))
    values = {
        **DEFAULTS,
        "SERVER_NAME": "127.0.0.1 localhost",
        "HTTPS_PORT": f"127.0.0.1:{stack.ports['https']}",
        "HTTP_PORT": f"127.0.0.1:{stack.ports['http']}",
        "LOOPBACK_PORT": str(stack.ports["loopback"]),
        "UPSTREAM_A": f"127.0.0.1:{stack.ports['gunicorn_a']}",
        "UPSTREAM_B": f"127.0.0.1:{stack.ports['gunicorn_b']}",
        "TLS_CERTIFICATE": str(stack.cert),
        "TLS_CERTIFICATE_KEY": str(stack.cert.with_suffix(".key")),
        "ACME_ROOT": str(stack.root / "acme"),
        "LOG_DIR": str(stack.logs),
        "NGINX_SNIPPETS": str(out / "nginx"),
        "APP_ROOT": str(ROOT),
        "MEDIA_ROOT": str(stack.root / "media"),
        "PRIVATE_MEDIA_ROOT": str(stack.root / "media-private"),
    }
    render_tree(out, values, brotli=nginx_has_brotli(NGINX))
    (stack.root / "nginx-temp").mkdir(exist_ok=True)
    main = out / "nginx.conf"
    user = "user root root;" if os.geteuid() == 0 else ""
    main.write_text(
        MAIN_CONF.format(
            user=user, root=stack.root, logs=stack.logs, site=out / "nginx" / "tajikheritage.conf"
        )
    )
    return main


def nginx_check(stack: Stack, main: Path) -> None:
    """`nginx -t` on the rendered configuration: a StackError with nginx's words if it refuses."""
    done = subprocess.run(
        [NGINX, "-t", "-q", "-c", str(main), "-p", str(stack.root), "-e", str(stack.logs / "error.log")],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    if done.returncode != 0:
        raise StackError(f"nginx -t refused the configuration {main}:\n{done.stderr.strip()}")


def nginx_start(stack: Stack, main: Path) -> None:
    """Debian's nginx with the rendered configuration, in the foreground of its own process
    group (never the system service)."""
    nginx_check(stack, main)
    process = stack.spawn(
        "nginx",
        [NGINX, "-c", str(main), "-p", str(stack.root), "-e", str(stack.logs / "error.log"),
         "-g", "daemon off;"],
    )  # fmt: skip
    wait_http(f"http://127.0.0.1:{stack.ports['loopback']}/healthz", process=process, name="nginx")


def nginx_stop(stack: Stack) -> None:
    stack.stop("nginx")
