"""The admin site: staff, and the researchers and editors of the team, each within
the permissions of their role (a researcher sees no delete buttons)."""

from django.contrib import admin

# What makes a researcher or an editor, whatever their group is called.
WORKING_PERMISSION = "corpus.add_claim"


class TeamAdminSite(admin.AdminSite):
    site_header = "Claimtracker administration"
    site_title = "Claimtracker"
    index_title = "Curate the corpus"

    def has_permission(self, request):
        user = request.user
        if not user.is_active:
            return False
        return user.is_staff or user.has_perm(WORKING_PERMISSION)
