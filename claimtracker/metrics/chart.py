"""A server-rendered SVG chart of a series: time across, value up, each point
a link to its claim with a tooltip. Built with ElementTree, which escapes every
label, so a speaker's or a document's name can never become markup."""

import datetime
import math
import xml.etree.ElementTree as ET

from django.utils.safestring import mark_safe

WIDTH, HEIGHT = 720, 320
LEFT, RIGHT, TOP, BOTTOM = 90, 20, 32, 40
SCALES = [(10**12, "trillion"), (10**9, "billion"), (10**6, "million"), (10**3, "thousand")]


def readable(value):
    """1030000000 → "1.03 billion"; 73 → "73"."""
    value = float(value)
    for size, word in SCALES:
        if abs(value) >= size:
            return f"{value / size:.3g} {word}"
    return f"{value:,.6g}"


def nice_ticks(low, high, count=5):
    """Round axis values from about `low` to `high`."""
    if high <= low:
        high = low + 1
    step = 10 ** math.floor(math.log10((high - low) / count))
    for factor in (1, 2, 5, 10):
        if (high - low) / (step * factor) <= count:
            step *= factor
            break
    first = math.floor(low / step) * step
    return [first + step * index for index in range(int((high - first) / step) + 2)]


def svg(points, unit, label):
    """The SVG markup (safe to insert: built by ElementTree) for `points` in `unit`."""
    values = [float(point.statistic.value) for point in points]
    days = [point.when.toordinal() for point in points]
    ticks = nice_ticks(min(0.0, min(values)), max(values))
    x_low, x_high = min(days) - 180, max(days) + 180
    y_low, y_high = ticks[0], ticks[-1]

    def x(day):
        return LEFT + (day - x_low) / (x_high - x_low) * (WIDTH - LEFT - RIGHT)

    def y(value):
        return HEIGHT - BOTTOM - (value - y_low) / (y_high - y_low) * (HEIGHT - TOP - BOTTOM)

    root = ET.Element(
        "svg",
        {
            "xmlns": "http://www.w3.org/2000/svg",
            "viewBox": f"0 0 {WIDTH} {HEIGHT}",
            "role": "group",  # an image may not hold links; each point links to its claim
            "aria-label": label,
            "class": "metric-chart",
        },
    )
    ET.SubElement(root, "title").text = label
    axes(root, ticks, y, unit, x_low, x_high, x)
    line = " ".join(f"{x(day):.1f},{y(value):.1f}" for day, value in zip(days, values, strict=True))
    ET.SubElement(root, "polyline", {"points": line, "class": "series"})
    for point, day, value in zip(points, days, values, strict=True):
        dot(root, point, x(day), y(value), unit)
    return mark_safe(ET.tostring(root, encoding="unicode"))  # noqa: S308 — ElementTree escaped every text


def axes(root, ticks, y, unit, x_low, x_high, x):
    for tick in ticks:
        ET.SubElement(
            root,
            "line",
            {
                "x1": str(LEFT),
                "x2": str(WIDTH - RIGHT),
                "y1": f"{y(tick):.1f}",
                "y2": f"{y(tick):.1f}",
                "class": "grid",
            },
        )
        text = ET.SubElement(root, "text", {"x": str(LEFT - 6), "y": f"{y(tick) + 4:.1f}", "class": "tick-y"})
        text.text = readable(tick)
    first, last = datetime.date.fromordinal(x_low).year + 1, datetime.date.fromordinal(x_high).year
    step = max(1, (last - first) // 8 + 1)
    for year in range(first, last + 1, step):
        at = x(datetime.date(year, 1, 1).toordinal())
        text = ET.SubElement(root, "text", {"x": f"{at:.1f}", "y": str(HEIGHT - 12), "class": "tick-x"})
        text.text = str(year)
    caption = ET.SubElement(root, "text", {"x": "8", "y": "14", "class": "unit"})
    caption.text = unit or "value"


def dot(root, point, cx, cy, unit):
    link = ET.SubElement(root, "a", {"href": point.claim.get_absolute_url()})
    shape = "conflict" if point.conflicts_with else "point"
    ET.SubElement(
        link,
        "circle",
        {"cx": f"{cx:.1f}", "cy": f"{cy:.1f}", "r": "6" if shape == "conflict" else "4.5", "class": shape},
    )
    ET.SubElement(link, "title").text = tooltip(point, unit)


def tooltip(point, unit):
    statistic, claim = point.statistic, point.claim
    qualifier = "" if statistic.qualifier == "exact" else statistic.get_qualifier_display() + " "
    speaker = claim.speaker.name if claim.speaker_id else "unattributed"
    period = statistic.period_label or (point.when.isoformat() if point.when else "")
    text = f"{qualifier}{readable(statistic.value)} {unit}, {period} — {speaker}, “{claim.document.title}”"
    if point.conflicts_with:
        text += " — differs from another figure for the same period"
    return text
