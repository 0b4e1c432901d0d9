"""`|web_url`: a URL from the data made into a link only if it is a web address.

Forms accept only http and https, but data can arrive other ways (an import,
`loaddata`, a restored backup); a `javascript:` or `data:` URL must never become
a live link, so every link made from data passes here, whatever wrote it."""

from urllib.parse import urlsplit

from django import template

register = template.Library()


@register.filter
def web_url(value):
    """The URL if its scheme is http or https, else "" (the template then shows no link)."""
    text = str(value or "").strip()
    try:
        scheme = urlsplit(text).scheme.lower()
    except ValueError:
        return ""
    return text if scheme in ("http", "https") else ""
