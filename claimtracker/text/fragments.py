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
from dataclasses import dataclass
from urllib.parse import quote as percent_encode

EDGE_WORDS = 5  # a quote of more than twice as many words is named by its first and last ones
CONTEXT_WORDS = 3  # words of prefix or suffix, when needed


@dataclass(frozen=True)
class Directive:
    start: str
    end: str = ""
    prefix: str = ""
    suffix: str = ""

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
    return f"{url.split('#', 1)[0]}#:~:text={directive_for(text, start, end).encode()}"


def directive_for(text, start, end):
    quote = text[start:end]
    words = quote.split()
    candidates = []
    if len(words) > 2 * EDGE_WORDS:
        candidates.append(Directive(" ".join(words[:EDGE_WORDS]), " ".join(words[-EDGE_WORDS:])))
    candidates.append(Directive(" ".join(words)))
    prefix = " ".join(text[:start].split()[-CONTEXT_WORDS:])
    suffix = " ".join(text[end:].split()[:CONTEXT_WORDS])
    candidates += [Directive(c.start, c.end, prefix, suffix) for c in list(candidates) if prefix or suffix]
    for directive in candidates:
        if first_match(text, directive) == (start, end):
            return directive
    return candidates[-1]  # the most specific one, even where the stored text cannot tell


def first_match(text, directive):
    """(start, end) of what a browser would mark for `directive` in `text`, by the spec's search
    order, on text whose runs of white space count as one."""
    for match in re.finditer(spaced(directive.start), text):
        if directive.prefix and not re.search(spaced(directive.prefix) + r"\s*$", text[: match.start()]):
            continue
        end = match.end()
        if directive.end:
            found = re.search(spaced(directive.end), text[end:])
            if not found:
                continue
            end += found.end()
        if directive.suffix and not re.match(r"\s*" + spaced(directive.suffix), text[end:]):
            continue
        return match.start(), end
    return None


def spaced(words):
    return r"\s+".join(re.escape(word) for word in words.split())


def fragment_part(text):
    # The spec reserves "-", "," and "&" in a directive; quote() leaves only "-" of them as it is.
    return percent_encode(text, safe="").replace("-", "%2D")
