"""Fetching a page for import, safely: http and https only, a timeout, a size limit,
and never an address of the local network (the server could otherwise be made to read
its own admin, a database or a cloud's metadata service). Each address is checked when
it is resolved, and the connection goes to that checked address (no second lookup that
could answer otherwise); redirects are followed by hand, each hop checked the same way.
No Django: the caller passes the limits.
"""

import datetime
import ipaddress
import socket
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import urllib3

from .extracting import ExtractionError

USER_AGENT = "Claimtracker/1.0 (document import; +https://github.com/)"
MAX_REDIRECTS = 5


@dataclass
class Fetched:
    content: bytes
    content_type: str
    url: str  # after redirects
    fetched_at: datetime.datetime


class FetchError(ExtractionError):
    """The URL could not be fetched; the message says why."""


def fetch(url, *, timeout=15.0, max_bytes=10_000_000, allow_loopback=False):
    for _ in range(MAX_REDIRECTS + 1):
        response = request(url, timeout, max_bytes, allow_loopback)
        if response.status in (301, 302, 303, 307, 308) and response.headers.get("Location"):
            url = urljoin(url, response.headers["Location"])
            continue
        if response.status >= 400:
            raise FetchError(f"The server answered {response.status} for {url}.")
        return Fetched(
            content=response.data,
            content_type=response.headers.get("Content-Type", ""),
            url=url,
            fetched_at=datetime.datetime.now(datetime.UTC),
        )
    raise FetchError(f"Too many redirects (more than {MAX_REDIRECTS}).")


def request(url, timeout, max_bytes, allow_loopback):
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise FetchError("Only http and https addresses can be imported.")
    port = parts.port or (443 if parts.scheme == "https" else 80)
    address = checked_address(parts.hostname, port, allow_loopback)
    options = {"timeout": urllib3.Timeout(connect=timeout, read=timeout), "retries": False, "maxsize": 1}
    if parts.scheme == "https":
        pool = urllib3.HTTPSConnectionPool(
            address, port, server_hostname=parts.hostname, assert_hostname=parts.hostname, **options
        )
    else:
        pool = urllib3.HTTPConnectionPool(address, port, **options)
    path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    headers = {"Host": parts.netloc.rsplit("@", 1)[-1], "User-Agent": USER_AGENT, "Accept": "*/*"}
    try:
        response = pool.urlopen("GET", path, headers=headers, redirect=False, preload_content=False)
        data = read_limited(response, max_bytes)
    except urllib3.exceptions.HTTPError as error:
        raise FetchError(f"{parts.hostname} could not be reached ({reason(error)}).") from error
    finally:
        pool.close()
    return Response(response.status, response.headers, data)


@dataclass
class Response:
    status: int
    headers: dict
    data: bytes


def read_limited(response, max_bytes):
    declared = response.headers.get("Content-Length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        response.release_conn()
        raise FetchError(f"The page is larger than the limit of {max_bytes // 1_000_000} MB.")
    chunks, size = [], 0
    for chunk in response.stream(65536):
        size += len(chunk)
        if size > max_bytes:
            response.release_conn()
            raise FetchError(f"The page is larger than the limit of {max_bytes // 1_000_000} MB.")
        chunks.append(chunk)
    return b"".join(chunks)


def reason(error):
    text = str(getattr(error, "reason", None) or error)
    return "timed out" if "timed out" in text.lower() else text.split(": ", 1)[-1][:200]


def checked_address(host, port, allow_loopback):
    """The first address the host resolves to, if it is public (or loopback, when allowed)."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as error:
        raise FetchError(f"{host} could not be found.") from error
    for *_, sockaddr in infos:
        address = ipaddress.ip_address(sockaddr[0])
        if address.is_loopback and allow_loopback:
            return str(address)
        if not address.is_global or address.is_multicast:
            raise FetchError(f"{host} is an address of a local network; only public sites can be imported.")
    return str(ipaddress.ip_address(infos[0][4][0]))
