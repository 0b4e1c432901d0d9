"""How often an anonymous client may ask for what costs the server most (citations
formatted by pandoc, exports, searches): counted per client address and minute in
the cache that all workers share, so a limit holds however many processes serve.
Signed-in users are never limited; `RATE_LIMITS=off` turns every limit off."""

import functools
import time

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse, JsonResponse


def limited(bucket, when=lambda request: True):
    """Refuse (429) an anonymous client's request to `view` beyond the bucket's
    requests per minute (settings.RATE_LIMITS_PER_MINUTE), where `when(request)`."""

    def decorator(view):
        @functools.wraps(view)
        def wrapped(request, *args, **kwargs):
            if applies(request) and when(request) and over_limit(request, bucket):
                return too_many(request)
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


def applies(request):
    return settings.RATE_LIMITS and not request.user.is_authenticated


def over_limit(request, bucket):
    per_minute = settings.RATE_LIMITS_PER_MINUTE[bucket]
    key = f"limit:{bucket}:{client_address(request)}:{int(time.time() // 60)}"
    if cache.add(key, 1, 120):
        return False
    try:
        return cache.incr(key) > per_minute
    except ValueError:  # expired between the two calls
        cache.set(key, 1, 120)
        return False


def client_address(request):
    """The client's address: the proxy's word for it only where settings say to trust it."""
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if settings.TRUST_X_FORWARDED_FOR and forwarded:
        return forwarded.split(",")[-1].strip()
    return request.META.get("REMOTE_ADDR", "")


def too_many(request):
    message = "Too many requests of this kind: wait a minute, or sign in."
    if "application/json" in request.headers.get("Accept", ""):
        response = JsonResponse({"errors": {"__all__": [message]}}, status=429)
    else:
        response = HttpResponse(message, status=429, content_type="text/plain; charset=utf-8")
    response["Retry-After"] = "60"
    return response
