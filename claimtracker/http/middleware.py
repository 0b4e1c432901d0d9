"""Middleware every response passes: security headers beyond Django's, and
sign-in before reading where the site is not public (settings.PUBLIC_READING)."""

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.http import JsonResponse

from .errors import wants_json

# No camera, microphone, location, payment, USB…: the site uses none of them.
PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "accelerometer",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "payment",
        "usb",
        "interest-cohort",
    )
)


class SecurityHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        return response


class SignInToReadMiddleware:
    """Where reading is not public, every page but signing in asks to sign in first."""

    OPEN = ("/accounts/", "/static/", "/healthz", "/admin/login/", "/admin/logout/")

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if settings.PUBLIC_READING or request.user.is_authenticated or request.path.startswith(self.OPEN):
            return self.get_response(request)
        if wants_json(request):
            return JsonResponse({"errors": {"__all__": ["Sign in to read."]}}, status=401)
        return redirect_to_login(request.get_full_path())
