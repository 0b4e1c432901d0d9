"""The domain model of DESIGN §2, one module per concern."""

from .claims import Claim
from .figures import Metric, Statistic
from .links import Dismissal, Link
from .notes import Annotation
from .people import Organisation, Speaker, SpeakerAlias, SpeakerRole
from .sources import Byline, Document, Publisher, Snapshot, TextBand
from .suggestions import DismissedSuggestion
from .topics import Topic

__all__ = [
    "Annotation",
    "Byline",
    "Claim",
    "DismissedSuggestion",
    "Dismissal",
    "Document",
    "Link",
    "Metric",
    "Organisation",
    "Publisher",
    "Snapshot",
    "Speaker",
    "SpeakerAlias",
    "SpeakerRole",
    "Statistic",
    "TextBand",
    "Topic",
]
