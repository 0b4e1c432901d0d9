"""Re-anchoring a claim after its document's text changed (DESIGN §4).

In this order: the same offsets still hold → keep; the exact quote is found,
the stored prefix and suffix choosing among several occurrences → move; a
close fuzzy match near where it was, or anywhere → move and flag for review;
else → orphaned, keeping its last quote. Offsets are code points.
"""

from dataclasses import dataclass

from rapidfuzz import fuzz

from . import anchoring

KEPT, MOVED, REVIEW, ORPHANED = "kept", "moved", "review", "orphaned"
FUZZY_THRESHOLD = 85  # rapidfuzz partial_ratio, 0–100: one changed word in ten still passes
FUZZY_MIN_LENGTH = 12  # shorter quotes match too much by chance
NEARBY = 2_000  # characters either side of the old position searched first


@dataclass(frozen=True)
class Reanchored:
    outcome: str
    start: int
    end: int
    quote: str
    prefix: str
    suffix: str

    @property
    def anchor(self):
        """The Claim.anchor value for this outcome."""
        return {KEPT: "anchored", MOVED: "anchored", REVIEW: "review", ORPHANED: "orphaned"}[self.outcome]


def reanchor(new_text, start, end, quote, prefix="", suffix=""):
    if new_text[start:end] == quote:
        return located(KEPT, new_text, start, end)
    starts = anchoring.occurrences(new_text, quote)
    if starts:
        return by_context(new_text, starts, start, quote, prefix, suffix)
    match = fuzzy_match(new_text, start, quote)
    if match:
        return located(REVIEW, new_text, *match)
    return Reanchored(ORPHANED, start, end, quote, prefix, suffix)


def located(outcome, text, start, end):
    prefix, suffix = anchoring.context(text, start, end)
    return Reanchored(outcome, start, end, text[start:end], prefix, suffix)


def by_context(text, starts, old_start, quote, prefix, suffix):
    """The occurrence whose surroundings agree most with the stored prefix and suffix."""
    scored = sorted(
        ((context_agreement(text, at, quote, prefix, suffix), -abs(at - old_start), at) for at in starts),
        reverse=True,
    )
    best, *rest = scored
    at = best[2]
    tie = bool(rest) and rest[0][0] == best[0]
    return located(REVIEW if tie else MOVED, text, at, at + len(quote))


def context_agreement(text, at, quote, prefix, suffix):
    """Characters of the stored prefix (from its end) and suffix (from its start) found around `at`."""
    before = text[max(0, at - len(prefix)) : at]
    after = text[at + len(quote) : at + len(quote) + len(suffix)]
    return common_suffix(before, prefix) + common_prefix(after, suffix)


def common_prefix(a, b):
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return n


def common_suffix(a, b):
    n = 0
    while n < min(len(a), len(b)) and a[-1 - n] == b[-1 - n]:
        n += 1
    return n


def fuzzy_match(text, old_start, quote):
    """(start, end) of the passage most like `quote`, near its old place first, or None."""
    if len(quote) < FUZZY_MIN_LENGTH:
        return None
    window_start = max(0, old_start - NEARBY)
    for offset, haystack in ((window_start, text[window_start : old_start + len(quote) + NEARBY]), (0, text)):
        found = fuzz.partial_ratio_alignment(quote, haystack, score_cutoff=FUZZY_THRESHOLD)
        if found:
            start, end = offset + found.dest_start, offset + found.dest_end
            return trimmed(text, start, end)
    return None


def trimmed(text, start, end):
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
