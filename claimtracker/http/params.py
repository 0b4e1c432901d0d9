"""Numbers from query strings: ASCII digits only (str.isdigit() also accepts "²"
and "⑦", which int() refuses), within bounds a database can hold."""

import re

DIGITS = re.compile(r"[0-9]{1,18}")


def positive_int(raw, default=None, highest=2**63 - 1):
    """`raw` as an int from 1 to `highest`, or `default` when it is not one."""
    if raw is None or not DIGITS.fullmatch(raw):
        return default
    value = int(raw)
    return value if 1 <= value <= highest else default


def text(raw, limit=200):
    """Query text as a lookup can use it: NUL characters dropped, at most `limit` characters."""
    return (raw or "").replace("\x00", "").strip()[:limit]
