"""What every format says about one claim, gathered once: its work (the cited
document), the speaker and the role held, the quote, its permalink on the site's
canonical address, and a link that scrolls the original page to the quote.

The note a reference carries for the claim reads, in American punctuation
(CMOS 18 6.9: a period or comma goes inside the closing quotation mark, and a
quote's own comma ending the note becomes the note's period):

    Niu Yibing (Spokesman, Cyberspace Administration of China): “… last year.”
    — claim: https://claims.example.org/claims/28/ — at the quote: https://…

URLs end their part: no punctuation is glued to them.
"""

import functools
from dataclasses import dataclass, field

from django.urls import reverse

from claimtracker.text.fragments import fragment_url, url_with_directive

from .works import Work

ENDS_A_SENTENCE = ".?!…"
CLOSING_QUOTES = "”’\"'"


@dataclass
class Record:
    claim: object
    document: object
    base_url: str
    roles: list = field(default_factory=list)
    text: str | None = None  # the document's text, for a text fragment not kept (None: not loaded)
    work: Work | None = None  # the document as a cited work (for the formats that cite works)

    @property
    def permalink(self):
        return self.base_url.rstrip("/") + path_template("claim").format(self.claim.pk)

    def url_of(self, thing):
        """The permalink of a claim or a document (their URL pattern resolved once, not per row)."""
        return self.base_url.rstrip("/") + path_template(thing._meta.model_name).format(thing.pk)

    @property
    def speaker_line(self):
        speaker = self.claim.speaker
        if speaker is None:
            return ""
        return speaker.name + (f" ({'; '.join(self.roles)})" if self.roles else "")

    @property
    def quoted(self):
        """The quote in double quotation marks, a sentence's period inside them."""
        return f"“{as_sentence(self.claim.quote)}”"

    @property
    def note(self):
        parts = [f"{self.speaker_line}: {self.quoted}" if self.speaker_line else self.quoted]
        parts.append(f"claim: {self.permalink}")
        if self.fragment_url:
            parts.append(f"at the quote: {self.fragment_url}")
        return " — ".join(parts)

    @functools.cached_property
    def fragment_url(self):
        claim, url = self.claim, self.document.url
        if not url or claim.anchor == claim.Anchor.ORPHANED:
            return ""
        if claim.fragment:
            return url_with_directive(url, claim.fragment)
        return "" if self.text is None else fragment_url(url, self.text, claim.start, claim.end)


def as_sentence(quote):
    """The quote ending as a sentence does: "… last year." for "… last year" or "… last year,"."""
    quote = quote.strip()
    body, closing = quote.rstrip(CLOSING_QUOTES), quote[len(quote.rstrip(CLOSING_QUOTES)) :]
    if body.endswith(tuple(ENDS_A_SENTENCE)):
        return quote
    return body.rstrip(",;:") + "." + closing


@functools.cache
def path_template(url_name):
    marker = 987654321
    return reverse(url_name, args=[marker]).replace(str(marker), "{}")


def roles_held(claim):
    """The role the document names, else those in force on the claim's date (from prefetched roles)."""
    if claim.role_id:
        return [claim.role]
    if not (claim.speaker_id and claim.said_on):
        return []
    roles = getattr(claim.speaker, "all_roles", None)
    if roles is None:
        return claim.attributed_roles()
    return [role for role in roles if role.is_held_on(claim.said_on)]


def record(claim, base_url, text=None, work=None):
    """The Record of a claim whose document, speaker and role are loaded, in its `work` if given."""
    roles = [role.title_with_organisation for role in roles_held(claim)]
    return Record(claim, claim.document, base_url, roles, text, work)
