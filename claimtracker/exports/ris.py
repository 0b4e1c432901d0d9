"""RIS: one record per work, one `N1` note per claim.

Tags are those Zotero's RIS importer maps for each type (translators/RIS.js):
`NEWS` (newspaperArticle: `T2` its newspaper), `ELEC` (webpage: `T2` the site,
`M3` its type, e.g. Transcript), `RPRT` (report: `PB` the institution, `M3` the
report type), `SLIDE` (presentation: `T2` the occasion, `M3` Speech). A person
is `Family, Given`; an organisation has no comma, which Zotero keeps whole.
"""

# Where each type keeps the outlet: the newspaper, the web site, the report's institution.
OUTLET_TAG = {"NEWS": "T2", "ELEC": "T2", "RPRT": "PB", "GEN": "PB"}


def one_line(text):
    return " ".join(text.split())  # RIS values are single lines


def ris_name(name):
    if name.is_person:
        return f"{name.family}, {name.given}".rstrip(", ")
    return name.literal.replace(",", "")


def entry(work, records):
    document, kind = work.document, work.kind
    lines = [("TY", kind.ris)]
    lines += [("AU", ris_name(name)) for name in work.authors]
    lines.append(("TI", one_line(work.title)))
    if work.outlet and kind.ris in OUTLET_TAG:
        lines.append((OUTLET_TAG[kind.ris], work.outlet))
    if kind.genre:
        lines.append(("M3", kind.genre))
    day = work.event_date or work.date
    if day:
        lines += [("PY", str(day.year)), ("DA", day.strftime("%Y/%m/%d"))]
    if document.url:
        lines.append(("UR", document.url))
    if document.accessed_on:
        lines.append(("Y2", document.accessed_on.strftime("%Y/%m/%d")))
    lines.append(("LA", document.language))
    if work.original_outlet:
        lines.append(("N1", f"Originally published by {work.original_outlet}."))
    if work.outlet and kind.ris not in OUTLET_TAG:  # a presentation has no field for it
        lines.append(("N1", f"Published by {work.outlet}."))
    lines += [("N1", one_line(record.note)) for record in records]
    lines.append(("ID", work.key))
    return "".join(f"{tag}  - {value}\r\n" for tag, value in lines if value) + "ER  - \r\n\r\n"


def ris(works):
    for work, records in works:
        yield entry(work, records)
