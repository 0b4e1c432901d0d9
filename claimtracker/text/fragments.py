"""Text fragments (https://wicg.github.io/scroll-to-text-fragment/): a URL ending in
`#:~:text=[prefix-,]start[,end][,-suffix]` makes the browser scroll to, and mark, a
passage of the page.

A browser takes the first place where `start` occurs (with `prefix` right before
it and `suffix` right after the match, where given), then the nearest `end`
after it. A long quote is named by its first and last words; where those words
occur earlier in the text — another sentence that begins the same way — the
words before and after the quote are added until the first match is the quote.
The check runs on the stored text, the closest copy of the page there is.
"""

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

EDGE_WORDS = 5  # a quote of more than twice as many words is named by its first and last ones
CONTEXT_WORDS = 3  # words of prefix or suffix, when needed


@dataclass(frozen=True)
class Directive:
    start: str
    end: str = ""
    prefix: str = ""
    suffix: str = ""

    @property
    def parts(self):
        # dataclasses.astuple deep-copies field by field: a fifth of a CSV export's time.
        return self.start, self.end, self.prefix, self.suffix

    def encode(self):
        parts = [f"{fragment_part(self.prefix)}-"] if self.prefix else []
        parts.append(fragment_part(self.start))
        if self.end:
            parts.append(fragment_part(self.end))
        if self.suffix:
            parts.append(f"-{fragment_part(self.suffix)}")
        # A period that ends a URL is taken for the sentence's by mail clients and word
        # processors, which then cut it off: encoded, it stays part of the link.
        encoded = ",".join(parts)
        return encoded[:-1] + "%2E" if encoded.endswith(".") else encoded


def fragment_url(url, text, start, end):
    """`url` with a text directive that marks text[start:end], and only it, on its first match."""
    return url_with_directive(url, encoded_directive(text, start, end))


def encoded_directive(text, start, end):
    """The directive for text[start:end] as it goes in a URL (what a claim keeps: corpus.Claim.fragment)."""
    return directive_for(text, start, end).encode()


def url_with_directive(url, encoded):
    return f"{url.split('#', 1)[0]}#:~:text={encoded}"


def directive_for(text, start, end):
    flat = flattened(text)
    wanted = (flat.to_flat(start), flat.to_flat(end))
    quote = flat.text[wanted[0] : wanted[1]]  # single-spaced already
    words = quote.split(" ")
    candidates = []
    if len(words) > 2 * EDGE_WORDS:
        candidates.append(Directive(" ".join(words[:EDGE_WORDS]), " ".join(words[-EDGE_WORDS:])))
    candidates.append(Directive(quote))
    for directive in candidates:
        if flat_match(flat.text, *directive.parts) == wanted:
            return directive
    prefix, suffix = words_before(text, start), words_after(text, end)
    if not (prefix or suffix):
        return candidates[-1]
    candidates = [Directive(c.start, c.end, prefix, suffix) for c in candidates]
    for directive in candidates:
        if flat_match(flat.text, *directive.parts) == wanted:
            return directive
    return candidates[-1]  # the most specific one, even where the stored text cannot tell


def words_before(text, at, window=400):
    words = text[max(0, at - window) : at].split()
    if at > window and len(words) <= CONTEXT_WORDS:  # the window may have cut a word: look further
        words = text[:at].split()
    return " ".join(words[-CONTEXT_WORDS:])


def words_after(text, at, window=400):
    words = text[at : at + window].split()
    if at + window < len(text) and len(words) <= CONTEXT_WORDS:
        words = text[at:].split()
    return " ".join(words[:CONTEXT_WORDS])


def first_match(text, directive):
    """(start, end) of what a browser would mark for `directive` in `text`, by the spec's search
    order, on text whose runs of white space count as one."""
    flat = flattened(text)
    found = flat_match(flat.text, *(" ".join(part.split()) for part in directive.parts))
    return (flat.to_text(found[0]), flat.to_text(found[1])) if found else None


def flat_match(flat, start, end="", prefix="", suffix=""):
    """first_match in text whose white space is single spaces, for a directive's parts
    single-spaced too: plain string search, no pattern per claim."""
    at = flat.find(start)
    while at != -1:
        stop = at + len(start)
        before = at - 1 if at and flat[at - 1] == " " else at
        matches = not prefix or flat.endswith(prefix, 0, before)
        if matches and end:
            found = flat.find(end, stop)
            matches, stop = found != -1, found + len(end)
        if matches and suffix:
            matches = flat.startswith(suffix, stop + 1 if flat.startswith(" ", stop) else stop)
        if matches:
            return at, stop
        at = flat.find(start, at + 1)
    return None


# Runs of white space that are not one plain space.
IRREGULAR_SPACE = re.compile(r"\s{2,}|[^\S ]")


@dataclass(frozen=True)
class Flat:
    """A text with each run of white space as one space, and the way between their offsets."""

    text: str
    run_ends: tuple  # offsets in the text just past each run
    flat_run_ends: tuple  # the same in the flat text
    removed: tuple  # characters removed up to each run's end

    def to_flat(self, at):
        runs = bisect_right(self.run_ends, at)
        return at - (self.removed[runs - 1] if runs else 0)

    def to_text(self, at):
        runs = bisect_right(self.flat_run_ends, at)
        return at + (self.removed[runs - 1] if runs else 0)


@lru_cache(maxsize=4)
def flattened(text):
    """Computed once per document text: its claims are exported one after another."""
    pieces, run_ends, flat_run_ends, removed = [], [], [], []
    last, gone = 0, 0
    for run in IRREGULAR_SPACE.finditer(text):
        pieces += [text[last : run.start()], " "]
        gone += run.end() - run.start() - 1
        run_ends.append(run.end())
        flat_run_ends.append(run.end() - gone)
        removed.append(gone)
        last = run.end()
    pieces.append(text[last:])
    return Flat("".join(pieces), tuple(run_ends), tuple(flat_run_ends), tuple(removed))


# Each UTF-8 byte as quote(safe="") encodes it, and "-" too: the spec reserves "-", "," and
# "&" in a directive, and quote() leaves only "-" of them as it is. A table read in C:
# quote() calls Python for every byte.
BYTE_ENCODED = [
    chr(byte) if chr(byte).isascii() and (chr(byte).isalnum() or chr(byte) in "_.~") else f"%{byte:02X}"
    for byte in range(256)
]


def fragment_part(text):
    return "".join(map(BYTE_ENCODED.__getitem__, text.encode("utf-8")))
