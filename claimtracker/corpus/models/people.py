"""Who speaks: organisations, speakers (persons or institutions) and their roles."""

from django.db import models
from django.db.models import Q
from django.urls import reverse
from simple_history.models import HistoricalRecords


class Organisation(models.Model):
    name = models.CharField(max_length=300, unique=True)
    abbreviation = models.CharField(max_length=40, blank=True)
    name_original = models.CharField("name in original script", max_length=300, blank=True)
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(parent=models.F("id")), name="organisation_not_its_own_parent"
            )
        ]

    def __str__(self):
        return f"{self.name} ({self.abbreviation})" if self.abbreviation else self.name

    def get_absolute_url(self):
        return reverse("organisation", args=[self.pk])


class Speaker(models.Model):
    class Kind(models.TextChoices):
        PERSON = "person", "Person"
        INSTITUTION = "institution", "Institution"

    class NameOrder(models.TextChoices):
        FAMILY_FIRST = "family_first", "Family name first (Niu Yibing)"
        GIVEN_FIRST = "given_first", "Given name first (Pony Ma)"

    kind = models.CharField(max_length=12, choices=Kind, default=Kind.PERSON)
    name = models.CharField(
        max_length=300, db_index=True, help_text="As the name is usually written in English."
    )
    family_name = models.CharField(max_length=150, blank=True)
    given_name = models.CharField(max_length=150, blank=True)
    name_order = models.CharField(max_length=12, choices=NameOrder, default=NameOrder.GIVEN_FIRST)
    name_original = models.CharField("name in original script", max_length=300, blank=True)
    organisation = models.ForeignKey(
        Organisation,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="voices",
        help_text="For an institution speaking as itself: the organisation it is.",
    )
    notes = models.TextField(blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        permissions = [("merge_speaker", "Can merge speakers")]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind="person") | Q(family_name="", given_name=""),
                name="speaker_institution_has_no_personal_names",
            )
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("speaker", args=[self.pk])


class SpeakerAlias(models.Model):
    """Another spelling of a speaker's name ("Sun Wei-min" for Sun Weimin)."""

    speaker = models.ForeignKey(Speaker, on_delete=models.CASCADE, related_name="aliases")
    name = models.CharField(max_length=300, db_index=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name_plural = "speaker aliases"
        constraints = [models.UniqueConstraint(fields=["speaker", "name"], name="alias_unique_per_speaker")]

    def __str__(self):
        return self.name


def held_on(day, through=""):
    """The one rule for "a role held on a day": it started on or before the day
    and ended on or after it, an unknown start or end counting as held.

    `day` is a date or an expression (the claim's date, `F("said_on")` or
    `OuterRef("said_on")`); `through` reaches the role over a relation
    (`"speaker__roles__"`). `SpeakerRole.is_held_on` is the same rule in Python."""
    started = Q(**{f"{through}start_date__isnull": True}) | Q(**{f"{through}start_date__lte": day})
    not_ended = Q(**{f"{through}end_date__isnull": True}) | Q(**{f"{through}end_date__gte": day})
    return started & not_ended


class SpeakerRoleQuerySet(models.QuerySet):
    def held_on(self, day):
        return self.filter(held_on(day))


class SpeakerRole(models.Model):
    """A membership in the Popolo sense: a speaker held a title at an organisation.

    Either end may be unknown, and memberships may overlap (spokesman and
    deputy director of the same administration at once).
    """

    speaker = models.ForeignKey(Speaker, on_delete=models.CASCADE, related_name="roles")
    organisation = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.PROTECT, related_name="roles"
    )
    title = models.CharField(max_length=300)
    start_date = models.DateField(null=True, blank=True)
    end_date = models.DateField(null=True, blank=True)
    history = HistoricalRecords()

    objects = SpeakerRoleQuerySet.as_manager()

    class Meta:
        ordering = ["speaker", "start_date", "id"]
        indexes = [models.Index(fields=["organisation", "start_date", "end_date"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(start_date__isnull=True)
                | Q(end_date__isnull=True)
                | Q(end_date__gte=models.F("start_date")),
                name="role_ends_after_it_starts",
                violation_error_message="A role cannot end before it starts.",
            )
        ]

    def __str__(self):
        where = (
            f", {self.organisation.abbreviation or self.organisation.name}" if self.organisation_id else ""
        )
        return f"{self.speaker} — {self.title}{where}"

    def is_held_on(self, day):
        """`held_on` for a role already loaded (exports read roles prefetched per chunk)."""
        return (self.start_date or day) <= day <= (self.end_date or day)

    @property
    def title_with_organisation(self):
        return f"{self.title}, {self.organisation.name}" if self.organisation_id else self.title
