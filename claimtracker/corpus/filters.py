"""The filters of the claim, document and speaker lists (django-filter).

Every filter is a GET parameter, so a filtered list is a shareable URL. A
value that does not validate (an unknown id, a bad date) is dropped with a
message instead of failing the page: see `valid_filterset`.
"""

import django_filters as filters
from django import forms
from django.db.models import Exists, OuterRef, Q

from claimtracker.http import params
from claimtracker.http.converters import HIGHEST_ID

from . import fulltext
from .models import (
    Claim,
    Document,
    Link,
    Metric,
    Organisation,
    Publisher,
    Speaker,
    SpeakerRole,
    Statistic,
    Topic,
)
from .permissions import may_see_notes


class YesNoField(forms.Field):
    """yes or no (true/false, 1/0 too); anything else is refused with a message, never
    read as "either" (django-filter's BooleanFilter ignores what it cannot read)."""

    widget = forms.Select(choices=[("", "Either"), ("yes", "Yes"), ("no", "No")])
    WORDS = {"yes": True, "true": True, "1": True, "no": False, "false": False, "0": False}

    def to_python(self, value):
        if value in self.empty_values:
            return None
        answer = self.WORDS.get(str(value).strip().lower())
        if answer is None:
            raise forms.ValidationError("Give yes or no.", code="invalid")
        return answer


class YesNoFilter(filters.Filter):
    field_class = YesNoField


class IdChoiceField(forms.ModelChoiceField):
    """A record chosen by id; a value that is not an id a database can hold is refused
    with a message before any query (SQLite fails on integers past 2**63)."""

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if not params.positive_int(str(value)):
            raise forms.ValidationError("Give the number of a record.", code="invalid_choice")
        return super().to_python(value)


class IdChoiceFilter(filters.ModelChoiceFilter):
    """A foreign-key filter by id that never renders a <select> of every row."""

    field_class = IdChoiceField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", forms.NumberInput)
        super().__init__(*args, **kwargs)


class ClaimFilter(filters.FilterSet):
    q = filters.CharFilter(label="Words", method="filter_text")
    speaker = IdChoiceFilter(queryset=Speaker.objects.all())
    organisation = IdChoiceFilter(queryset=Organisation.objects.all(), method="filter_organisation")
    topic = IdChoiceFilter(
        queryset=Topic.objects.all(), method="filter_topic", label="Topic (with subtopics)"
    )
    kind = filters.ChoiceFilter(choices=Claim.Kind.choices)
    status = filters.ChoiceFilter(choices=Claim.Status.choices)
    document = IdChoiceFilter(queryset=Document.objects.defer("text"))
    publisher = IdChoiceFilter(queryset=Publisher.objects.all(), field_name="document__publisher")
    document_kind = filters.ChoiceFilter(choices=Document.Kind.choices, field_name="document__kind")
    language = filters.CharFilter(field_name="document__language", max_length=20)
    said_from = filters.DateFilter(field_name="said_on", lookup_expr="gte", label="Said from")
    said_to = filters.DateFilter(field_name="said_on", lookup_expr="lte", label="Said until")
    metric = IdChoiceFilter(queryset=Metric.objects.all(), method="filter_metric")
    has_links = YesNoFilter(method="filter_has_links", label="Has links")
    anchor = filters.ChoiceFilter(choices=Claim.Anchor.choices, label="Anchor")
    creator = filters.NumberFilter(
        field_name="created_by",
        label="Created by (user id)",
        min_value=1,
        max_value=HIGHEST_ID,
        decimal_places=0,
    )

    class Meta:
        model = Claim
        fields = []

    def filter_text(self, queryset, name, value):
        # Researchers' notes are searched for those who may read them.
        user = getattr(self.request, "user", None)
        return fulltext.search(queryset, value, include_notes=user is None or may_see_notes(user))

    def filter_organisation(self, queryset, name, organisation):
        return queryset.spoken_for(organisation)

    def filter_topic(self, queryset, name, topic):
        subtree = list(Topic.objects.subtree(topic).values_list("pk", flat=True))
        tagged = Claim.topics.through.objects.filter(topic_id__in=subtree, claim_id=OuterRef("pk"))
        return queryset.filter(Exists(tagged))

    def filter_metric(self, queryset, name, metric):
        return queryset.filter(Exists(Statistic.objects.filter(claim=OuterRef("pk"), metric=metric)))

    def filter_has_links(self, queryset, name, value):
        linked = Exists(Link.objects.filter(source=OuterRef("pk"))) | Exists(
            Link.objects.filter(target=OuterRef("pk"))
        )
        return queryset.filter(linked if value else ~linked)


class DocumentFilter(filters.FilterSet):
    title = filters.CharFilter(lookup_expr="icontains", label="Title contains")
    kind = filters.ChoiceFilter(choices=Document.Kind.choices)
    language = filters.CharFilter(max_length=20)
    publisher = IdChoiceFilter(queryset=Publisher.objects.all())
    published_from = filters.DateFilter(field_name="published_on", lookup_expr="gte")
    published_to = filters.DateFilter(field_name="published_on", lookup_expr="lte")

    class Meta:
        model = Document
        fields = []


class SpeakerFilter(filters.FilterSet):
    name = filters.CharFilter(method="filter_name", label="Name contains")
    kind = filters.ChoiceFilter(choices=Speaker.Kind.choices)
    organisation = IdChoiceFilter(queryset=Organisation.objects.all(), method="filter_organisation")

    class Meta:
        model = Speaker
        fields = []

    def filter_name(self, queryset, name, value):
        aliases = Speaker.aliases.rel.related_model.objects.filter(
            speaker=OuterRef("pk"), name__icontains=value
        )
        return queryset.filter(Q(name__icontains=value) | Exists(aliases))

    def filter_organisation(self, queryset, name, organisation):
        members = SpeakerRole.objects.filter(speaker=OuterRef("pk"), organisation=organisation)
        return queryset.filter(Q(organisation=organisation) | Exists(members))


def valid_filterset(filterset_class, data, queryset, request=None):
    """A bound filterset whose invalid values are dropped, and the messages saying which."""
    filterset = filterset_class(data, queryset=queryset, request=request)
    if filterset.is_valid():
        return filterset, []
    problems = [
        f"{filterset.form.fields[name].label or name}: {' '.join(errors)} The filter was ignored."
        for name, errors in filterset.form.errors.items()
    ]
    cleaned = data.copy()
    for name in filterset.form.errors:
        cleaned.pop(name, None)
    filterset = filterset_class(cleaned, queryset=queryset, request=request)
    filterset.is_valid()  # what remains is valid: it is what the list shows
    return filterset, problems
