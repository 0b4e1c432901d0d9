"""Figures in a selected passage, to pre-fill a statistic claim's data points.

"1.03 billion" → 1,030,000,000; "more than 100" → more than 100; "73 percent";
"8 billion yuan ($1.19 billion)" → two figures; "10.3亿" → 1,030,000,000.
A pre-fill only: the researcher checks every value before saving.
"""

import re
from dataclasses import dataclass
from decimal import Decimal

SCALES = {
    "thousand": 10**3,
    "million": 10**6,
    "billion": 10**9,
    "trillion": 10**12,
    "万": 10**4,
    "亿": 10**8,
    "万亿": 10**12,
}
QUALIFIERS = [
    (r"more than|over|above|exceeds?|exceeding|upwards of|in excess of|超过|逾", "more_than"),
    (r"at least|no fewer than|no less than|至少", "at_least"),
    (r"about|around|approximately|nearly|almost|roughly|some|约|近", "about"),
    (r"up to|as many as|as much as|最多", "up_to"),
    (r"less than|fewer than|under|below|不到", "less_than"),
]
CURRENCIES = [
    (r"(?:U\.S\.|US) dollars?|\$", "US dollars"),
    (r"yuan|RMB|元", "yuan"),
    (r"euros?|€", "euros"),
]
UNITS = [(r"percent|per cent|%", "percent")]

NUMBER = r"(?P<number>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
SCALE = r"(?:\s*(?P<scale>thousand|million|billion|trillion)\b|(?P<cjk_scale>万亿|万|亿))?"
FIGURE = re.compile(
    r"(?P<qualifier>(?:"
    + "|".join(pattern for pattern, _ in QUALIFIERS)
    + r")\s*)?(?P<currency>\$\s?)?"
    + NUMBER
    + SCALE
    + r"(?:\s*(?P<unit>"
    + "|".join(pattern for pattern, _ in CURRENCIES[:2] + UNITS)
    + r"))?"
    + r"(?!\w|\.\d)(?!G\b)",  # not the start of a longer number or word; a full stop may follow
    re.IGNORECASE,
)
YEAR = re.compile(r"^(1[89]|20)\d\d$")
PERIOD = re.compile(
    r"^[\s)\]]*(?:(?:in|for|since|by|as of|during)\s+((?:1[89]|20)\d\d)\b"
    r"|(last year|this year|a year earlier)\b)"  # made a year against the document's date
)


@dataclass(frozen=True)
class Figure:
    value: Decimal
    unit: str
    qualifier: str
    raw: str
    period_label: str = ""


def parse_figures(text):
    """Every figure stated in `text`, in order; bare years are periods, not figures."""
    figures = []
    for match in FIGURE.finditer(text):
        if is_year(match) or is_model_name(text, match):
            continue
        figures.append((match.start(), figure_from(match, text[match.end() :])))
    for match in CJK_PERCENT.finditer(text):
        value = cjk_number(match["number"])
        if value is not None:
            figures.append((match.start(), Figure(value, "percent", "exact", match.group(0))))
    return [figure for _, figure in sorted(figures, key=lambda pair: pair[0])]


# "百分之七十三" (73 percent), "百分之三点五" (3.5 percent): percentages written in Chinese numerals.
CJK_PERCENT = re.compile(r"百分之(?P<number>[零〇一二两三四五六七八九十百点]+)")
CJK_DIGITS = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}


def cjk_number(written):
    """七十三 → 73, 一百 → 100, 三点五 → 3.5; None for what is not such a number."""
    whole, _, fraction = written.partition("点")
    total, digit = 0, None
    for char in whole:
        if char in CJK_DIGITS:
            digit = CJK_DIGITS[char]
        elif char in ("十", "百"):
            total += (1 if digit is None else digit) * (10 if char == "十" else 100)
            digit = None
        else:
            return None
    total += digit or 0
    if fraction:
        if not all(char in CJK_DIGITS for char in fraction):
            return None
        return Decimal(f"{total}." + "".join(str(CJK_DIGITS[char]) for char in fraction))
    return Decimal(total)


def figure_from(match, after):
    value = Decimal(match["number"].replace(",", ""))
    scale = (match["scale"] or match["cjk_scale"] or "").lower()
    value *= SCALES.get(scale, 1)
    period = PERIOD.match(after)
    return Figure(
        value=value,
        unit=unit_of(match),
        qualifier=label_of(match["qualifier"], QUALIFIERS, "exact"),
        raw=match.group(0).strip(),
        period_label=(period.group(1) or period.group(2)) if period else "",
    )


def unit_of(match):
    if match["currency"]:
        return "US dollars"
    return label_of(match["unit"], CURRENCIES + UNITS, "")


def label_of(word, table, default):
    if not word:
        return default
    for pattern, label in table:
        if re.fullmatch(pattern, word.strip(), re.IGNORECASE):
            return label
    return default


def is_year(match):
    plain = not (
        match["scale"] or match["cjk_scale"] or match["unit"] or match["currency"] or match["qualifier"]
    )
    return plain and bool(YEAR.match(match["number"]))


def is_model_name(text, match):
    """The 5 of "5G", the 4 of "4G": a name, not a figure."""
    return text[match.end() : match.end() + 1] in {"G", "g"} and not match["scale"]


def guess_kind(text):
    """A first guess at the claim's kind, for the form."""
    if parse_figures(text):
        return "statistic"
    if text.rstrip().endswith(("?", "？")):
        return "question"
    return "assertion"
