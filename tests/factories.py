"""factory_boy factories for the corpus: valid, anchored rows by default."""

import datetime

import factory

from claimtracker.corpus import models
from claimtracker.text import anchoring, fragments


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "auth.User"
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"researcher{n}")


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Organisation

    name = factory.Sequence(lambda n: f"Administration {n}")


class PublisherFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Publisher

    name = factory.Sequence(lambda n: f"Outlet {n}")


class SpeakerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Speaker

    family_name = "Niu"
    given_name = factory.Sequence(lambda n: f"Yibing{n}")
    name_order = models.Speaker.NameOrder.FAMILY_FIRST
    name = factory.LazyAttribute(lambda s: f"{s.family_name} {s.given_name}")


class SpeakerRoleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.SpeakerRole

    speaker = factory.SubFactory(SpeakerFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    title = "Spokesman"


class DocumentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Document

    title = factory.Sequence(lambda n: f"Press conference {n}")
    kind = models.Document.Kind.TRANSCRIPT
    publisher = factory.SubFactory(PublisherFactory)
    published_on = datetime.date(2022, 8, 20)
    text = factory.Sequence(
        lambda n: (
            f"Document {n}. The number of internet users rose to 1.03 billion last year. "
            "There is no national security without cybersecurity.\n"
        )
    )


class TopicFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Topic

    name = factory.Sequence(lambda n: f"Topic {n}")
    slug = factory.Sequence(lambda n: f"topic-{n}")


class MetricFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Metric

    name = factory.Sequence(lambda n: f"Internet users {n}")
    unit = "people"


class ClaimFactory(factory.django.DjangoModelFactory):
    """A claim on `quote`, anchored at its first occurrence in the document's text."""

    class Meta:
        model = models.Claim

    class Params:
        quote_text = "rose to 1.03 billion last year"

    document = factory.SubFactory(DocumentFactory)
    speaker = factory.SubFactory(SpeakerFactory)
    kind = models.Claim.Kind.STATISTIC
    said_on = datetime.date(2022, 8, 19)
    start = factory.LazyAttribute(lambda c: c.document.text.index(c.quote_text))
    end = factory.LazyAttribute(lambda c: c.start + len(c.quote_text))
    quote = factory.LazyAttribute(lambda c: c.quote_text)
    prefix = factory.LazyAttribute(lambda c: anchoring.context(c.document.text, c.start, c.end)[0])
    suffix = factory.LazyAttribute(lambda c: anchoring.context(c.document.text, c.start, c.end)[1])
    anchor = models.Claim.Anchor.ANCHORED
    # As corpus.services keeps it (an orphan has none).
    fragment = factory.LazyAttribute(
        lambda c: (
            "" if c.anchor == "orphaned" else fragments.encoded_directive(c.document.text, c.start, c.end)
        )
    )


class StatisticFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Statistic

    claim = factory.SubFactory(ClaimFactory)
    metric = factory.SubFactory(MetricFactory)
    value = "1030000000"
    unit = "people"
    period_label = "2021"


class LinkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Link

    source = factory.SubFactory(ClaimFactory)
    target = factory.SubFactory(ClaimFactory)
    relation = models.Link.Relation.UPDATES


class AnnotationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Annotation

    claim = factory.SubFactory(ClaimFactory)
    body = "Matches the CNNIC report."


class DismissalFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Dismissal

    claim = factory.SubFactory(ClaimFactory)
    candidate = factory.SubFactory(ClaimFactory)
    relation = models.Link.Relation.REPEATS
