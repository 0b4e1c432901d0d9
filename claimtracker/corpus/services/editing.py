"""No lost edits: a three-way merge of what an editor read, what they send and
what is stored now (DESIGN §6, "concurrent edits of the same claim").

An edit form carries the version of the claim it was read at and the values it
showed (the *base*). A field counts as changed by the editor when what they
send differs from the base, and as changed by someone else when what is stored
differs from it. A save is refused only for a field changed on both sides to
different values; everything else merges: the editor's changes are applied,
the others' are kept. Figures merge one by one, by id and field.

Values are compared in one canonical form (`canonical`), whatever they come
as: model instances, ids as numbers or strings, dates or ISO dates, decimals.
"""

import datetime
import decimal
from dataclasses import dataclass, field

from ..models import Claim, Speaker, SpeakerRole, Topic

FIELDS = {
    "speaker": "Speaker",
    "role": "Attributed role",
    "attribution": "Attribution",
    "kind": "Kind",
    "topics": "Topics",
    "said_on": "Date said",
    "summary": "Summary",
    "status": "Status",
    "anchor": "Anchor",
    "selector": "Passage",
}
FIGURE_FIELDS = {
    "metric": "metric",
    "value": "value",
    "unit": "unit",
    "qualifier": "qualifier",
    "period_label": "period",
    "period_start": "period start",
    "period_end": "period end",
    "geography": "geography",
}


@dataclass(frozen=True)
class Selector:
    """A passage: code-point offsets and the quote; prefix and suffix, when given, are checked too."""

    start: int
    end: int
    quote: str
    prefix: str | None = None
    suffix: str | None = None


@dataclass
class FigureEdit:
    """One figure as an editor left it: `id` None for a new one; `values` holds only
    the fields the form shows (the others are kept), `base` those fields as read."""

    id: int | None = None
    values: dict = field(default_factory=dict)
    base: dict = field(default_factory=dict)
    delete: bool = False


@dataclass
class ClaimEdit:
    """What an edit form sends: the version it read, the fields it shows as the editor
    left them (`values`) and as they were read (`base`), and its figures."""

    version: int
    values: dict = field(default_factory=dict)
    base: dict = field(default_factory=dict)
    figures: list | None = None  # of FigureEdit; None: the form does not show figures


@dataclass(frozen=True)
class Conflict:
    field: str  # "summary", or "figures" for a figure
    label: str
    base: object
    yours: object
    theirs: object
    figure: int | None = None  # which figure, for a conflict of figures


class EditConflict(Exception):
    """Someone else changed what this edit changes, to something else, since it was read."""

    def __init__(self, conflicts, claim):
        super().__init__("; ".join(conflict.label for conflict in conflicts))
        self.conflicts, self.claim = conflicts, claim


# --- Canonical values --------------------------------------------------------------


def pk_of(value):
    if value in (None, ""):
        return None
    if hasattr(value, "pk"):
        return value.pk
    try:
        return int(value)
    except (TypeError, ValueError):
        return value


def iso_date(value):
    if value in (None, ""):
        return None
    return value.isoformat() if isinstance(value, datetime.date) else str(value)


def number(value):
    try:
        return f"{decimal.Decimal(str(value).replace(',', '')).normalize():f}"
    except (decimal.InvalidOperation, ValueError):
        return str(value)


def canonical(name, value):
    """`value` of the claim field `name` in the form compared and sent to the browser."""
    if name in ("speaker", "role"):
        return pk_of(value)
    if name == "topics":
        return sorted({pk_of(item) for item in value or []}, key=str)
    if name == "said_on":
        return iso_date(value)
    if name == "selector":
        if isinstance(value, Selector):
            return [value.start, value.end, value.quote]
        return list(value) if value else None
    return "" if value is None else str(value)


def canonical_figure_value(name, value):
    if name == "metric":
        name_of = getattr(value, "name", value)
        return " ".join(str(name_of or "").split()).casefold()
    if name == "value":
        return number(value)
    if name in ("period_start", "period_end"):
        return iso_date(value)
    return "" if value is None else str(value)


def claim_values(claim, topics=None, statistics=None):
    """The canonical values of every field an edit form may show, figures included:
    what the reader's form starts from and sends back as its base. `topics` and
    `statistics` may be given already loaded (with their metrics)."""
    if topics is None:
        topics = claim.topics.values_list("pk", flat=True)
    if statistics is None:
        statistics = claim.statistics.select_related("metric")
    return {
        "speaker": claim.speaker_id,
        "role": claim.role_id,
        "attribution": claim.attribution,
        "kind": claim.kind,
        "topics": canonical("topics", topics),
        "said_on": iso_date(claim.said_on),
        "summary": claim.summary,
        "status": claim.status,
        "anchor": claim.anchor,
        "selector": [claim.start, claim.end, claim.quote],
        "figures": [figure_values(statistic) for statistic in statistics],
    }


def figure_values(statistic):
    return {
        "id": statistic.pk,
        "metric": statistic.metric.name,
        "value": number(statistic.value),
        "unit": statistic.unit,
        "qualifier": statistic.qualifier,
        "period_label": statistic.period_label,
        "period_start": iso_date(statistic.period_start),
        "period_end": iso_date(statistic.period_end),
        "geography": statistic.geography,
    }


# --- The merge -----------------------------------------------------------------------


def field_conflicts(names, base, yours, current, compare=canonical):
    """(the fields the editor changed, the conflicts among them) for the fields `names`.

    `base` may lack a field (the editor sent no value as read): then only a field
    whose stored value differs from the editor's counts as theirs too."""
    changed, conflicts = [], []
    for name in names:
        mine, now = compare(name, yours[name]), compare(name, current[name])
        was = compare(name, base[name]) if name in base else now
        if mine == was and name in base:
            continue  # not changed by the editor: whatever is stored stays
        if mine == now:
            continue  # already so: nothing to write, nothing lost
        if was != now or name not in base:
            conflicts.append(name)
        else:
            changed.append(name)
    return changed, conflicts


def merge_claim(edit, claim, current):
    """(changed fields, conflicts) of `edit` against the claim's `current` values."""
    # What the editor says they read counts; a field they do not say, at an unchanged
    # version, was read as it is stored.
    base = {**current, **edit.base} if edit.version == claim.version else edit.base
    changed, clashes = field_conflicts(list(edit.values), base, edit.values, current)
    conflicts = [
        Conflict(name, FIELDS.get(name, name), base.get(name), edit.values[name], current[name])
        for name in clashes
    ]
    return changed, conflicts


def merge_figures(edits, current_figures, same_version):
    """(figure edits to apply, conflicts): `current_figures` are the stored ones by id."""
    to_apply, conflicts = [], []
    for position, edit in enumerate(edits or [], start=1):
        if edit.id is None:
            to_apply.append(edit)
            continue
        stored = current_figures.get(edit.id)
        label = f"Figure {position}"
        if stored is None:
            if not edit.delete:
                conflicts.append(Conflict("figures", label, edit.base, edit.values, "deleted", edit.id))
            continue
        base = {**{name: stored[name] for name in edit.values}, **edit.base} if same_version else edit.base
        if edit.delete:
            read = {name: base.get(name, stored[name]) for name in stored if name != "id"}
            if any(canonical_figure_value(n, read[n]) != canonical_figure_value(n, stored[n]) for n in read):
                conflicts.append(Conflict("figures", label, base, "deleted", stored, edit.id))
            else:
                to_apply.append(edit)
            continue
        changed, clashes = field_conflicts(
            list(edit.values), base, edit.values, stored, canonical_figure_value
        )
        if clashes:
            conflicts.append(
                Conflict("figures", f"{label} ({', '.join(clashes)})", base, edit.values, stored, edit.id)
            )
        elif changed:
            to_apply.append(FigureEdit(edit.id, {name: edit.values[name] for name in changed}))
    return to_apply, conflicts


# --- Showing a conflict -------------------------------------------------------------


def described(name, value):
    """A conflicting value as a researcher reads it."""
    if value in (None, "", []):
        return "(empty)"
    if name == "speaker":
        return Speaker.objects.filter(pk=pk_of(value)).values_list("name", flat=True).first() or "(deleted)"
    if name == "role":
        role = SpeakerRole.objects.select_related("organisation").filter(pk=pk_of(value)).first()
        return role.title_with_organisation if role else "(deleted)"
    if name == "topics":
        return ", ".join(
            Topic.objects.filter(pk__in=[pk_of(v) for v in value]).values_list("name", flat=True)
        )
    if name in ("kind", "status", "attribution", "anchor"):
        choices = {"kind": Claim.Kind, "status": Claim.Status, "attribution": Claim.Attribution}
        labels = dict(choices.get(name, Claim.Anchor).choices)
        return labels.get(value, value)
    if name == "selector":
        return f"“{canonical(name, value)[2]}”"
    if name == "figures":
        return value if isinstance(value, str) else figure_text(value)
    return str(value)


def figure_text(values):
    parts = [values.get(name) for name in ("metric", "value", "unit", "period_label") if values.get(name)]
    return " ".join(str(part) for part in parts) or "(empty)"
