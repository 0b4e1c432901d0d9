"""Speaker turns in transcripts: "Wen Ku:" or "Niu Yibing, Deputy Director …:" at
the start of a paragraph. Finding the labels is pure text work, shared by the
reader and the importer; matching them to speaker records is the domain's
(`corpus.selectors.speakers_named`)."""

import re
from dataclasses import dataclass

# A label at the start of a line, up to its colon: at most 160 characters, no sentence end.
LABEL = re.compile(r"^[ \t]*(?P<label>[A-Z][^\n:.?!]{1,160}?)\s*:", re.MULTILINE)
SMALL_WORDS = {"of", "the", "and", "for", "to", "in", "on", "de", "du"}
# "Reuters reporter:", "CCTV correspondent:": the asker is often named by outlet and role.
ROLE_WORDS = {"reporter", "journalist", "correspondent", "moderator", "host", "spokesperson", "spokesman"}


@dataclass(frozen=True)
class Label:
    start: int  # where the label starts
    end: int  # just past the colon
    text: str

    @property
    def head(self):
        """The name part of "Niu Yibing, Deputy Director of …"."""
        return self.text.split(",")[0].strip()


@dataclass(frozen=True)
class Turn:
    start: int
    label_end: int
    label: str
    speaker_id: int | None
    speaker_name: str


def looks_like_a_name(head):
    words = head.split()
    return 0 < len(words) <= 6 and all(
        word[0].isupper() or word in SMALL_WORDS | ROLE_WORDS for word in words
    )


def turn_labels(text):
    """Every candidate turn label in `text`, in order."""
    return [Label(m.start("label"), m.end(), m.group("label")) for m in LABEL.finditer(text)]


def speaker_turns(text, speakers_named):
    """The turns of `text`: labels naming a known speaker, or looking like a name.

    `speakers_named(heads)` gives {head: (speaker id, name)} for the heads it knows."""
    labels = turn_labels(text)
    known = speakers_named({label.head for label in labels})
    turns = []
    for label in labels:
        speaker = known.get(label.head)
        if speaker is None and not looks_like_a_name(label.head):
            continue
        speaker_id, name = speaker or (None, "")
        turns.append(Turn(label.start, label.end, label.text, speaker_id, name))
    return turns
