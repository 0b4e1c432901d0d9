"""Error answers: a 503 that asks to retry while the database is unreachable
(restarting, or the connection lost), instead of a 500; JSON for JSON clients."""

import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, JsonResponse
from django.template.loader import render_to_string
from django.views.decorators.csrf import requires_csrf_token

UNREACHABLE = (
    "connection",
    "server closed",
    "terminating",
    "shutting down",
    "starting up",
    "could not connect",
    "the database system",
    "database is locked",
)


@requires_csrf_token
def server_error(request):
    """handler500: Django calls it inside the `except` of any unhandled exception,
    from a view, a template or a middleware alike."""
    error = sys.exc_info()[1]
    if database_unreachable(error):
        message = "The database is not reachable for a moment. Please try again in a few seconds."
        response = answer(request, message, 503, "503.html")
        response["Retry-After"] = "5"
        return response
    return answer(request, "Something went wrong on our side; it has been logged.", 500, "500.html")


def database_unreachable(error):
    if isinstance(error, InterfaceError):
        return True
    return isinstance(error, OperationalError) and any(sign in str(error).lower() for sign in UNREACHABLE)


def answer(request, message, status, template):
    if wants_json(request):
        return JsonResponse({"errors": {"__all__": [message]}}, status=status)
    try:
        return HttpResponse(render_to_string(template, {"message": message}), status=status)
    except Exception:  # the page template itself may need what failed
        return HttpResponse(message, content_type="text/plain; charset=utf-8", status=status)


def wants_json(request):
    return (
        "application/json" in request.headers.get("Accept", "") or request.content_type == "application/json"
    )


def csrf_failure(request, reason=""):
    """A form or request sent without its CSRF token (an old page, cookies blocked): 403, said plainly."""
    message = "This form has expired or cookies are blocked: reload the page and try again."
    return answer(request, message, 403, "403.html")
