"""A real HTTP server on 127.0.0.1 with corpus pages and hostile cases, and a fake network."""

from __future__ import annotations

import threading
import time
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import httpcore
import pytest

PAGES = Path(__file__).parents[1] / "fixtures" / "pages"
BOMB_BYTES = 64 * 1024 * 1024
WRONG_CHARSET_PAGE = (
    '<html><head><meta charset="gb2312"><title>Déjà vu à Zürich</title></head><body><article>'
    "<p>Le conseil municipal de Zürich a voté jeudi une résolution sur l'accès aux données, "
    "selon un communiqué publié par la ville et repris par plusieurs journaux régionaux.</p>"
    "<p>« Nous voulons des règles claires », a déclaré la maire, citée par "
    '<a href="/source">le communiqué</a>.</p></article></body></html>'
).encode()
PLAIN_TEXT = (
    b"Minutes of the council meeting.\n\nThe report is at https://example.org/report.pdf and "
    b"was adopted unanimously.\n"
)


def gzip_bomb(size: int) -> bytes:
    """size bytes of zeros, gzip-compressed (about a thousandth of the size)."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, zlib.MAX_WBITS | 16)
    zeros = b"\0" * (1 << 20)
    parts = [compressor.compress(zeros) for _ in range(size >> 20)]
    return b"".join(parts) + compressor.flush()


class Handler(BaseHTTPRequestHandler):
    server: Server

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def do_GET(self) -> None:
        self.server.requests.append(self.path)
        self.server.user_agents.append(self.headers.get("User-Agent", ""))
        parts = self.path.split("?")[0].strip("/").split("/")
        route = getattr(self, f"route_{parts[0].replace('-', '_')}", None)
        try:
            if route is None:
                self.reply(404, b"<html><body>not here</body></html>")
            else:
                route(*parts[1:])
        except (BrokenPipeError, ConnectionResetError):
            pass

    def reply(self, status: int, body: bytes, content_type: str = "text/html", **headers: str):
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in headers.items():
            self.send_header(name.replace("_", "-"), value)
        self.end_headers()
        self.wfile.write(body)

    def redirect(self, location: str, status: int = 302) -> None:
        self.reply(status, b"", Location=location)

    def route_pages(self, slug: str) -> None:
        self.reply(200, (PAGES / slug / "source.html").read_bytes())

    def route_gzip(self, slug: str) -> None:
        body = (PAGES / slug / "source.html").read_bytes()
        self.reply(200, zlib.compress(body, wbits=zlib.MAX_WBITS | 16), Content_Encoding="gzip")

    def route_raw_deflate(self, slug: str) -> None:
        body = (PAGES / slug / "source.html").read_bytes()
        self.reply(200, zlib.compress(body, wbits=-zlib.MAX_WBITS), Content_Encoding="deflate")

    def route_brotli(self) -> None:
        self.reply(200, b"\x1b\x00", Content_Encoding="br")

    def route_redirect(self, hops: str) -> None:
        n = int(hops)
        self.redirect(f"/redirect/{n - 1}" if n > 0 else "/pages/17-iloveponys-barbour-anzeige")

    def route_loop(self, side: str) -> None:
        self.redirect("/loop/b" if side == "a" else "/loop/a", 301)

    def route_to(self, where: str) -> None:
        port = self.server.server_address[1]
        targets = {
            "other-port": f"http://127.0.0.1:{self.server.other_port}/pages/x",
            "localhost": f"http://localhost:{port}/pages/x",
            "metadata": "http://169.254.169.254/latest/meta-data/",
            "ftp": "ftp://127.0.0.1/x",
        }
        self.redirect(targets[where])

    def route_gzip_bomb(self) -> None:
        self.reply(200, self.server.bomb, Content_Encoding="gzip")

    def route_endless(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.end_headers()
        chunk = b"<p>" + b"x" * 65536 + b"</p>\n"
        while True:
            self.wfile.write(chunk)

    def route_drip(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", "1000")
        self.end_headers()
        for _ in range(1000):
            self.wfile.write(b"x")
            self.wfile.flush()
            time.sleep(0.5)

    def route_status(self, code: str) -> None:
        self.reply(int(code), b"<html><body>error page</body></html>")

    def route_cookie_set(self) -> None:
        self.reply(302, b"", Location="/cookie-echo", Set_Cookie="session=visitor-a; Path=/")

    def route_cookie_echo(self) -> None:
        cookie = self.headers.get("Cookie") or "no cookie"
        body = f"<html><body><article><p>Cookie seen: {cookie}.</p></article></body></html>"
        self.reply(200, body.encode())

    def route_pdf(self) -> None:
        self.reply(200, b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n", "application/pdf")

    def route_lying_length(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(50 * 1024 * 1024))
        self.end_headers()

    def route_wrong_charset(self) -> None:
        self.reply(200, WRONG_CHARSET_PAGE, "text/html; charset=gb2312")

    def route_plain(self) -> None:
        self.reply(200, PLAIN_TEXT, "text/plain; charset=utf-8")

    def route_flaky(self, key: str) -> None:
        count = self.server.counts[key] = self.server.counts.get(key, 0) + 1
        if count <= 2:
            self.reply(503, b"busy")
        else:
            self.route_pages("17-iloveponys-barbour-anzeige")

    def route_down(self) -> None:
        self.reply(503, b"busy")


class Server(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), Handler)
        self.requests: list[str] = []
        self.user_agents: list[str] = []
        self.connections = 0
        self.counts: dict[str, int] = {}
        self.other_port = 0
        self.bomb = b""

    def process_request(self, request: Any, client_address: Any) -> None:
        self.connections += 1
        super().process_request(request, client_address)

    @property
    def port(self) -> int:
        return int(self.server_address[1])

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"


def start() -> Server:
    server = Server()
    threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True).start()
    return server


@pytest.fixture(scope="session")
def servers() -> Iterator[tuple[Server, Server]]:
    main, other = start(), start()
    main.other_port = other.port
    main.bomb = gzip_bomb(BOMB_BYTES)
    yield main, other
    for server in (main, other):
        server.shutdown()
        server.server_close()


@pytest.fixture
def server(servers: tuple[Server, Server]) -> Server:
    """The main test server; only it is on the allowlist the tests pass."""
    return servers[0]


@pytest.fixture
def other_server(servers: tuple[Server, Server]) -> Server:
    """A second loopback server that is never allowlisted: it must never see a connection."""
    return servers[1]


@dataclass
class RecordingNetwork(httpcore.AsyncNetworkBackend):
    """A network layer that records and refuses every connection: nothing leaves the process."""

    attempts: list[tuple[str, int]] = field(default_factory=list)

    async def connect_tcp(self, host: str, port: int, *args: Any, **kwargs: Any) -> Any:
        self.attempts.append((host, port))
        raise httpcore.ConnectError(f"test network: refused {host}:{port}")

    async def connect_unix_socket(self, path: str, *args: Any, **kwargs: Any) -> Any:
        self.attempts.append((path, 0))
        raise httpcore.ConnectError("test network: refused")

    async def sleep(self, seconds: float) -> None:
        pass


@dataclass
class FakeResolver:
    """DNS answers from a table; records every name asked about."""

    answers: dict[str, list[str]] = field(default_factory=dict)
    asked: list[str] = field(default_factory=list)

    async def __call__(self, host: str, port: int) -> list[str]:
        self.asked.append(host)
        if host not in self.answers:
            raise OSError("no such name")
        return self.answers[host]


@pytest.fixture
def network() -> RecordingNetwork:
    return RecordingNetwork()


@pytest.fixture
def resolver() -> FakeResolver:
    return FakeResolver(
        {
            "news.example": ["93.184.216.34"],
            "intranet.example": ["10.1.2.3"],
            "mixed.example": ["93.184.216.34", "192.168.1.10"],
            "metadata.example": ["169.254.169.254"],
            "v6private.example": ["fd00::1"],
            "mapped.example": ["::ffff:10.0.0.1"],
        }
    )
