"""Claim suggestions: the sentences of a text that state a figure, report what someone
said, commit to something or deny it — each with its kind, its figures and who it names
as the speaker. Pure text work; the domain matches names to speaker and metric records.

Who speaks: the transcript turn the sentence is in; else an attribution in the sentence
("…, Niu said", "said Lu", "according to the Ministry of …", "据…介绍", "王晨说"),
a pronoun or a definite description ("it said", "she added", "the statement said",
"the administration") resolved to the institution or person last named; else, in a text
an institution issued (a white paper), the institution; else no one (the outlet reports).
A suggestion is a first draft, checked by the researcher before anything is saved.
"""

import re
from dataclasses import dataclass, field

from .figures import parse_figures

STATISTIC, COMMITMENT, DENIAL, ASSERTION, QUESTION = (
    "statistic",
    "commitment",
    "denial",
    "assertion",
    "question",
)

# Sentence ends: . ! ? (with closing quotes) before a capital, digit or opening quote;
# 。！？ always; and every line break (paragraphs, turns).
SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’)]*\s+(?=[\"“‘(]?[A-Z0-9])|(?<=[。！？])(?![”’」』])|\n+")
ABBREVIATIONS = {"Mr", "Mrs", "Ms", "Dr", "Prof", "St", "No", "Inc", "Co", "Ltd", "Gen", "Jr", "Sr", "vs"}
ABBREVIATION_END = re.compile(r"(?:^|\W)(?:" + "|".join(ABBREVIATIONS) + r")\.$")
NAME = r"[A-Z][a-z]+(?:[ -]+[A-Z][a-z]+){0,3}"
ATTRIBUTIONS = [
    # "Niu Yibing, spokesman of the administration, told …": the name before the apposition.
    re.compile(rf"\b(?P<name>{NAME}),\s[^,]{{3,120}},\s(?:said|says|told|added|noted|stressed|announced)\b"),
    re.compile(
        rf"\b(?P<name>{NAME})\s*,?\s+(?:said|says|told|added|noted|stressed|explained|announced|stated)\b"
    ),
    re.compile(rf"\b(?:said|says|added|noted)\s+(?P<name>{NAME})\b"),
    re.compile(
        r"\b(?i:according to) (?:a statement by |a report by |data from |figures from )?"
        r"(?P<name>the [A-Z][\w ]+?|[A-Z][\w ]+?)(?=[,.;]|$)"
    ),
    re.compile(r"据(?P<name>[\u4e00-\u9fff]{2,20}?)(?:介绍|表示|称|透露|统计)"),
    re.compile(r"(?P<name>[\u4e00-\u9fff]{2,4})(?:说|表示|指出|介绍)"),
]
PRONOUN = re.compile(
    r"\b(?P<pronoun>it|he|she|they|the statement|the (?:administration|ministry|office|government|report|"
    r"council|commission|bureau|agency|white paper))\s+(?:also\s+)?"
    r"(?:said|says|added|noted|stressed|explained|announced|stated)\b",
    re.IGNORECASE,
)
COMMITMENTS = re.compile(
    r"\b(?:will|shall|would continue|pledged?|vow(?:ed|s)?|committed to|is determined to|aims? to"
    r"|plans? to)\b|将|要|承诺|致力于",
    re.IGNORECASE,
)
DENIALS = re.compile(
    r"\b(?:(?:will|would|does|do|did|has|have) not|won't|doesn't|don't|never|den(?:y|ies|ied)|rejected|"
    r"no plans?|not true|groundless)\b|不会|否认|没有|并非",
    re.IGNORECASE,
)
DURATION = re.compile(r"^\s*(?:years?|months?|weeks?|days?|hours?|decades?|minutes?)\b", re.IGNORECASE)
PERSONAL = {"he", "she"}
MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
# A number that is part of a date, a version or a code, not a figure stated.
NOT_A_FIGURE_BEFORE = re.compile(rf"(?:(?:\b{MONTH}|\b[Vv]ersion|\bNo\.)\s*|\d[-/.]|[A-Za-z])$")
NOT_A_FIGURE_AFTER = re.compile(rf"^(?:,?\s*{MONTH}|[-/]\d|[A-Za-z]{{3}}\d|\.\d+\b|月|日)")


@dataclass(frozen=True)
class Person:
    """A speaker the text may name: their names and whether they are an institution."""

    id: int
    name: str
    aliases: tuple = ()
    family_name: str = ""
    institution: bool = False

    def names(self):
        return (self.name, *self.aliases)


@dataclass(frozen=True)
class Suggestion:
    start: int
    end: int
    quote: str
    kind: str
    figures: tuple = ()
    speaker: Person | None = None
    speaker_name: str = ""  # as the text names them, when no record matches
    cue: str = ""  # what made it a claim
    turn: object = None
    words: tuple = field(default=(), compare=False)  # the sentence's words, for matching metrics


# Runs of capitalised words, with the small words of institutions' names between them.
CAPITALISED_RUN = re.compile(r"[A-Z][\w'’-]*(?:\s+(?:(?:of|and|the|for|on|de)\s+)?[A-Z][\w'’-]*)*")
HAN_CUE = re.compile(r"说|表示|指出|介绍|称|透露")
MAX_NAME_WORDS, MAX_HAN_NAME = 8, 20


def name_candidates(text):
    """Every string of the text that could be a name the suggestions look up: each span of
    capitalised words (with "of", "and"… inside), and the Han strings just before "说",
    "表示", "介绍"… So the records to match are fetched by these, not all of them."""
    found = set()
    for run in CAPITALISED_RUN.finditer(text):
        words = run.group().split()
        for first in range(len(words)):
            for last in range(first, min(len(words), first + MAX_NAME_WORDS)):
                if words[first][0].isupper() and words[last][0].isupper():
                    found.add(" ".join(words[first : last + 1]))
    for cue in HAN_CUE.finditer(text):
        for length in range(2, MAX_HAN_NAME + 1):
            found.add(text[max(0, cue.start() - length) : cue.start()])
    return found


def sentences(text):
    """(start, end) of each sentence, its surrounding white space left out."""
    spans, begin = [], 0
    for match in SENTENCE_END.finditer(text):
        before = text[max(begin, match.start() - 6) : match.start()]
        if "\n" not in match.group() and ABBREVIATION_END.search(before):
            continue  # "Mr. Niu": not the end of a sentence
        spans.append(trimmed(text, begin, match.start() if "\n" in match.group() else match.end()))
        begin = match.end()
    spans.append(trimmed(text, begin, len(text)))
    return [(start, end) for start, end in spans if end > start]


def trimmed(text, start, end):
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def statistic_figures(sentence):
    """The figures a sentence states: not durations ("in the past 10 years"), not the parts
    of a date ("June 9, 2010", "2022-08-20", "15Dec15") or a version ("Version 2.0")."""
    found, searched_from = [], 0
    for figure in parse_figures(sentence):
        at = sentence.find(figure.raw, searched_from)
        if at < 0:
            at = sentence.find(figure.raw)
        searched_from = at + len(figure.raw)
        before, after = sentence[max(0, at - 12) : at], sentence[at + len(figure.raw) :]
        if not figure.unit and (DURATION.match(after) or plain_label(figure, before, after)):
            continue
        found.append(figure)
    return tuple(found)


def plain_label(figure, before, after):
    if figure.qualifier != "exact" or figure.raw[-1:].isalpha() and figure.raw[-1] not in "万亿":
        return False
    return bool(NOT_A_FIGURE_BEFORE.search(before) or NOT_A_FIGURE_AFTER.match(after))


class Speakers:
    """Who the text has named so far, to resolve "it said" and "she added"."""

    def __init__(self, people):
        self.people = list(people)
        self.last_institution = self.last_person = None

    def named_in(self, sentence):
        """The people a sentence names (by name or alias), noted as the last named."""
        named = [
            person for person in self.people if any(name and name in sentence for name in person.names())
        ]
        for person in named:
            if person.institution:
                self.last_institution = person
            else:
                self.last_person = person
        return named

    def matching(self, name):
        """The person a name in an attribution means: a name or alias, or a person's family name."""
        name = name.strip()
        bare = name[4:] if name.lower().startswith("the ") else name
        for person in self.people:
            if name in person.names() or bare in person.names():
                return person
        if bare != name:
            return self.described(name)
        by_family = [p for p in self.people if not p.institution and p.family_name and p.family_name == name]
        if len(by_family) == 1:
            return by_family[0]
        if len(name.split()) < 2:
            return None  # "China" is not the Cyberspace Administration of China
        containing = [p for p in self.people if any(name in other or other in name for other in p.names())]
        return containing[0] if len(containing) == 1 else None

    def described(self, description):
        """ "the administration", "the ministry", "the statement": the institution last named."""
        word = description.split()[-1].lower()
        if self.last_institution and (
            word in ("statement", "report") or word in self.last_institution.name.lower()
        ):
            return self.last_institution
        found = [p for p in self.people if p.institution and word in p.name.lower()]
        return found[0] if len(found) == 1 else self.last_institution

    def pronoun(self, pronoun):
        pronoun = pronoun.lower()
        if pronoun in PERSONAL:
            return self.last_person
        if pronoun == "they":
            return self.last_institution
        return self.described(pronoun) if pronoun.startswith("the ") else self.last_institution


def suggest(text, people=(), turns=(), issuer=None):
    """The claim suggestions of `text`, in order.

    `people`: Person records the text may name; `turns`: transcript turns (with `.start`,
    `.label_end` and `.speaker_id`); `issuer`: the Person who issued the text, if any."""
    speakers, by_id = Speakers(people), {person.id: person for person in people}
    suggestions = []
    for start, end in sentences(text):
        turn = turn_at(turns, start)
        if turn and start < turn.label_end:  # the sentence begins with the label: skip it
            start = trimmed(text, turn.label_end, end)[0]
            if start >= end:
                continue
        sentence = text[start:end]
        named = speakers.named_in(sentence)
        suggestion = suggestion_for(sentence, start, end, speakers, named, turn, by_id, issuer)
        if suggestion:
            suggestions.append(suggestion)
    return suggestions


def suggestion_for(sentence, start, end, speakers, named, turn, by_id, issuer):
    figures = statistic_figures(sentence)
    speaker, speaker_name, cue = attribution(sentence, speakers)
    if turn is not None and sentence.rstrip().endswith(("?", "？")):
        kind, cue = QUESTION, "question"
    elif figures:
        kind = STATISTIC
    elif DENIALS.search(sentence) and (speaker or speaker_name or turn):
        kind, cue = DENIAL, cue or "denial"
    elif COMMITMENTS.search(sentence) and (speaker or speaker_name or turn or issuer):
        kind, cue = COMMITMENT, cue or "commitment"
    elif speaker or speaker_name:
        kind = ASSERTION
    else:
        return None
    if speaker is None and not speaker_name:
        if turn is not None and turn.speaker_id in by_id:
            speaker = by_id[turn.speaker_id]
        elif issuer is not None:
            speaker = issuer
    return Suggestion(
        start=start,
        end=end,
        quote=sentence,
        kind=kind,
        figures=figures,
        speaker=speaker,
        speaker_name="" if speaker else speaker_name,
        cue=cue or ("figure" if figures else ""),
        turn=turn,
        words=tuple(re.findall(r"\w+", sentence.lower())),
    )


def attribution(sentence, speakers):
    """(person, name as written, cue) of the sentence's attribution, if it has one."""
    for pattern in ATTRIBUTIONS:
        match = pattern.search(sentence)
        if match and match["name"].lower() not in ("it", "he", "she", "they"):
            person = speakers.matching(match["name"])
            if person or pattern is not ATTRIBUTIONS[0] or len(match["name"].split()) > 1:
                return person, match["name"].strip(), match.group().strip()
    match = PRONOUN.search(sentence)
    if match:
        return speakers.pronoun(match["pronoun"]), "", match.group().strip()
    return None, "", ""


def turn_at(turns, at):
    current = None
    for turn in turns:
        if turn.start > at:
            break
        current = turn
    return current
