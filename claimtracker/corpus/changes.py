"""One number that changes whenever the corpus does, so caches of what is
derived from it (facet counts, list totals) are keyed by it and never served
stale. Every save and delete of a corpus model bumps it (signals); bulk
writes that bypass signals (COPY, bulk_update) call `corpus_changed()`."""

import hashlib
import time

from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import Signal

VERSION_KEY = "corpus:version"

# Sent with `claim_ids` after writes that bypass the models' save signals
# (bulk updates, COPY), so what is derived per claim (the search index) follows.
claims_changed = Signal()


def corpus_version():
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, time.time_ns(), None)
        version = cache.get(VERSION_KEY)
    return version


def versioned_key(name, *parts):
    """A cache key for `name` and `parts` under the current corpus version: what is cached
    under it is never served after a write, in any worker."""
    digest = hashlib.sha256(repr(parts).encode()).hexdigest()[:32]
    return f"{name}:{corpus_version()}:{digest}"


def corpus_changed(**_):
    # Now, and again at commit: a reader between the two may have cached the old state.
    cache.set(VERSION_KEY, time.time_ns(), None)
    transaction.on_commit(lambda: cache.set(VERSION_KEY, time.time_ns(), None))


def connect_signals(app_config):
    for model in app_config.get_models():
        if model.__module__.startswith("simple_history") or model.__name__.startswith("Historical"):
            continue
        post_save.connect(corpus_changed, sender=model, dispatch_uid=f"corpus-changed-save-{model.__name__}")
        post_delete.connect(
            corpus_changed, sender=model, dispatch_uid=f"corpus-changed-delete-{model.__name__}"
        )
    topics = app_config.get_model("Claim").topics.through
    m2m_changed.connect(corpus_changed, sender=topics, dispatch_uid="corpus-changed-topics")
