"""The admin's "Export selected claims as …" actions, one per format, added to the
claim admin that the corpus registers (the domain knows nothing of exports)."""

from django.contrib import admin
from django.http import StreamingHttpResponse

from claimtracker.corpus.models import Claim

from .formats import FORMATS, export


def export_action(name, label):
    def action(modeladmin, request, queryset):
        chunks, content_type, filename = export(queryset, name, request.build_absolute_uri("/"))
        response = StreamingHttpResponse(chunks, content_type=content_type)
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response

    action.__name__ = f"export_{name.replace('-', '_')}"
    return admin.action(description=f"Export selected claims as {label}", permissions=["view"])(action)


claim_admin = admin.site.get_model_admin(Claim)
claim_admin.actions = [*claim_admin.actions, *(export_action(name, f.label) for name, f in FORMATS.items())]
