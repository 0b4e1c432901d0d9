"""The cited work: a document as every citation format describes it (DESIGN §5).

One reference per document — the work —, its claims travelling with it as
notes. Who it is by: the persons of its byline (family and given names,
Chinese names family first); else the body that issued it (a white paper, a
statement: a group author, the outlet staying the publisher); else, for a
speech, who gave it; else, for a wire story another outlet republished, the
original agency; else no one, and the title leads — never the outlet, which
the styles would then name twice (APA 9.12, MLA 2.1.3, CMOS 18 13.78).
Nothing is invented: what the document does not say stays empty.
"""

from dataclasses import dataclass

from claimtracker.corpus.models import Document, Speaker


@dataclass(frozen=True)
class Name:
    family: str = ""
    given: str = ""
    literal: str = ""  # an organisation, or a person known by one name
    family_first: bool = False  # Chinese order: Niu Yibing, never inverted as "Yibing Niu"

    @property
    def is_person(self):
        return not self.literal

    @property
    def whole(self):
        """The name as written in running text: "Niu Yibing", "Pony Ma", "Xinhua"."""
        if self.literal:
            return self.literal
        parts = [self.family, self.given] if self.family_first else [self.given, self.family]
        return " ".join(part for part in parts if part)


@dataclass(frozen=True)
class WorkType:
    """How each format names a kind of document, chosen so that Zotero, pandoc, biblatex
    and citation-js each read it as the same kind of work."""

    csl: str
    bibtex: str
    bibtex_subtype: str = ""
    ris: str = "GEN"
    genre: str = ""  # the description the styles print: [Transcript], White paper


TYPES = {
    # A news report in a newspaper or on a news site: Zotero's newspaperArticle.
    Document.Kind.NEWS_REPORT: WorkType("article-newspaper", "article", "newspaper", "NEWS"),
    # A press conference's transcript, read on a web page: Zotero's webpage, of type Transcript.
    Document.Kind.TRANSCRIPT: WorkType("webpage", "online", "", "ELEC", "Transcript"),
    # Reports by an issuing body: Zotero's report; biblatex @report.
    Document.Kind.WHITE_PAPER: WorkType("report", "report", "", "RPRT", "White paper"),
    Document.Kind.STATEMENT: WorkType("report", "report", "", "RPRT", "Statement"),
    # A speech: CSL's speech, biblatex @unpublished with an event date (pandoc reads it as a
    # speech), Zotero's presentation (RIS SLIDE).
    Document.Kind.SPEECH: WorkType("speech", "unpublished", "", "SLIDE", "Speech"),
}


@dataclass(frozen=True)
class Work:
    document: Document
    authors: tuple

    @property
    def kind(self):
        return TYPES.get(self.document.kind, WorkType("document", "misc"))

    @property
    def key(self):
        """The work's cite key in every format; its claims' keys (claim12) are aliases of it."""
        return f"doc{self.document.pk}"

    @property
    def title(self):
        return self.document.title

    @property
    def is_description(self):
        return self.document.title_is_description

    @property
    def outlet(self):
        return self.document.publisher.name if self.document.publisher_id else ""

    @property
    def original_outlet(self):
        original = self.document.republished_from
        return original.name if original and original.name != self.outlet else ""

    @property
    def date(self):
        return self.document.published_on

    @property
    def event_date(self):
        """The day a speech was given, where the document says so."""
        return self.document.delivered_on if self.document.kind == Document.Kind.SPEECH else None


def work_of(document, bylines=None):
    """The Work of a document whose publisher, original outlet, issuer and speaker are loaded;
    `bylines`: its Byline rows with their persons, if already fetched."""
    if bylines is None:
        bylines = document.bylines.select_related("person")
    return Work(document=document, authors=tuple(authors_of(document, bylines)))


def authors_of(document, bylines):
    if bylines:
        return [name_of(byline.person) for byline in sorted(bylines, key=lambda b: (b.position, b.pk))]
    if document.issuer_id:
        return [Name(literal=document.issuer.name)]
    if document.kind == Document.Kind.SPEECH and document.speaker_id:
        return [name_of(document.speaker)]
    if document.republished_from_id and document.republished_from_id != document.publisher_id:
        return [Name(literal=document.republished_from.name)]  # the agency whose story it is
    return []


def name_of(speaker):
    if speaker.kind == Speaker.Kind.PERSON and speaker.family_name:
        family_first = speaker.name_order == Speaker.NameOrder.FAMILY_FIRST
        return Name(family=speaker.family_name, given=speaker.given_name, family_first=family_first)
    return Name(literal=speaker.name)
