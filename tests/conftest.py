"""Shared fixtures: the real site built once per session, a local server and Debian's chromium."""
from __future__ import annotations

import functools
import gzip
import io
import os
import shutil
import subprocess
import sys
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from scripts.config import ROOT

CHROMIUM = "/usr/bin/chromium"
# Without these flags chromium tries the closed network (updates, sync) on every start.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--disable-default-apps"]


def build(source: Path, out: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(out)], cwd=source,
                          capture_output=True, text=True, env=env)


@pytest.fixture(scope="session")
def built(tmp_path_factory):
    """The real site, built with --strict (never -q, which hides warnings)."""
    out = tmp_path_factory.mktemp("site")
    result = build(ROOT, out)
    return out, result


@pytest.fixture(scope="session")
def site_dir(built):
    out, result = built
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-6000:]
    return out


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


class GzipHandler(QuietHandler):
    """Serves text files gzip-compressed, as a production web server would (for Lighthouse)."""

    TEXT = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt")

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?")[0].endswith("/"):
                return super().send_head()  # the base class redirects to the trailing slash
            path = path / "index.html"
        if "gzip" not in self.headers.get("Accept-Encoding", "") or not path.is_file() or path.suffix not in self.TEXT:
            return super().send_head()
        body = gzip.compress(path.read_bytes(), 6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=3600")
        self.end_headers()
        return io.BytesIO(body)


class Server(ThreadingHTTPServer):
    request_queue_size = 64  # http.server's default backlog of 5 stalls a browser's parallel requests
    daemon_threads = True


@pytest.fixture(scope="session")
def serve():
    """Start a local server for a folder; returns its base URL."""
    servers = []

    def start(folder: Path, gzip: bool = False) -> str:
        handler = GzipHandler if gzip else QuietHandler
        server = Server(("127.0.0.1", 0), functools.partial(handler, directory=str(folder)))
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return f"http://127.0.0.1:{server.server_address[1]}/"

    yield start
    for server in servers:
        server.shutdown()


@pytest.fixture(scope="session")
def base_url(site_dir, serve):
    return serve(site_dir)


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    assert Path(CHROMIUM).exists(), "Debian's chromium is missing: run the tests through ./run test"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def context(browser):
    """A fresh browser context that refuses, and records, every request leaving 127.0.0.1."""
    context = browser.new_context()
    context.outside_requests = []

    def guard(route):
        url = route.request.url
        if url.startswith("http://127.0.0.1:") or url.startswith("data:") or url.startswith("blob:"):
            route.continue_()
        else:
            context.outside_requests.append(url)
            route.abort()

    context.route("**/*", guard)
    yield context
    context.close()


@pytest.fixture(scope="session")
def fallback_site(tmp_path_factory, serve):
    """A copy of the project with one English page removed, built: that page becomes a Swedish fallback."""
    root = tmp_path_factory.mktemp("fallback-project")
    for name in ("docs", "data", "overrides", "scripts", "mkdocs.yml", ".git"):
        source = ROOT / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, root / name)
    (root / "docs/en/om/integritet.md").unlink()
    out = root / "site"
    result = build(root, out)
    assert result.returncode == 0, result.stderr[-6000:]
    return out, serve(out)
