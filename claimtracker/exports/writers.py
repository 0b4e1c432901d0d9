"""One writer per format: each turns an iterable of Records into an iterable of
strings, one entry at a time, so an export of any size streams."""

import csv
import io
import json
import re

from .records import Name

# --- BibTeX (biblatex-friendly) ----------------------------------------------

BIBTEX_TYPES = {
    "article-newspaper": "article",
    "interview": "misc",
    "speech": "misc",
    "report": "report",
}
BIBTEX_SPECIAL = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "&": r"\&",
    "%": r"\%",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
}
BIBTEX_ESCAPE = re.compile("|".join(re.escape(char) for char in BIBTEX_SPECIAL))


def bibtex_escape(text):
    return BIBTEX_ESCAPE.sub(lambda match: BIBTEX_SPECIAL[match.group()], text)


def bibtex_name(name):
    if name.is_person:
        return bibtex_escape(f"{name.family}, {name.given}" if name.given else name.family)
    return "{" + bibtex_escape(name.literal) + "}"  # braces: an institution is never split into names


def bibtex_entry(record):
    document, claim = record.document, record.claim
    fields = {
        "author": " and ".join(bibtex_name(name) for name in record.authors),
        "title": "{" + bibtex_escape(document.title) + "}",  # protected capitalisation
        "date": document.published_on.isoformat() if document.published_on else "",
        "year": str(document.published_on.year) if document.published_on else "",
        "url": document.url,
        "urldate": document.accessed_on.isoformat() if document.accessed_on else "",
        "langid": document.language,
        "note": bibtex_escape(record.note),
    }
    kind = BIBTEX_TYPES.get(record.csl_type, "misc")
    publisher = document.publisher.name if document.publisher_id else ""
    if kind == "article":
        fields["journaltitle"] = bibtex_escape(publisher)
    elif kind == "report":
        fields["institution"] = bibtex_escape(publisher)
        fields["type"] = bibtex_escape(document.get_kind_display())
    else:
        fields["howpublished"] = bibtex_escape(
            ", ".join(filter(None, [document.get_kind_display(), publisher]))
        )
    body = ",\n".join(f"  {key} = {{{value}}}" for key, value in fields.items() if value)
    return f"@{kind}{{claim{claim.pk},\n{body}\n}}\n\n"


def bibtex(records):
    for record in records:
        yield bibtex_entry(record)


# --- RIS ---------------------------------------------------------------------------

RIS_TYPES = {"article-newspaper": "NEWS", "interview": "GEN", "speech": "GEN", "report": "RPRT"}


def ris_name(name):
    return f"{name.family}, {name.given}".rstrip(", ") if name.is_person else name.literal


def ris_entry(record):
    document = record.document
    one_line = " ".join  # RIS values are single lines
    lines = [("TY", RIS_TYPES.get(record.csl_type, "GEN"))]
    lines += [("AU", ris_name(name)) for name in record.authors]
    lines.append(("TI", one_line(document.title.split())))
    if document.publisher_id:
        lines.append(("T2" if record.csl_type == "article-newspaper" else "PB", document.publisher.name))
    if document.published_on:
        lines += [("PY", str(document.published_on.year)), ("DA", document.published_on.strftime("%Y/%m/%d"))]
    if record.csl_type in ("interview", "speech"):
        lines.append(("M3", document.get_kind_display()))
    if document.url:
        lines.append(("UR", document.url))
    if document.accessed_on:
        lines.append(("Y2", document.accessed_on.strftime("%Y/%m/%d")))
    lines += [
        ("LA", document.language),
        ("N1", one_line(record.note.split())),
        ("ID", f"claim{record.claim.pk}"),
    ]
    return "".join(f"{tag}  - {value}\r\n" for tag, value in lines if value) + "ER  - \r\n\r\n"


def ris(records):
    for record in records:
        yield ris_entry(record)


# --- CSL-JSON ----------------------------------------------------------------------


def csl_name(name: Name):
    if not name.is_person:
        return {"literal": name.literal}
    # Chinese order: family name first, never inverted with a comma ("Niu Yibing", not "Yibing Niu").
    return {
        "family": name.family,
        "given": name.given,
        **({"static-ordering": True} if name.family_first else {}),
    }


def csl_date(day):
    return {"date-parts": [[day.year, day.month, day.day]]}


def csl_item(record):
    document = record.document
    item = {
        "id": f"claim{record.claim.pk}",
        "type": record.csl_type,
        "title": document.title,
        "author": [csl_name(name) for name in record.authors],
        "note": record.note,
        "language": document.language,
    }
    publisher = document.publisher.name if document.publisher_id else ""
    if publisher:
        # A news report or a transcript appears in the outlet; a report or a speech is published by it.
        container = record.csl_type in ("article-newspaper", "interview")
        item["container-title" if container else "publisher"] = publisher
    if record.csl_type in ("interview", "speech"):
        item["genre"] = document.get_kind_display()
    if document.published_on:
        item["issued"] = csl_date(document.published_on)
    if document.accessed_on:
        item["accessed"] = csl_date(document.accessed_on)
    if document.url:
        item["URL"] = document.url
    return item


def json_array(items):
    """A JSON array written item by item, one item a line (json's C encoder: indenting is pure Python)."""
    yield "["
    for index, item in enumerate(items):
        yield ("," if index else "") + "\n" + json.dumps(item, ensure_ascii=False)
    yield "\n]\n"


def csljson(records):
    return json_array(csl_item(record) for record in records)


# --- The claim data: CSV and JSON ----------------------------------------------------

CSV_COLUMNS = [
    "id",
    "permalink",
    "quote",
    "kind",
    "status",
    "speaker",
    "role",
    "attribution",
    "said_on",
    "summary",
    "topics",
    "figures",
    "links",
    "document",
    "document_kind",
    "publisher",
    "published_on",
    "document_url",
    "text_fragment_url",
    "start",
    "end",
    "anchor",
]


def figure_text(statistic):
    return str(statistic)


def link_texts(claim):
    out = [f"{link.get_relation_display()} #{link.target_id}" for link in claim.prefetched_links_out]
    return out + [f"{link.inverse_label} #{link.source_id}" for link in claim.prefetched_links_in]


def claim_data(record):
    """The claim as JSON-ready data, its figures and links as lists of objects."""
    claim = record.claim
    return {
        **claim_fields(record),
        "topics": [topic.name for topic in claim.prefetched_topics],
        "figures": [
            {
                "metric": statistic.metric.name,
                "value": f"{statistic.value.normalize():f}",
                "unit": statistic.unit,
                "qualifier": statistic.qualifier,
                "period": statistic.period_label,
                "period_start": statistic.period_start.isoformat() if statistic.period_start else "",
                "period_end": statistic.period_end.isoformat() if statistic.period_end else "",
                "geography": statistic.geography,
            }
            for statistic in claim.prefetched_statistics
        ],
        "links": [
            {"relation": link.relation, "target": link.target_id, "note": link.note}
            for link in claim.prefetched_links_out
        ]
        + [
            {"relation": link.inverse_label, "source": link.source_id, "note": link.note}
            for link in claim.prefetched_links_in
        ],
    }


def claim_fields(record):
    """Everything of a claim that is one value."""
    claim, document = record.claim, record.document
    return {
        "id": claim.pk,
        "permalink": record.permalink,
        "quote": claim.quote,
        "kind": claim.kind,
        "status": claim.status,
        "speaker": claim.speaker.name if claim.speaker_id else "",
        "role": "; ".join(record.roles),
        "attribution": claim.attribution,
        "said_on": claim.said_on.isoformat() if claim.said_on else "",
        "summary": claim.summary,
        "document": document.title,
        "document_kind": document.kind,
        "publisher": document.publisher.name if document.publisher_id else "",
        "published_on": document.published_on.isoformat() if document.published_on else "",
        "document_url": document.url,
        "text_fragment_url": record.fragment_url,
        "start": claim.start,
        "end": claim.end,
        "anchor": claim.anchor,
    }


def csv_rows(records, every=200):
    """A header row, then a row per claim, handed on `every` rows at a time."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(CSV_COLUMNS)
    for count, record in enumerate(records, start=1):
        claim = record.claim
        data = claim_fields(record)
        data["topics"] = "; ".join(topic.name for topic in claim.prefetched_topics)
        data["figures"] = "; ".join(figure_text(s) for s in claim.prefetched_statistics)
        data["links"] = "; ".join(link_texts(claim))
        writer.writerow([data[column] for column in CSV_COLUMNS])
        if count % every == 0:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()


def json_data(records):
    return json_array(claim_data(record) for record in records)
