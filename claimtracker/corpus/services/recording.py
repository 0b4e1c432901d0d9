"""Who a change is recorded as: every history row written inside `attributed_to(user)`
names that user, also rows of cascaded deletes and writes made outside a
request (commands, the importer), where simple_history's middleware sees no one."""

from contextlib import contextmanager
from types import SimpleNamespace

from django.contrib.auth.models import AnonymousUser
from simple_history.models import HistoricalRecords


@contextmanager
def attributed_to(user):
    context = HistoricalRecords.context
    previous = getattr(context, "request", None)
    context.request = SimpleNamespace(user=user or AnonymousUser())
    try:
        yield
    finally:
        if previous is None:
            del context.request
        else:
            context.request = previous
