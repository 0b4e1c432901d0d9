"""The roles of a research team, as Django groups with permissions (DESIGN §6):
who reads, who annotates, who edits and decides. A migration creates the groups;
staff put people in them (there is no open sign-up).

- viewer: reads everything and exports;
- researcher: creates and edits documents, claims, figures, notes, links,
  speakers, roles, metrics, publishers, organisations and topics; deletes or
  undoes only their own claims, notes and links that nobody else has changed
  (corpus.permissions);
- editor: also deletes anything, sets verdicts, merges speakers and reverts.
"""

VIEWER, RESEARCHER, EDITOR = "viewer", "researcher", "editor"

EDITED = [
    "document",
    "claim",
    "statistic",
    "annotation",
    "link",
    "speaker",
    "speakerrole",
    "speakeralias",
    "metric",
    "publisher",
    "organisation",
    "topic",
    "dismissal",
    "dismissedsuggestion",
]


def permissions_of(role):
    """The corpus permission codenames of a role."""
    viewing = [f"view_{model}" for model in EDITED]
    if role == VIEWER:
        return viewing
    editing = viewing + [f"{action}_{model}" for model in EDITED for action in ("add", "change")]
    if role == RESEARCHER:
        return editing
    return editing + [f"delete_{model}" for model in EDITED] + ["set_verdict", "merge_speaker"]


ROLES = (VIEWER, RESEARCHER, EDITOR)


def ensure_roles(group_model, permission_model):
    """Create the groups, or bring their permissions back to what the roles say."""
    for role in ROLES:
        group, _ = group_model.objects.get_or_create(name=role)
        codenames = permissions_of(role)
        group.permissions.set(
            permission_model.objects.filter(content_type__app_label="corpus", codename__in=codenames)
        )
