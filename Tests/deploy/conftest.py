"""Fixtures for the deployment test: the example site, the nginx configuration of docs/deploying.md, nginx.

The configuration is extracted from docs/deploying.md, so the page is what is tested: only its `listen`
and `root` lines are changed, to a free loopback port and a temporary folder. nginx runs with its own
prefix, pid file and error log and never touches a system nginx.

Environment:
  YARDSTICK_BIN   the yardstick executable (default .build/debug/yardstick)
  NGINX_BIN       the nginx executable (not NGINX: nginx itself reads that variable for inherited sockets) (default: nginx on the PATH, or /usr/sbin/nginx)
"""
from __future__ import annotations

import os
import re
import shutil
import signal
import socket
import stat
import subprocess
import tempfile
import time
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
DOC = REPO / "docs" / "deploying.md"
SUBPATH = "/ai-results/"
DOC_ROOT = "/var/www/yardstick"


def executable(variable: str, default: str | None, hint: str) -> str:
    path = os.environ.get(variable) or default
    if not path or not os.access(path, os.X_OK):
        pytest.exit(f"{hint} (or set {variable})", returncode=2)
    return path


def fenced_block(text: str, marker: str, language: str) -> str:
    """The first ```language block after the line holding `marker`."""
    start = text.find(marker)
    assert start >= 0, f"docs/deploying.md has no marker {marker!r}"
    match = re.compile(r"^```" + re.escape(language) + r"[ \t]*\n(.*?)^```[ \t]*$", re.S | re.M).search(text, start)
    assert match, f"no ```{language} block after {marker!r} in docs/deploying.md"
    return match.group(1)


def documented_server_block() -> str:
    return fenced_block(DOC.read_text(encoding="utf-8"), "<!-- nginx-config:", "nginx")


def adjusted(server: str, port: int, www: Path) -> str:
    """The documented server block on 127.0.0.1:port with root www; fails if the doc's lines moved."""
    server, listens = re.subn(r"^(\s*)listen\s+80\s*;", rf"\g<1>listen 127.0.0.1:{port};", server, flags=re.M)
    assert listens == 1, "the documented server block must have exactly one 'listen 80;' line"
    server, roots = re.subn(r"^(\s*)root\s+" + re.escape(DOC_ROOT) + r"\s*;", rf"\g<1>root {www};", server, flags=re.M)
    assert roots == 1, f"the documented server block must have exactly one 'root {DOC_ROOT};' line"
    return server


def main_config(server: str, prefix: Path) -> str:
    """A minimal nginx.conf around the documented server block, laid out like Debian's."""
    mime = "    include /etc/nginx/mime.types;\n" if Path("/etc/nginx/mime.types").is_file() else ""
    temp = "".join(f"    {name}_temp_path {prefix}/{name};\n" for name in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
    body = "\n".join("    " + line if line else "" for line in server.splitlines())
    return (f"worker_processes 1;\npid {prefix}/nginx.pid;\nerror_log {prefix}/error.log warn;\n"
            f"events {{ worker_connections 64; }}\n"
            f"http {{\n{mime}    default_type application/octet-stream;\n    sendfile on;\n"
            f"    access_log {prefix}/access.log;\n{temp}\n{body}\n}}\n")


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Server:
    """The running nginx: where it listens, and the paths the test built."""

    def __init__(self, port: int, site: Path, prefix: Path, config: Path):
        self.port = port
        self.site = site
        self.prefix = prefix
        self.config = config

    @property
    def origin(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def url(self, path: str) -> str:
        return self.origin + path


@pytest.fixture(scope="session")
def work():
    # Readable by nginx's unprivileged workers, which a pytest tmp_path (mode 0700) is not.
    root = Path(tempfile.mkdtemp(prefix="yardstick-nginx-"))
    root.chmod(0o755)
    yield root
    shutil.rmtree(root, ignore_errors=True)


@pytest.fixture(scope="session")
def site(work) -> Path:
    """The example site, built as a release and published by a symbolic link as docs/deploying.md shows."""
    binary = executable("YARDSTICK_BIN", str(REPO / ".build" / "debug" / "yardstick"),
                        "no yardstick binary: run `swift build --product yardstick`")
    release = work / "releases" / "test"
    result = subprocess.run([binary, "build", "--content", "content", "--output", str(release),
                             "--templates", "templates", "--quiet"], cwd=REPO, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, f"yardstick build failed ({result.returncode}):\n{result.stderr}"
    for path in [work / "releases", *release.rglob("*")]:
        mode = path.stat().st_mode
        path.chmod(mode | stat.S_IROTH | (stat.S_IXOTH if path.is_dir() else 0))
    www = work / "www"
    www.mkdir(mode=0o755)
    (www / SUBPATH.strip("/")).symlink_to(release)
    return release


@pytest.fixture(scope="session")
def nginx(work, site) -> Server:
    binary = executable("NGINX_BIN", shutil.which("nginx") or "/usr/sbin/nginx", "nginx is not installed: apt-get install -y nginx")
    prefix = work / "nginx"
    prefix.mkdir(mode=0o755)
    port = free_port()
    config = prefix / "nginx.conf"
    config.write_text(main_config(adjusted(documented_server_block(), port, work / "www"), prefix), encoding="utf-8")
    command = [binary, "-p", str(prefix), "-c", str(config), "-e", str(prefix / "error.log")]
    environment = {name: value for name, value in os.environ.items() if name != "NGINX"}
    tested = subprocess.run(command + ["-t"], capture_output=True, text=True, env=environment)
    assert tested.returncode == 0, f"nginx -t rejects the documented configuration:\n{tested.stderr}"
    started = subprocess.run(command, capture_output=True, text=True, env=environment)
    assert started.returncode == 0, f"nginx did not start:\n{started.stderr}"
    pid_file = prefix / "nginx.pid"
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                break
        except OSError:
            time.sleep(0.05)
    else:
        pytest.fail(f"nginx is not listening on {port}:\n{(prefix / 'error.log').read_text()}")
    server = Server(port, site, prefix, config)
    yield server
    # Stop only the nginx this fixture started, by the pid in its own pid file.
    pid = int(pid_file.read_text().strip())
    os.kill(pid, signal.SIGQUIT)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            os.kill(pid, 0)
            time.sleep(0.05)
        except ProcessLookupError:
            break
    else:
        os.kill(pid, signal.SIGTERM)
