"""Speaker turns in transcripts: "Wen Ku:" or "Niu Yibing, Deputy Director …:" at
the start of a paragraph, matched to speaker records by name or alias."""

import re
from dataclasses import dataclass

from django.db.models import Q

from claimtracker.corpus.models import Speaker

# A label at the start of a line, up to its colon: at most 160 characters, no sentence end.
LABEL = re.compile(r"^[ \t]*(?P<label>[A-Z][^\n:.?!]{1,160}?)\s*:", re.MULTILINE)
SMALL_WORDS = {"of", "the", "and", "for", "to", "in", "on", "de", "du"}
# "Reuters reporter:", "CCTV correspondent:": the asker is often named by outlet and role.
ROLE_WORDS = {"reporter", "journalist", "correspondent", "moderator", "host", "spokesperson", "spokesman"}


@dataclass(frozen=True)
class Turn:
    start: int  # where the label starts
    label_end: int  # just past the colon
    label: str
    speaker_id: int | None
    speaker_name: str


def label_head(label):
    """The name part of "Niu Yibing, Deputy Director of …"."""
    return label.split(",")[0].strip()


def looks_like_a_name(head):
    words = head.split()
    return 0 < len(words) <= 6 and all(
        word[0].isupper() or word in SMALL_WORDS | ROLE_WORDS for word in words
    )


def speaker_turns(text):
    """Every turn label in `text`, with the speaker it names where one is known."""
    candidates = [(m.start("label"), m.end(), m.group("label")) for m in LABEL.finditer(text)]
    heads = {label_head(label) for _, _, label in candidates}
    known = speakers_named(heads)
    turns = []
    for start, end, label in candidates:
        speaker = known.get(label_head(label))
        if speaker is None and not looks_like_a_name(label_head(label)):
            continue
        turns.append(
            Turn(start, end, label, speaker.pk if speaker else None, speaker.name if speaker else "")
        )
    return turns


def speakers_named(heads):
    """Speakers by each of `heads` they are called, by name or alias, in one query."""
    if not heads:
        return {}
    speakers = Speaker.objects.filter(Q(name__in=heads) | Q(aliases__name__in=heads)).prefetch_related(
        "aliases"
    )
    found = {}
    for speaker in speakers:
        for name in [speaker.name, *(alias.name for alias in speaker.aliases.all())]:
            if name in heads:
                found.setdefault(name, speaker)
    return found
