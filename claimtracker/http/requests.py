"""JSON request bodies read safely: the right content type, a bounded size and
depth, text that can be stored (no NUL, no lone surrogate), an object at the top.
Anything else is a clear 4xx, never a 500."""

import json

MAX_BYTES = 256 * 1024
MAX_DEPTH = 20


class Refused(Exception):
    """A request refused before it reaches the domain: a status and a message."""

    def __init__(self, message, status=400):
        super().__init__(message)
        self.message, self.status = message, status


def json_object(request):
    """The request's JSON object, or Refused saying what is wrong with it."""
    content_type = request.content_type or ""
    if content_type != "application/json":
        raise Refused("Send the request as JSON (Content-Type: application/json).", status=415)
    if int(request.META.get("CONTENT_LENGTH") or 0) > MAX_BYTES:
        raise Refused(f"The request is larger than {MAX_BYTES // 1024} KB.", status=413)
    try:
        payload = json.loads(request.body or b"{}")
    except (ValueError, UnicodeDecodeError, RecursionError):
        raise Refused("The request is not valid JSON.") from None
    if not isinstance(payload, dict):
        raise Refused("The request must be a JSON object.")
    check_storable(payload)
    return payload


def check_storable(value):
    """Walk the payload without recursion: bounded nesting, text a database can hold."""
    stack = [(value, 0)]
    while stack:
        item, depth = stack.pop()
        if depth > MAX_DEPTH:
            raise Refused(f"The request is nested deeper than {MAX_DEPTH} levels.")
        if isinstance(item, dict):
            stack += [(key, depth + 1) for key in item] + [(child, depth + 1) for child in item.values()]
        elif isinstance(item, list):
            stack += [(child, depth + 1) for child in item]
        elif isinstance(item, str) and not storable(item):
            raise Refused(
                "The request holds text that cannot be stored (a NUL character or a lone surrogate)."
            )
        elif isinstance(item, int) and not isinstance(item, bool) and abs(item) >= 2**63:
            raise Refused("The request holds a number too large to be an id or a count.")


def storable(text):
    if "\x00" in text:
        return False
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True
