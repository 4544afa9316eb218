"""The one safe way to GET a user-supplied URL: vetted addresses, bounded time and size."""

from __future__ import annotations

import asyncio
import http.cookiejar
import logging
import time
import zlib
from collections import OrderedDict
from collections.abc import AsyncIterator, Collection, Iterable, Iterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Any, Self

import httpcore
import httpx

from checks.read.address_guard import (
    DEFAULT_PORTS,
    AddressRefused,
    NameNotFound,
    Resolver,
    Target,
    normalize_allow,
    system_resolver,
    vet,
)

logger = logging.getLogger(__name__)

USER_AGENT = "sourcecheck/0.1 (+https://github.com/sourcecheck/sourcecheck; source checker)"
MAX_BYTES = 5 * 1024 * 1024
MAX_REDIRECTS = 5
ARTICLE_TYPES = frozenset({"text/html", "application/xhtml+xml", "text/plain"})
REDIRECT_CODES = frozenset({301, 302, 303, 307, 308})
TRANSIENT_CODES = frozenset({502, 503, 504})
STEP = 64 * 1024  # decompress in pieces of this size, so a bomb never expands at once
MAX_PINS = 1024  # vetted (host, port) -> addresses kept for the connection pool


class FetchError(Exception):
    """A link could not be read as an article; str(error) is a message for the user."""


class BlockedAddress(FetchError):
    """The link (or a redirect) points somewhere sourcecheck never connects to."""


class Unreachable(FetchError):
    """The site could not be found or did not let us connect."""


class FetchTimeout(FetchError):
    """The site took longer than the time limit."""


class TooLarge(FetchError):
    """The page is bigger than the size limit (counted after decompression)."""


class NotArticle(FetchError):
    """The link is a PDF, an image, a video...: not a page sourcecheck reads."""


class TooManyRedirects(FetchError):
    """The link redirects too many times, or in a circle."""


class HTTPStatusError(FetchError):
    """The site answered with an error status (404, 500 ...)."""

    def __init__(self, message: str, status: int) -> None:
        super().__init__(message)
        self.status = status


@dataclass(frozen=True, slots=True)
class Page:
    """A fetched page: the bytes as decompressed, and what the server said about them."""

    url: str  # as requested
    final_url: str  # after redirects
    status: int
    content_type: str  # media type only, lower case; "" if the server sent none
    charset: str | None  # as declared in Content-Type, not necessarily true
    body: bytes
    redirects: tuple[str, ...] = ()
    seconds: float = 0.0


@dataclass(frozen=True, slots=True)
class ProbeResult:
    """Whether a link answers: its final URL and status, or why it could not be reached."""

    url: str
    reachable: bool
    final_url: str | None = None
    status: int | None = None
    error: str = ""
    seconds: float = 0.0


class PinnedBackend(httpcore.AsyncNetworkBackend):
    """Connects only to addresses vetted for a (host, port); never resolves names itself."""

    def __init__(
        self, inner: httpcore.AsyncNetworkBackend | None = None, *, max_pins: int = MAX_PINS
    ) -> None:
        self._inner = inner or httpcore.AnyIOBackend()
        self._pins: OrderedDict[tuple[str, int], tuple[str, ...]] = OrderedDict()
        self.max_pins = max_pins

    def pin(self, target: Target) -> None:
        """Remember the vetted addresses; the least recently pinned hosts are forgotten first
        (a pin is used the moment after it is made, so a forgotten one is long done with)."""
        key = (target.host, target.port)
        self._pins.pop(key, None)
        self._pins[key] = target.addresses
        while len(self._pins) > self.max_pins:
            self._pins.popitem(last=False)

    def __len__(self) -> int:
        return len(self._pins)

    async def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,  # noqa: ASYNC109 (httpcore's interface)
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        addresses = self._pins.get((host.lower(), port))
        if not addresses:
            raise BlockedAddress(f"{host}:{port} was not checked before connecting")
        error: Exception | None = None
        for address in addresses:
            try:
                return await self._inner.connect_tcp(
                    address, port, timeout=timeout, socket_options=socket_options
                )
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as exc:
                error = exc
        assert error is not None
        raise error

    async def connect_unix_socket(
        self,
        path: str,
        timeout: float | None = None,  # noqa: ASYNC109 (httpcore's interface)
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        raise BlockedAddress("unix sockets are never used")

    async def sleep(self, seconds: float) -> None:
        await self._inner.sleep(seconds)


class PinnedTransport(httpx.AsyncHTTPTransport):
    """httpx's transport with its connection pool on a PinnedBackend."""

    def __init__(self, backend: PinnedBackend) -> None:
        super().__init__(trust_env=False)
        # httpx offers no public way to pass a network backend; TLS still verifies the
        # certificate and sends SNI for the URL's host name, only the TCP connect is pinned.
        self._pool = httpcore.AsyncConnectionPool(
            ssl_context=httpx.create_ssl_context(trust_env=False),
            max_connections=20,
            max_keepalive_connections=10,
            keepalive_expiry=5.0,
            network_backend=backend,
        )


class _BoundedDecoder:
    """Decompress as the body streams, never producing more than `limit` bytes in all."""

    def __init__(self, encoding: str, limit: int) -> None:
        self._limit = limit
        self._total = 0
        self._first = True
        encoding = encoding.strip().lower()
        self._deflate = encoding == "deflate"
        if encoding in ("", "identity"):
            self._zlib = None
        elif encoding in ("gzip", "x-gzip"):
            self._zlib = zlib.decompressobj(zlib.MAX_WBITS | 16)
        elif self._deflate:
            self._zlib = zlib.decompressobj()
        else:
            raise NotArticle(
                f"the site sent the page in an encoding sourcecheck cannot read ({encoding})"
            )

    def feed(self, data: bytes) -> Iterator[bytes]:
        """Decoded pieces of at most STEP bytes each; TooLarge as soon as the limit is passed."""
        if self._zlib is None:
            yield self._count(data)
            return
        while data:
            yield self._count(self._inflate(data, min(self._limit - self._total + 1, STEP)))
            data = self._zlib.unconsumed_tail

    def finish(self) -> bytes:
        return self._count(self._zlib.flush(STEP)) if self._zlib else b""

    def _inflate(self, data: bytes, max_length: int) -> bytes:
        assert self._zlib is not None
        try:
            return self._zlib.decompress(data, max_length)
        except zlib.error:
            if not (self._deflate and self._first):
                raise
            # Some servers send raw deflate without the zlib header.
            self._zlib = zlib.decompressobj(-zlib.MAX_WBITS)
            return self._zlib.decompress(data, max_length)
        finally:
            self._first = False

    def _count(self, piece: bytes) -> bytes:
        self._total += len(piece)
        if self._total > self._limit:
            raise TooLarge(f"the page is larger than {_megabytes(self._limit)}")
        return piece


def _megabytes(n: int) -> str:
    if n < 1024 * 1024:
        return f"{n / 1024:.0f} KB"
    return f"{n / 1024 / 1024:.3g} MB"


def media_type(header: str | None) -> tuple[str, str | None]:
    """("text/html", "utf-8") from a Content-Type header value."""
    if not header:
        return "", None
    parts = [p.strip() for p in header.split(";")]
    charset = None
    for param in parts[1:]:
        name, _, value = param.partition("=")
        if name.strip().lower() == "charset" and value.strip(" \"'"):
            charset = value.strip(" \"'").lower()
    return parts[0].lower(), charset


class Fetcher:
    """Fetches public web pages for strangers without letting them reach anything else."""

    def __init__(
        self,
        *,
        allow: Iterable[tuple[str, int]] = (),
        ports: Collection[int] = DEFAULT_PORTS,
        max_bytes: int = MAX_BYTES,
        max_redirects: int = MAX_REDIRECTS,
        connect_timeout: float = 5.0,
        read_timeout: float = 10.0,
        total_timeout: float = 20.0,
        retries: int = 2,
        backoff: float = 0.5,
        resolver: Resolver = system_resolver,
        network: httpcore.AsyncNetworkBackend | None = None,
        user_agent: str = USER_AGENT,
    ) -> None:
        self.allow = normalize_allow(allow)
        self.ports = frozenset(ports)
        self.max_bytes = max_bytes
        self.max_redirects = max_redirects
        self.total_timeout = total_timeout
        self.retries = retries
        self.backoff = backoff
        self._resolver = resolver
        self._backend = PinnedBackend(network)
        self._timeout = httpx.Timeout(
            connect_timeout, read=read_timeout, write=read_timeout, pool=connect_timeout
        )
        self._headers = {
            "User-Agent": user_agent,
            "Accept": "text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.1",
            "Accept-Encoding": "gzip, deflate",
        }
        self._client: httpx.AsyncClient | None = None

    @property
    def client(self) -> httpx.AsyncClient:
        if self._client is None:
            self._client = httpx.AsyncClient(
                transport=PinnedTransport(self._backend),
                headers=self._headers,
                timeout=self._timeout,
                follow_redirects=False,
                trust_env=False,
            )
            # One fetcher serves many users: the client itself keeps no cookies; each
            # fetch carries its own jar across its redirects only (_follow).
            self._client.cookies.jar.set_policy(
                http.cookiejar.DefaultCookiePolicy(allowed_domains=[])
            )
        return self._client

    async def aclose(self) -> None:
        if self._client is not None:
            await self._client.aclose()
            self._client = None

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.aclose()

    async def fetch(self, url: str, *, types: frozenset[str] = ARTICLE_TYPES) -> Page:
        """GET an article page: HTML, XHTML or plain text (or the media `types` a plug-in
        asks for, e.g. an API's JSON), at most max_bytes after decoding."""
        started = time.monotonic()
        async with self._limits(url), self._follow(url) as (response, chain):
            if response.status_code >= 400:
                raise _status_error(response)
            mime, charset = media_type(response.headers.get("content-type"))
            if mime and mime not in types:
                raise NotArticle(f"this link is not an article page (type {mime})")
            length = response.headers.get("content-length", "")
            if length.isdigit() and int(length) > self.max_bytes:
                raise TooLarge(f"the page is larger than {_megabytes(self.max_bytes)}")
            body = await self._read_body(response)
            if not mime and (not body.strip() or b"\x00" in body[:4096]):
                raise NotArticle("this link is not an article page (type unknown)")
            return Page(
                url=url,
                final_url=str(response.url),
                status=response.status_code,
                content_type=mime,
                charset=charset,
                body=body,
                redirects=tuple(chain),
                seconds=time.monotonic() - started,
            )

    async def probe(self, url: str) -> ProbeResult:
        """Whether a link answers (status after redirects), reading no body; never raises."""
        started = time.monotonic()
        try:
            async with self._limits(url), self._follow(url) as (response, _):
                status = response.status_code
                final = str(response.url)
        except FetchError as exc:
            status_code = exc.status if isinstance(exc, HTTPStatusError) else None
            return ProbeResult(
                url=url,
                reachable=False,
                status=status_code,
                error=str(exc),
                seconds=time.monotonic() - started,
            )
        return ProbeResult(
            url=url,
            reachable=status < 400,
            final_url=final,
            status=status,
            error=_status_message(status) if status >= 400 else "",
            seconds=time.monotonic() - started,
        )

    @asynccontextmanager
    async def _limits(self, url: str) -> AsyncIterator[None]:
        """The total time limit, and httpx errors turned into messages for the user."""
        host = _host_of(url)
        try:
            async with asyncio.timeout(self.total_timeout):
                yield
        except TimeoutError as exc:
            raise FetchTimeout(
                f"the site took too long to answer (more than {self.total_timeout:g} s)"
            ) from exc
        except httpx.TimeoutException as exc:
            raise FetchTimeout(f"the site {host} stopped answering") from exc
        except httpx.ConnectError as exc:
            raise Unreachable(f"could not connect to {host}") from exc
        except (httpx.InvalidURL, httpx.UnsupportedProtocol) as exc:
            raise BlockedAddress(f"this is not a link sourcecheck can fetch ({exc})") from exc
        except (httpx.HTTPError, zlib.error) as exc:
            raise Unreachable(f"the connection to {host} failed ({type(exc).__name__})") from exc

    @asynccontextmanager
    async def _follow(self, url: str) -> AsyncIterator[tuple[httpx.Response, list[str]]]:
        """Send GET, vetting every hop's address; yield the final (streaming) response."""
        try:
            current = httpx.URL(url)
        except httpx.InvalidURL as exc:
            raise BlockedAddress(f"this is not a link sourcecheck can fetch ({exc})") from exc
        chain: list[str] = []
        seen = {str(current.copy_with(fragment=None))}
        jar = httpx.Cookies()
        for hop in range(self.max_redirects + 1):
            await self._vet(current)
            response = await self._send(current, jar)
            jar.extract_cookies(response)
            location = response.headers.get("location")
            if response.status_code not in REDIRECT_CODES or not location:
                try:
                    yield response, chain
                finally:
                    await response.aclose()
                return
            await response.aclose()
            if hop == self.max_redirects:
                break
            try:
                current = current.join(location)
            except httpx.InvalidURL as exc:
                raise BlockedAddress(f"the link redirects to an invalid address ({exc})") from exc
            key = str(current.copy_with(fragment=None))
            if key in seen:
                raise TooManyRedirects("the link redirects in a circle")
            seen.add(key)
            chain.append(str(current))
        raise TooManyRedirects(f"the link redirects more than {self.max_redirects} times")

    async def _vet(self, url: httpx.URL) -> None:
        try:
            target = await vet(url, resolver=self._resolver, ports=self.ports, allow=self.allow)
        except AddressRefused as exc:
            raise BlockedAddress(str(exc)) from exc
        except NameNotFound as exc:
            raise Unreachable(str(exc)) from exc
        self._backend.pin(target)

    async def _send(self, url: httpx.URL, cookies: httpx.Cookies) -> httpx.Response:
        """GET with a few retries, with backoff, for failures that are usually transient."""
        for attempt in range(self.retries + 1):
            last = attempt == self.retries
            try:
                request = self.client.build_request("GET", url)
                cookies.set_cookie_header(request)
                response = await self.client.send(request, stream=True)
            except (httpx.ConnectError, httpx.ConnectTimeout):
                if last:
                    raise
                logger.info("retrying %s after a connection failure", url.host)
            else:
                if response.status_code not in TRANSIENT_CODES or last:
                    return response
                await response.aclose()
                logger.info("retrying %s after status %s", url.host, response.status_code)
            await asyncio.sleep(self.backoff * 2**attempt)
        raise AssertionError("unreachable")

    async def _read_body(self, response: httpx.Response) -> bytes:
        decoder = _BoundedDecoder(response.headers.get("content-encoding", ""), self.max_bytes)
        body = bytearray()
        raw_total = 0
        async for chunk in response.aiter_raw():
            raw_total += len(chunk)
            if raw_total > self.max_bytes:
                raise TooLarge(f"the page is larger than {_megabytes(self.max_bytes)}")
            for piece in decoder.feed(chunk):
                body += piece
        body += decoder.finish()
        return bytes(body)


def _host_of(url: str) -> str:
    try:
        return httpx.URL(url).host or url
    except Exception:  # InvalidURL, or an IDNA error from a malformed xn-- label
        return url[:100]


def _status_message(status: int) -> str:
    # The standard phrase, not the server's: a reason phrase is text a stranger controls.
    return f"the site answered {status} {httpx.codes.get_reason_phrase(status)}".strip()


def _status_error(response: httpx.Response) -> HTTPStatusError:
    return HTTPStatusError(_status_message(response.status_code), response.status_code)
