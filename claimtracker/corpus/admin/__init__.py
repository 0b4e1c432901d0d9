"""The admin for every model of the corpus: options, not code (see each module)."""

from . import claims, links, people, sources, topics  # noqa: F401  (registers the model admins)
