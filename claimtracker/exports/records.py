"""What every format says about a claim, gathered once (DESIGN §5).

The cited work is the document: its author where it names one; for a speech,
the speaker. Otherwise it has no author — not the outlet, as DESIGN §5 says:
APA (9.12) and MLA (2.1.3) begin with the title when the author would be
the publisher, and Chicago does not name the site twice — so the styles
start with the title and name the outlet once. The speaker, the role held,
the quote and the claim's permalink go in the note. Nothing is invented.
"""

import functools
from dataclasses import dataclass, field
from urllib.parse import quote as percent_encode

from django.urls import reverse

from claimtracker.corpus.models import Claim, Document, Speaker

# DESIGN §5: news article, interview/press conference, speech, report.
CSL_TYPES = {
    Document.Kind.NEWS_REPORT: "article-newspaper",
    Document.Kind.TRANSCRIPT: "interview",
    Document.Kind.SPEECH: "speech",
    Document.Kind.WHITE_PAPER: "report",
    Document.Kind.STATEMENT: "report",
}
SPOKEN = {Document.Kind.SPEECH}
FRAGMENT_WORDS = 5  # a longer quote is linked by its first and last words (textStart,textEnd)


@dataclass(frozen=True)
class Name:
    family: str = ""
    given: str = ""
    literal: str = ""  # an institution, or a person known by one name
    family_first: bool = False  # Chinese order: Niu Yibing

    @property
    def is_person(self):
        return not self.literal


@dataclass
class Record:
    claim: Claim
    base_url: str
    authors: list
    roles: list = field(default_factory=list)

    @property
    def permalink(self):
        return self.url_of(self.claim)

    def url_of(self, thing):
        """The permalink of a claim or a document (their URL pattern resolved once, not per row)."""
        return self.base_url.rstrip("/") + path_template(thing._meta.model_name).format(thing.pk)

    @property
    def document(self):
        return self.claim.document

    @property
    def speaker_line(self):
        speaker = self.claim.speaker
        if speaker is None:
            return ""
        return speaker.name + (f" ({'; '.join(self.roles)})" if self.roles else "")

    @property
    def note(self):
        """“Speaker (role): ‘quote’. Claim: permalink.”"""
        parts = [
            f"{self.speaker_line}: “{self.claim.quote}”" if self.speaker_line else f"“{self.claim.quote}”"
        ]
        if self.fragment_url:
            parts.append(f"At the quote: {self.fragment_url}")
        parts.append(f"Claim: {self.permalink}")
        return ". ".join(parts) + "."

    @functools.cached_property
    def fragment_url(self):
        return text_fragment_url(self.document.url, self.claim.quote) if self.document.url else ""

    @property
    def csl_type(self):
        return CSL_TYPES.get(self.document.kind, "document")


@functools.cache
def path_template(url_name):
    marker = 987654321
    return reverse(url_name, args=[marker]).replace(str(marker), "{}")


def record(claim, base_url):
    """The Record of a claim whose document, publisher, speaker and role are loaded."""
    return Record(
        claim=claim,
        base_url=base_url,
        authors=authors_of(claim),
        roles=[role.title_with_organisation for role in roles_held(claim)],
    )


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


def authors_of(claim):
    document = claim.document
    if document.author:
        return [name_from_text(document.author)]
    if document.kind in SPOKEN and claim.speaker_id:
        return [name_of(claim.speaker)]
    return []


def name_of(speaker):
    if speaker.kind == Speaker.Kind.PERSON and speaker.family_name:
        family_first = speaker.name_order == Speaker.NameOrder.FAMILY_FIRST
        return Name(family=speaker.family_name, given=speaker.given_name, family_first=family_first)
    return Name(literal=speaker.name)


def name_from_text(text):
    """A document's author line: "Family, Given" is a person; anything else stays literal."""
    family, comma, given = text.partition(",")
    if comma and family.strip() and given.strip() and len(text.split()) <= 4:
        return Name(family=family.strip(), given=given.strip())
    return Name(literal=text.strip())


def text_fragment_url(url, quote):
    """The URL with a `#:~:text=` directive that scrolls the page to the quote (WICG text fragments)."""
    words = quote.split()
    if len(words) > 2 * FRAGMENT_WORDS:
        start, end = " ".join(words[:FRAGMENT_WORDS]), " ".join(words[-FRAGMENT_WORDS:])
        directive = f"{fragment_part(start)},{fragment_part(end)}"
    else:
        directive = fragment_part(" ".join(words))
    return f"{url.split('#', 1)[0]}#:~:text={directive}"


def fragment_part(text):
    # The spec reserves "-", "," and "&" in a directive; quote() leaves only "-" of them as it is.
    return percent_encode(text, safe="").replace("-", "%2D")
