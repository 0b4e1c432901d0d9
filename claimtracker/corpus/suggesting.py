"""Claim suggestions for a stored document (claimtracker.text.suggestions), with the names
they give matched to the corpus: speakers by name, alias or family name, the document's
transcript turns, its issuing body, and a metric for each statistic. Reads only."""

import datetime
import re
from dataclasses import dataclass

from claimtracker.text.suggestions import Person, name_candidates, suggest
from claimtracker.text.turns import speaker_turns

from .models import Metric, Speaker, SpeakerAlias
from .selectors import speakers_named

MAX_CANDIDATES = 20_000  # name candidates of one text looked up
METRIC_STOP_WORDS = {"of", "the", "and", "a", "an", "number", "share", "rate", "total"}


@dataclass(frozen=True)
class Suggested:
    suggestion: object
    speaker_id: int | None
    speaker_name: str
    metric_id: int | None
    metric_name: str


def people(text, ids=()):
    """The speakers the text may name — by a name or alias among its name candidates — and
    those of `ids` (its turns, its issuer), with their aliases: a few indexed lookups,
    however many speakers the corpus holds."""
    candidates = sorted(name_candidates(text))[:MAX_CANDIDATES]
    found = {pk for pk in ids if pk}
    for at in range(0, len(candidates), 900):  # within SQLite's limit on parameters
        chunk = candidates[at : at + 900]
        found.update(Speaker.objects.filter(name__in=chunk).values_list("pk", flat=True))
        found.update(SpeakerAlias.objects.filter(name__in=chunk).values_list("speaker_id", flat=True))
    speakers = Speaker.objects.filter(pk__in=found).prefetch_related("aliases") if found else []
    return [
        Person(
            id=speaker.pk,
            name=speaker.name,
            aliases=tuple(alias.name for alias in speaker.aliases.all()),
            family_name=speaker.family_name,
            institution=speaker.kind == Speaker.Kind.INSTITUTION,
        )
        for speaker in speakers
    ]


def issuer_voice_id(document):
    """The speaker who is the document's issuing body (a white paper's government), if recorded."""
    if not document.issuer_id:
        return None
    return (
        Speaker.objects.filter(organisation_id=document.issuer_id)
        .order_by("pk")
        .values_list("pk", flat=True)
        .first()
    )


def suggestions_for(document):
    """[Suggested] for the document's text, in order."""
    turns = speaker_turns(document.text, speakers_named) if document.kind == "transcript" else []
    voice = issuer_voice_id(document)
    known = people(document.text, {turn.speaker_id for turn in turns if turn.speaker_id} | {voice})
    issuer = next((person for person in known if person.id == voice), None)
    metrics = [(pk, name, metric_words(name)) for pk, name in Metric.objects.values_list("pk", "name")]
    found = []
    for suggestion in suggest(document.text, known, turns, issuer):
        metric = metric_for(suggestion, metrics) if suggestion.kind == "statistic" else None
        speaker = suggestion.speaker
        found.append(
            Suggested(
                suggestion=suggestion,
                speaker_id=speaker.id if speaker else None,
                speaker_name=speaker.name if speaker else suggestion.speaker_name,
                metric_id=metric[0] if metric else None,
                metric_name=metric[1] if metric else "",
            )
        )
    return found


def stem(word):
    return word[:-1] if len(word) > 3 and word.endswith("s") else word


def metric_words(name):
    """The words of a metric's name a sentence must use: those before "in …" (a place)."""
    core = re.split(r"\s+in\s+", name.lower())[0]
    return frozenset(stem(word) for word in re.findall(r"\w+", core)) - METRIC_STOP_WORDS


def metric_for(suggestion, metrics):
    """The metric (pk, name, words) whose words all occur in the sentence; the one with most."""
    words = {stem(word) for word in suggestion.words}
    best, best_size = None, 0
    for pk, name, needed in metrics:
        if needed and len(needed) > best_size and needed <= words:
            best, best_size = (pk, name), len(needed)
    return best


def as_json(document, suggested):
    """The JSON line `manage.py suggest_claims` prints for one suggestion."""
    suggestion = suggested.suggestion
    return {
        "document": document.pk,
        "start": suggestion.start,
        "end": suggestion.end,
        "quote": suggestion.quote,
        "kind": suggestion.kind,
        "figures": [
            {
                "value": format(figure.value.normalize(), "f"),
                "unit": figure.unit,
                "qualifier": figure.qualifier,
                "period": period_of(figure.period_label, year_of(document)),
            }
            for figure in suggestion.figures
        ],
        "speaker": suggested.speaker_id or suggested.speaker_name or None,
        "metric": suggested.metric_id or suggested.metric_name or None,
        "cue": suggestion.cue,
    }


WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
RELATIVE_YEARS = {"this year": 0, "last year": -1, "a year earlier": -1}


def prefill(document, start, end):
    """What the claim form can fill in for a passage of the document: the speaker and the
    metric of the suggestion it lies in, the date said ("on Friday" against the document's
    date, else its date), and each figure's period with "last year" made a year."""
    day = document.delivered_on or document.published_on
    around = [
        item
        for item in suggestions_for(document)
        if item.suggestion.start < end and start < item.suggestion.end
    ]
    best = max(around, key=lambda item: overlap(item.suggestion, start, end), default=None)
    sentence = best.suggestion.quote if best else document.text[start:end]
    return {
        "speaker": {"id": best.speaker_id, "name": best.speaker_name} if best and best.speaker_id else None,
        "metric": best.metric_name if best else "",
        "unit": Metric.objects.filter(pk=best.metric_id).values_list("unit", flat=True).first() or ""
        if best and best.metric_id
        else "",
        "said_on": said_on(sentence, day),
        "year": day.year if day else None,
    }


def overlap(suggestion, start, end):
    return min(end, suggestion.end) - max(start, suggestion.start)


def said_on(sentence, day):
    """The day "on Friday" means, the last such day up to the document's date; else its date."""
    if day is None:
        return None
    match = re.search(r"\bon (" + "|".join(WEEKDAYS) + r")\b", sentence, re.IGNORECASE)
    if match:
        back = (day.weekday() - WEEKDAYS.index(match.group(1).lower())) % 7
        return day - datetime.timedelta(days=back)
    return day


def period_of(label, year):
    """ "last year" → "2021" against a document of 2022; other labels as they are."""
    if label in RELATIVE_YEARS and year:
        return str(year + RELATIVE_YEARS[label])
    return label


def year_of(document):
    day = document.delivered_on or document.published_on
    return day.year if day else None
