"""Fetching pages safely: http(s) only, limits, and never the local network."""

import socket
import threading

import pytest

from claimtracker.importing.fetching import FetchError, fetch
from tests.importing import inputs


def test_a_page_is_fetched_with_its_type_final_address_and_time(site):
    site.add("/old", b"", status=301, Location="/news/users.html")
    site.add("/news/users.html", inputs.news_page())
    fetched = fetch(site.url("/old"), allow_loopback=True)
    assert (fetched.content, fetched.content_type, fetched.url) == (
        inputs.news_page(),
        "text/html; charset=utf-8",
        site.url("/news/users.html"),
    )
    assert fetched.fetched_at.tzinfo is not None
    assert site.requests == ["/old", "/news/users.html"]


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:9/",  # loopback, not allowed here
        "http://10.0.0.8/internal",
        "http://192.168.1.1/router",
        "http://169.254.169.254/latest/meta-data/",  # a cloud's metadata service
        "http://[::1]/",
        "http://0.0.0.0/",
        "http://localhost/",
    ],
)
def test_addresses_of_the_local_network_are_refused_before_any_connection(url):
    with pytest.raises(FetchError, match="local network"):
        fetch(url, allow_loopback=False, timeout=1)


def test_a_redirect_into_the_local_network_is_refused(site):
    site.add("/away", b"", status=302, Location="http://10.1.2.3/admin/")
    with pytest.raises(FetchError, match="local network"):
        fetch(site.url("/away"), allow_loopback=True, timeout=1)


@pytest.mark.parametrize(
    "url", ["ftp://example.org/file.txt", "file:///etc/passwd", "javascript:alert(1)", "example.org"]
)
def test_only_http_and_https_are_fetched(url):
    with pytest.raises(FetchError, match="Only http and https"):
        fetch(url, allow_loopback=True)


def test_a_page_over_the_size_limit_is_refused(site):
    site.add("/big", b"x" * 5000)
    with pytest.raises(FetchError, match="larger than the limit"):
        fetch(site.url("/big"), allow_loopback=True, max_bytes=4000)


def test_an_error_answer_is_named(site):
    with pytest.raises(FetchError, match="answered 404"):
        fetch(site.url("/missing"), allow_loopback=True)


def test_an_unreachable_server_and_an_unknown_host_are_named():
    with socket.socket() as free:
        free.bind(("127.0.0.1", 0))
        port = free.getsockname()[1]
    with pytest.raises(FetchError, match="could not be reached"):
        fetch(f"http://127.0.0.1:{port}/", allow_loopback=True, timeout=2)
    with pytest.raises(FetchError, match="could not be found"):
        fetch("http://no-such-host.invalid/", allow_loopback=True, timeout=2)


def test_a_server_that_does_not_answer_times_out():
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(1)
    accepted = []
    thread = threading.Thread(target=lambda: accepted.append(listener.accept()), daemon=True)
    thread.start()
    try:
        with pytest.raises(FetchError, match="timed out"):
            fetch(f"http://127.0.0.1:{listener.getsockname()[1]}/", allow_loopback=True, timeout=0.5)
    finally:
        listener.close()
