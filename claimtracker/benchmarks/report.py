"""The benchmark's output: a table (Markdown, so it pastes into
docs/benchmarks.md as it is) or JSON for machines."""

import json

COLUMNS = [
    ("page", "{}"),
    ("cold ms", "{:.1f}"),
    ("median ms", "{:.1f}"),
    ("p95 ms", "{:.1f}"),
    ("queries", "{}"),
    ("SQL median ms", "{:.1f}"),
    ("SQL p95 ms", "{:.1f}"),
    ("ratio", "{:.1f}"),
]


def row(result):
    return [
        result.title,
        result.cold_ms,
        result.median_ms,
        result.p95_ms,
        result.query_count,
        result.floor_median_ms,
        result.floor_p95_ms,
        result.ratio,
    ]


def table(results):
    cells = [[fmt.format(value) for (_, fmt), value in zip(COLUMNS, row(r), strict=True)] for r in results]
    headers = [name for name, _ in COLUMNS]
    widths = [max(len(text) for text in column) for column in zip(headers, *cells, strict=True)]

    def line(texts):
        padded = [
            text.ljust(width) if index == 0 else text.rjust(width)
            for index, (text, width) in enumerate(zip(texts, widths, strict=True))
        ]
        return "| " + " | ".join(padded) + " |"

    rule = (
        "|"
        + "|".join("-" * (width + 1) + (":" if index else "-") for index, width in enumerate(widths))
        + "|"
    )
    return "\n".join([line(headers), rule, *(line(texts) for texts in cells)])


def as_json(results, **context):
    return json.dumps({**context, "pages": [result.as_dict() for result in results]}, indent=2)


def painting(result):
    """The reader in Chromium: when its highlights were painted, from the start of navigation."""
    figures = result.as_dict()
    return (
        f"\nReader in Chromium, {result.url}: highlights painted at {result.cold_ms:.0f} ms cold; "
        f"median {figures['painted_median_ms']:.0f} ms, p95 {figures['painted_p95_ms']:.0f} ms "
        f"(the HTML's last byte at a median {figures['response_end_median_ms']:.0f} ms)."
    )
