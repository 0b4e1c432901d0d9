"""A local web server for URL imports: the tests never reach the internet."""

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest


class Site:
    """Pages by path: (status, headers, body). `url(path)` names one on the server."""

    def __init__(self, server):
        self.server, self.pages, self.requests = server, {}, []

    def url(self, path):
        return f"http://127.0.0.1:{self.server.server_address[1]}{path}"

    def add(self, path, body, status=200, content_type="text/html; charset=utf-8", **headers):
        self.pages[path] = (status, {"Content-Type": content_type, **headers}, body)


@pytest.fixture
def site():
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            served.requests.append(self.path)
            status, headers, body = served.pages.get(self.path, (404, {}, b"not found"))
            self.send_response(status)
            for name, value in headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    served = Site(server)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield served
    server.shutdown()
    server.server_close()
