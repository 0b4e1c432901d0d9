"""Document text for generated corpora: the seed corpus's sentences shuffled into
paragraphs, speaker turns and datelines, with generated names and figures, and
the offsets of every sentence, so claims can be anchored at true positions.

Pure functions of a `random.Random`; nothing here touches the database.
"""

import re
import string
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import NamedTuple

from .vocabulary import METRICS

SENTENCES = Path(__file__).with_name("sentences")
NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


class Voice(NamedTuple):
    """Who a sentence is put in the mouth of: a speaker of the document's cast."""

    name: str
    family: str
    title: str
    org: str
    name_zh: str
    is_person: bool


class Figure(NamedTuple):
    """A data point a sentence states: what a Statistic row records."""

    metric: int  # index into vocabulary.METRICS
    value: Decimal
    qualifier: str
    year: int


class Span(NamedTuple):
    """One sentence of a composed text."""

    start: int
    end: int
    voice: int  # index into the cast; -1 for a reporter's question or the outlet's narration
    question: bool
    figures: tuple  # of Figure


@dataclass(slots=True)
class Composed:
    text: str
    spans: list


class Template(NamedTuple):
    parts: tuple  # literal strings, and (text, decimals) pairs for numbers to vary
    named: bool  # has {name}, {family}, {title}, {org} or {outlet} placeholders
    question: bool


def _template(sentence):
    parts, at = [], 0
    for match in NUMBER.finditer(sentence):
        after = sentence[match.end() : match.end() + 1]
        number = match.group()
        is_year = len(number) == 4 and number.isdigit() and 1900 <= int(number) <= 2030
        if after and after in string.ascii_letters or is_year or (number.isdigit() and int(number) < 10):
            continue  # ordinals (20th), model names (5G), years and small counts stay as they are
        parts.append(sentence[at : match.start()])
        decimals = len(number.rsplit(".", 1)[1]) if "." in number else 0
        parts.append((number, decimals))
        at = match.end()
    parts.append(sentence[at:])
    return Template(tuple(parts), "{" in sentence, sentence.rstrip("”\"'").endswith(("?", "？")))


@cache
def templates(language):
    lines = (SENTENCES / f"{language}.txt").read_text(encoding="utf-8").splitlines()
    return [_template(line) for line in lines if line.strip()]


def _vary(number, decimals, rng):
    value = float(number.replace(",", "")) * rng.uniform(0.6, 1.4)
    if decimals:
        return f"{value:.{decimals}f}"
    return f"{round(value):,}" if "," in number else str(round(value))


def render(template, rng, fill):
    """A template as text: its numbers varied, its placeholders filled from `fill`."""
    if len(template.parts) == 1:
        text = template.parts[0]
    else:
        text = "".join(part if isinstance(part, str) else _vary(*part, rng) for part in template.parts)
    return text.format_map(fill) if template.named else text


# Sentences that state a figure: (template, qualifier of the first figure, with a second figure).
FIGURE_TEMPLATES = [
    ("{Phrase} reached {value} in {year}, {name} said.", "exact", False),
    ("{Phrase} stood at about {value} in {year}, according to the {org}.", "about", False),
    (
        "By the end of {year}, {phrase} had risen to more than {value}, up from {value2} in {year2}.",
        "more_than",
        True,
    ),
    (
        '"{Phrase} will reach at least {value} by {year}," {name}, {title} of the {org}, said.',
        "at_least",
        False,
    ),
    (
        "According to the {org}, {phrase} totalled {value} in {year}, against {value2} in {year2}.",
        "exact",
        True,
    ),
]

QUESTION_TEMPLATES = [
    "What measures will the {org} take next year on {topic}?",
    "Could you tell us more about the progress of the work on {topic}?",
    "How do you respond to foreign criticism of China's approach to {topic}?",
    "Some foreign companies say the new rules on {topic} are unclear. Will the {org} address their concerns?",
    "Is the {org} planning further restrictions related to {topic}?",
]

SCALES = [(Decimal(10) ** 12, "trillion"), (Decimal(10) ** 9, "billion"), (Decimal(10) ** 6, "million")]


def figure_text(metric_index, rng, year):
    """A value of a metric as the text states it ("1.03 billion") and as a Statistic stores it."""
    _, unit, low, high, _, decimals = METRICS[metric_index]
    raw = Decimal(repr(round(rng.uniform(low, high), 6)))
    for scale, word in SCALES:
        if raw >= scale:
            mantissa = round(raw / scale, decimals)
            value, text = mantissa * scale, f"{mantissa} {word}"
            break
    else:
        value = round(raw, decimals) if unit == "percent" else Decimal(int(raw))
        text = f"{value}" if unit == "percent" else f"{int(value):,}"
    suffix = {"percent": " percent", "yuan": " yuan", "Gbit/s": " Gbit/s"}.get(unit, "")
    return text + suffix, value


def figure_sentence(rng, voice, topic, year):
    """A generated sentence stating one or two figures of a metric, and the figures."""
    template, qualifier, two = FIGURE_TEMPLATES[rng.randrange(len(FIGURE_TEMPLATES))]
    metric = rng.randrange(len(METRICS))
    phrase = METRICS[metric][4]
    text, value = figure_text(metric, rng, year)
    figures = [Figure(metric, value, qualifier, year)]
    fill = {"Phrase": phrase[0].upper() + phrase[1:], "phrase": phrase, "value": text, "year": year}
    if two:
        earlier = year - rng.randint(1, 10)
        text2, value2 = figure_text(metric, rng, earlier)
        fill.update(value2=text2, year2=earlier)
        figures.append(Figure(metric, value2, "exact", earlier))
    fill.update(name=voice.name, title=voice.title, org=voice.org, topic=topic)
    return template.format_map(fill), tuple(figures)


class Composer:
    """Builds one document's text piece by piece, recording where each sentence lands."""

    def __init__(self, rng, *, language, cast, outlet, topic, year):
        self.rng, self.language, self.cast, self.year = rng, language, cast, year
        self.pieces, self.spans, self.length = [], [], 0
        self.pool = templates(language)
        self.statements = [t for t in self.pool if not t.question]
        self.unnamed = [t for t in self.statements if not t.named]
        self.questions = [t for t in self.pool if t.question]
        self.fill = {"outlet": outlet, "topic": topic}
        self.sentence_separator = " " if language == "en" else ""

    def add(self, text):
        self.pieces.append(text)
        self.length += len(text)

    def sentence(self, voice, *, figure_rate=0.0, question=False):
        rng, member = self.rng, self.cast[max(voice, 0)]
        figures = ()
        if question:
            if self.language == "en" and rng.random() < 0.5:
                template = QUESTION_TEMPLATES[rng.randrange(len(QUESTION_TEMPLATES))]
                text = template.format(org=member.org, topic=self.fill["topic"])
            else:
                text = render(self.questions[rng.randrange(len(self.questions))], rng, self._fill(member))
        elif self.language == "en" and member.is_person and rng.random() < figure_rate:
            text, figures = figure_sentence(rng, member, self.fill["topic"], self.year - rng.randint(0, 2))
        else:
            pool = self.statements if member.is_person else self.unnamed
            text = render(pool[rng.randrange(len(pool))], rng, self._fill(member))
        self.spans.append(Span(self.length, self.length + len(text), voice, question, figures))
        self.add(text)

    def _fill(self, member):
        name = member.name_zh if self.language == "zh" else member.name
        return {
            "name": name,
            "family": member.family,
            "title": member.title,
            "org": member.org,
            **self.fill,
        }

    def paragraph(self, voice, sentences, **options):
        for index in range(sentences):
            if index:
                self.add(self.sentence_separator)
            self.sentence(voice, **options)
        self.add("\n\n")

    def text(self):
        return Composed("".join(self.pieces), self.spans)


def compose(rng, *, language, kind, cast, outlet, topic, year, header, footer, length):
    """A document of about `length` characters: `header`, then speaker turns (a
    transcript) or paragraphs, then `footer`. Voice 0 of `cast` speaks most."""
    composer = Composer(rng, language=language, cast=cast, outlet=outlet, topic=topic, year=year)
    composer.add(header + "\n\n")
    figure_rate = 0.3 if kind in ("news_report", "white_paper") else 0.2
    weights = [1 / (rank + 1) for rank in range(len(cast))]
    reporter_label = "记者：" if language == "zh" else f"{outlet} reporter:"
    while composer.length < length:
        voice = rng.choices(range(len(cast)), weights)[0]
        if kind == "transcript":
            composer.add(reporter_label + "\n\n")
            composer.paragraph(-1, rng.randint(1, 2), question=True)
            label = cast[voice].name_zh if language == "zh" else cast[voice].name
            composer.add(label + ("：" if language == "zh" else ":") + "\n\n")
            for _ in range(rng.randint(1, 3)):
                composer.paragraph(voice, rng.randint(1, 5), figure_rate=figure_rate)
        else:
            composer.paragraph(voice, rng.randint(1, 5), figure_rate=figure_rate)
    composer.add(footer + "\n")
    return composer.text()
