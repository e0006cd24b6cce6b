"""The smoke stands or falls with the repository's nginx configuration: a copy broken in any
of the ways below is refused by `nginx -t`, and the stack's start stops there with nginx's
own words, so `make prod-smoke` fails. The copy as it is passes."""

import re

import pytest

from tests.prod import stack as st

pytestmark = pytest.mark.prod_smoke

BREAKAGES = {
    "a missing semicolon": ("nginx/proxy.conf", r"proxy_http_version 1.1;", "proxy_http_version 1.1"),
    "an unknown directive": ("nginx/locations.conf", r"gzip on;", "gzip on;\ngzip_turbo on;"),
    "an upstream that does not exist": (
        "nginx/proxy.conf",
        r"proxy_pass http://tajikheritage_app;",
        "proxy_pass http://tajikheritage_ap;",
    ),
    "an unclosed block": ("nginx/tajikheritage.conf", r"keepalive 16;\n}", "keepalive 16;\n"),
}


@pytest.fixture
def rendered(tmp_path):
    """The deploy/ templates rendered for a stack that is never started."""
    root = tmp_path
    stack = st.Stack(root=root)
    stack.logs.mkdir()
    stack.ports = st.free_ports("https", "http", "loopback", "gunicorn_a", "gunicorn_b")
    stack.cert, _ = st.tls_make(root)
    return stack, st.nginx_render(stack, root / "rendered")


def test_the_configuration_as_committed_passes_nginx_t(rendered):
    stack, main = rendered
    st.nginx_check(stack, main)


@pytest.mark.parametrize("breakage", BREAKAGES)
def test_a_broken_copy_is_refused_and_the_smoke_does_not_start(rendered, breakage):
    stack, main = rendered
    name, pattern, replacement = BREAKAGES[breakage]
    path = main.parent / name
    text = path.read_text()
    broken, count = re.subn(pattern, replacement, text, count=1)
    assert count == 1, f"{pattern!r} is no longer in {name}: update this test"
    path.write_text(broken)
    with pytest.raises(st.StackError, match="nginx -t refused"):
        st.nginx_start(stack, main)
    assert "nginx" not in stack.processes
