"""The matches of a query's words in a text, marked for display: as the index
analyses them (analysis.py), a Latin word as a prefix and Chinese as written."""

import re

from .analysis import CJK, is_cjk


def match_spans(text, query):
    """(start, end) of every match of `query`'s words in `text`, merged and in order."""
    spans = []
    for word in set(re.findall(rf"[{CJK}]+|[^\W{CJK}]+", (query or "").lower())):
        pattern = re.escape(word) if is_cjk(word) else rf"\b{re.escape(word)}\w*"
        spans += [match.span() for match in re.finditer(pattern, text, re.IGNORECASE)]
    merged = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def highlight(text, query):
    """`text` as (segment, is_match) pairs: the template marks the matches, escaping everything."""
    pieces, at = [], 0
    for start, end in match_spans(text, query):
        if start > at:
            pieces.append((text[at:start], False))
        pieces.append((text[start:end], True))
        at = end
    if at < len(text):
        pieces.append((text[at:], False))
    return pieces


def snippet(text, query, width=240):
    """About `width` characters of `text` around its first match, highlighted."""
    spans = match_spans(text, query)
    if len(text) <= width or not spans:
        window, lead, tail = text[:width], "", "…" if len(text) > width else ""
    else:
        start = max(0, spans[0][0] - width // 3)
        window = text[start : start + width]
        lead, tail = ("…" if start else ""), ("…" if start + width < len(text) else "")
    pieces = highlight(window, query)
    return ([(lead, False)] if lead else []) + pieces + ([(tail, False)] if tail else [])
