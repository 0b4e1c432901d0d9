"""The claim data, one row or object per claim: CSV (for spreadsheets) and JSON.

A CSV cell that begins with =, +, -, @ or a tab or carriage return would be run
as a formula by Excel, LibreOffice and Google Sheets; it is written with a
leading apostrophe, which they show as text (OWASP, "CSV injection"). With
`bom`, the file begins with a UTF-8 byte order mark, by which Excel knows it.
"""

import csv

from .csl import json_array

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


FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_row(data):
    """The row's cells in CSV_COLUMNS order, a text that begins as a formula would behind an
    apostrophe (written out, not a call per cell: 22 cells a claim add up)."""
    return [
        "'" + value if isinstance(value, str) and value.startswith(FORMULA_START) else value
        for value in map(data.__getitem__, CSV_COLUMNS)
    ]


class Lines(list):
    """What csv.writer writes, kept as a list of lines (a fifth faster than a StringIO)."""

    write = list.append


def csv_rows(records, every=200, bom=False):
    """A header row, then a row per claim, handed on `every` rows at a time."""
    lines = Lines(["\ufeff"] if bom else [])
    writer = csv.writer(lines)
    writer.writerow(CSV_COLUMNS)
    for count, record in enumerate(records, start=1):
        claim = record.claim
        data = claim_fields(record)
        data["topics"] = "; ".join(topic.name for topic in claim.prefetched_topics)
        data["figures"] = "; ".join(figure_text(s) for s in claim.prefetched_statistics)
        data["links"] = "; ".join(link_texts(claim))
        writer.writerow(csv_row(data))
        if count % every == 0:
            yield "".join(lines)
            lines.clear()
    yield "".join(lines)


def json_data(records):
    return json_array(claim_data(record) for record in records)
