"""BibTeX for biblatex (biber): one entry per work, its claims in `annotation` (which
biblatex does not print, unlike `note`) and their keys as the entry's aliases (`ids`),
so `\\cite{claim28}` still finds the work.

Types are chosen for how pandoc, biber and citation-js read them: a news report
is an `@article` with `entrysubtype = {newspaper}`, a transcript an `@online`,
a white paper or statement a `@report`, a speech an `@unpublished` with its
`eventdate` (pandoc reads it as a speech). Titles keep their case: each word
that begins with a capital, past the first, is braced, so that a style may
title-case the rest (Chicago, MLA) but never lower a proper noun (APA). Special
characters are escaped, braces as commands, so that every brace in the file is balanced.
"""

import re

BIBTEX_SPECIAL = {
    "\\": r"\textbackslash{}",
    # Not \{ and \}: a reader that counts braces (bibtexparser) would count those too.
    "{": r"\textbraceleft{}",
    "}": r"\textbraceright{}",
    "&": r"\&",
    "%": r"\%",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
}
SPECIAL = re.compile("[" + re.escape("".join(BIBTEX_SPECIAL)) + "]")
# Backslash and braces first, through stand-ins (from Unicode's noncharacters, which no
# text holds), so that the braces and backslashes of the other escapes are not escaped again.
STAND_INS = {"\\": "\ufdd0", "{": "\ufdd1", "}": "\ufdd2"}
CAPITALISED = re.compile(r"(?<![\w{])([A-Z][\w’'.-]*)")
LANGUAGES = {
    "en": "english",
    "zh": "chinese",
    "fr": "french",
    "de": "german",
    "es": "spanish",
    "ru": "russian",
}


def escape(text):
    """Each special character escaped once: str.replace per character, each a pass in C
    (str.translate with a dict, or re.sub with a function, calls Python per character)."""
    if not SPECIAL.search(text):
        return text
    for char, stand_in in STAND_INS.items():
        text = text.replace(char, stand_in)
    for char, escaped in BIBTEX_SPECIAL.items():
        if char not in STAND_INS:
            text = text.replace(char, escaped)
    for char, stand_in in STAND_INS.items():
        text = text.replace(stand_in, BIBTEX_SPECIAL[char])
    return text


def protected_title(title):
    """The title escaped, every capitalised word but the first braced: {China} vows to …"""
    escaped = escape(title)
    first = re.match(r"\W*[\w’'.-]+", escaped)
    head = escaped[: first.end()] if first else ""
    return head + CAPITALISED.sub(r"{\1}", escaped[len(head) :])


def name(person):
    if person.is_person:
        return escape(f"{person.family}, {person.given}" if person.given else person.family)
    return "{" + escape(person.literal) + "}"  # braced: an organisation is never split into names


def entry(work, records):
    document, kind = work.document, work.kind
    fields = {
        "ids": ",".join(f"claim{record.claim.pk}" for record in records),
        "author": " and ".join(name(author) for author in work.authors),
        "title": protected_title(work.title) if not work.is_description else "{" + escape(work.title) + "}",
        "date": work.date.isoformat() if work.date else "",
        "eventdate": work.event_date.isoformat() if work.event_date else "",
        "url": document.url,
        "urldate": document.accessed_on.isoformat() if document.accessed_on else "",
        "langid": LANGUAGES.get(document.language.split("-")[0], ""),
        "entrysubtype": kind.bibtex_subtype,
        "type": kind.genre,
        "origpublisher": escape(work.original_outlet),
        "annotation": escape("\n\n".join(record.note for record in records)),
    }
    outlet = escape(work.outlet)
    container = {"article": "journaltitle", "online": "organization", "report": "institution"}
    fields[container.get(kind.bibtex, "howpublished")] = outlet
    body = ",\n".join(f"  {key} = {{{value}}}" for key, value in fields.items() if value)
    return f"@{kind.bibtex}{{{work.key},\n{body}\n}}\n\n"


def bibtex(works):
    for work, records in works:
        yield entry(work, records)
