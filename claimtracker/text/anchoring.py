"""Anchors of claims in text (DESIGN §4), as pure functions on strings.

Offsets are Python string indices, i.e. Unicode code points, as in the
W3C Web Annotation TextPositionSelector
(https://www.w3.org/TR/annotation-model/#text-position-selector).
"""

CONTEXT_LENGTH = 32


def selector_problem(text, start, end, quote):
    """Why (start, end, quote) does not anchor in `text`, or None if it does."""
    if start < 0 or end <= start:
        return "The selection is empty or its offsets are reversed."
    if end > len(text):
        return f"The selection ends at {end}, past the end of the text ({len(text)} characters)."
    found = text[start:end]
    if found != quote:
        return (
            f"The quote does not match the document at {start}–{end}: "
            f"the text there reads “{shorten(found, 60)}”."
        )
    return None


def context(text, start, end, length=CONTEXT_LENGTH):
    """The prefix and suffix of a TextQuoteSelector: up to `length` characters each side."""
    return text[max(0, start - length) : start], text[end : end + length]


def occurrences(text, quote):
    """Start offsets of every occurrence of `quote` in `text` (overlapping ones too)."""
    starts, at = [], text.find(quote)
    while quote and at != -1:
        starts.append(at)
        at = text.find(quote, at + 1)
    return starts


def shorten(text, width):
    """`text` on one line, cut to `width` characters with an ellipsis."""
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1].rstrip() + "…"
