"""The JSON the reader's script receives: plain data, never markup."""

from claimtracker.corpus.models import Claim, Statistic
from claimtracker.corpus.permissions import may_delete, may_see_notes, visible_notes
from claimtracker.corpus.services.editing import claim_values, described

LATEST_NOTES = 3


def highlight(claim):
    """What painting a highlight needs: [id, start, end, kind, anchor] (offsets in code points)."""
    return [claim.pk, claim.start, claim.end, claim.kind, claim.anchor]


def turn(turn):
    return {
        "start": turn.start,
        "labelEnd": turn.label_end,
        "label": turn.label,
        "speakerId": turn.speaker_id,
        "speakerName": turn.speaker_name,
    }


def figure(figure):
    return {
        "value": f"{figure.value.normalize():f}",
        "unit": figure.unit,
        "qualifier": figure.qualifier,
        "periodLabel": figure.period_label,
        "raw": figure.raw,
    }


def form_choices(topics):
    return {
        "topics": [{"id": topic.pk, "label": "\u2003" * topic.depth + topic.name} for topic in topics],
        "attributions": Claim.Attribution.choices,
        "statuses": Claim.Status.choices,
        "qualifiers": Statistic.Qualifier.choices,
    }


def permissions(user, claim=None):
    """What the interface offers this user (for `claim`): the server checks each again."""
    return {
        "change": user.has_perm("corpus.change_claim"),
        "delete": may_delete(user, claim) if claim else user.has_perm("corpus.delete_claim"),
        "note": user.has_perm("corpus.add_annotation"),
        "verdict": user.has_perm("corpus.set_verdict"),
    }


def card(claim, user):
    notes = visible_notes(claim.annotations.all(), claim, user)[:LATEST_NOTES]
    authors = may_see_notes(user)
    statistics = list(claim.statistics.all())
    return {
        "id": claim.pk,
        "url": claim.get_absolute_url(),
        "quote": claim.quote,
        "start": claim.start,
        "end": claim.end,
        "anchor": claim.anchor,
        "anchorLabel": claim.get_anchor_display(),
        "speaker": {"id": claim.speaker_id, "name": claim.speaker.name} if claim.speaker_id else None,
        "role": {"id": claim.role_id, "label": claim.role.title_with_organisation} if claim.role_id else None,
        "attribution": claim.attribution,
        "attributionLabel": claim.get_attribution_display(),
        "kind": claim.kind,
        "kindLabel": claim.get_kind_display(),
        "status": claim.status,
        "statusLabel": claim.get_status_display(),
        "saidOn": claim.said_on.isoformat() if claim.said_on else "",
        "summary": claim.summary,
        "topics": [{"id": topic.pk, "name": topic.name} for topic in claim.topics.all()],
        "figures": [{"id": statistic.pk, "text": str(statistic)} for statistic in statistics],
        "links": claim.links,
        "notes": [
            {
                "body": note.body,
                "author": note.author.get_username() if note.author_id and authors else "",
                "createdAt": note.created_at.isoformat(),
            }
            for note in notes
        ],
        # What an edit form starts from and sends back as what it read (no lost edits).
        "edit": {"version": claim.version, "values": claim_values(claim, claim.topics.all(), statistics)},
        "can": permissions(user, claim),
    }


def conflict(error, user):
    """A 409's body: each conflicting field as read, as the editor left it and as stored
    now, the claim as stored now, and what a new attempt sends as read."""
    claim = error.claim
    latest = claim.history.select_related("history_user").order_by("-history_date", "-history_id").first()
    fields = [
        {
            "field": item.field,
            "label": item.label,
            "yours": described(item.field, item.yours),
            "theirs": described(item.field, item.theirs),
            **({"figure": item.figure} if item.figure else {}),
        }
        for item in error.conflicts
    ]
    labels = ", ".join(item["label"] for item in fields)
    return {
        "errors": {"__all__": [f"Someone else changed this claim since you opened it: {labels}."]},
        "conflict": {
            "fields": fields,
            "by": latest.history_user.get_username() if latest and latest.history_user else "",
            "at": latest.history_date.isoformat() if latest else "",
            "version": claim.version,
            "values": claim_values(claim),
        },
    }
