"""CSL-JSON (what Zotero and pandoc read): one item per work, its claims in `note`.

A person is `family` and `given`; a Chinese name also says `static-ordering`,
which citeproc-js (Zotero) honours by never inverting it — pandoc does not, so
the formatted styles here pass such a name whole where the style would invert
it (styles.py). An organisation is a `literal` name.
"""

import json


def csl_name(name):
    if not name.is_person:
        return {"literal": name.literal}
    part = {"family": name.family, "given": name.given} if name.given else {"family": name.family}
    return {**part, "static-ordering": True} if name.family_first else part


def csl_date(day):
    return {"date-parts": [[day.year, day.month, day.day]]}


def csl_item(work, records=()):
    document, kind = work.document, work.kind
    item = {"id": work.key, "type": kind.csl, "title": work.title, "language": document.language}
    if work.authors:
        item["author"] = [csl_name(name) for name in work.authors]
    if work.outlet:
        # A news report and a web page appear in the outlet; a report or a speech is published by it.
        container = kind.csl in ("article-newspaper", "webpage")
        item["container-title" if container else "publisher"] = work.outlet
    if work.original_outlet:
        item["original-publisher"] = work.original_outlet
    if kind.genre:
        item["genre"] = kind.genre
    if work.date:
        item["issued"] = csl_date(work.date)
    if work.event_date:
        item["event-date"] = csl_date(work.event_date)
    if document.accessed_on:
        item["accessed"] = csl_date(document.accessed_on)
    if document.url:
        item["URL"] = document.url
    if records:
        item["note"] = "\n".join(record.note for record in records)
    return item


def json_array(items):
    """A JSON array written item by item, one item a line (json's C encoder: indenting is pure Python)."""
    yield "["
    for index, item in enumerate(items):
        yield ("," if index else "") + "\n" + json.dumps(item, ensure_ascii=False)
    yield "\n]\n"


def csljson(works):
    return json_array(csl_item(work, records) for work, records in works)
