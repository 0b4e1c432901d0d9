"""The domain model of DESIGN §2, one module per concern."""

from .claims import Annotation, Claim, Link, Metric, Statistic
from .people import Organisation, Speaker, SpeakerAlias, SpeakerRole
from .sources import Document, Publisher
from .topics import Topic

__all__ = [
    "Annotation",
    "Claim",
    "Document",
    "Link",
    "Metric",
    "Organisation",
    "Publisher",
    "Speaker",
    "SpeakerAlias",
    "SpeakerRole",
    "Statistic",
    "Topic",
]
