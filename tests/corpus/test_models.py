"""The invariants of the domain model: each is refused, by the database where
it can hold it and by validation with a message a researcher understands."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from claimtracker.corpus.models import Claim, Document, Link, Speaker, SpeakerRole, Statistic, Topic
from tests.factories import (
    ClaimFactory,
    DocumentFactory,
    LinkFactory,
    SpeakerFactory,
    SpeakerRoleFactory,
    StatisticFactory,
    TopicFactory,
)

pytestmark = pytest.mark.django_db


def refused_by_database(save):
    with pytest.raises(IntegrityError), transaction.atomic():
        save()


def messages_of(error):
    return " ".join(message for messages in error.value.message_dict.values() for message in messages)


def test_it_accepts_a_claim_whose_quote_is_the_text_at_its_offsets():
    claim = ClaimFactory()
    claim.full_clean()
    assert claim.document.text[claim.start : claim.end] == claim.quote


def test_it_rejects_a_quote_that_does_not_match_the_text_at_its_offsets():
    claim = ClaimFactory.build(document=DocumentFactory(), quote_text="rose to 1.03 billion last year")
    claim.start += 1
    claim.end += 1
    claim.quote = "rose to 1.03 billion last year"
    with pytest.raises(ValidationError) as error:
        claim.full_clean()
    assert "does not match the document" in messages_of(error)


def test_it_rejects_offsets_past_the_end_of_the_text():
    document = DocumentFactory()
    claim = ClaimFactory.build(document=document)
    claim.start, claim.end = len(document.text) - 2, len(document.text) + 3
    claim.quote = "xxxxx"
    with pytest.raises(ValidationError) as error:
        claim.full_clean()
    assert "past the end of the text" in messages_of(error)


def test_the_database_refuses_reversed_or_empty_offsets():
    claim = ClaimFactory()
    claim.end = claim.start
    claim.quote = ""
    refused_by_database(claim.save)


def test_the_database_refuses_negative_offsets():
    claim = ClaimFactory()
    claim.start, claim.end = -1, len(claim.quote) - 1
    refused_by_database(claim.save)


def test_the_database_refuses_a_quote_whose_length_disagrees_with_its_offsets():
    claim = ClaimFactory()
    claim.end += 1
    refused_by_database(claim.save)


def test_validation_explains_reversed_offsets():
    claim = ClaimFactory.build(document=DocumentFactory())
    claim.start, claim.end = claim.end, claim.start
    with pytest.raises(ValidationError) as error:
        claim.full_clean()
    assert "must end after it starts" in str(error.value)


def test_an_orphaned_claim_keeps_its_quote_and_stays_valid_when_the_text_moves_on():
    claim = ClaimFactory()
    Document.objects.filter(pk=claim.document_id).update(text="Entirely new text.")
    claim.refresh_from_db()
    claim.anchor = Claim.Anchor.ORPHANED
    claim.status = Claim.Status.DISPUTED
    claim.full_clean()
    claim.save()


def test_the_attributed_role_must_belong_to_the_speaker():
    claim = ClaimFactory()
    claim.role = SpeakerRoleFactory()  # someone else's role
    with pytest.raises(ValidationError) as error:
        claim.full_clean()
    assert "speaker's own roles" in messages_of(error)


def test_the_database_refuses_a_second_link_with_the_same_relation():
    link = LinkFactory()
    duplicate = Link(source=link.source, target=link.target, relation=link.relation)
    with pytest.raises(ValidationError) as error:
        duplicate.full_clean()
    assert "already linked by this relation" in str(error.value)
    refused_by_database(duplicate.save)


def test_the_same_claims_may_be_linked_by_another_relation():
    link = LinkFactory()
    Link.objects.create(source=link.source, target=link.target, relation=Link.Relation.SUPPORTS)
    assert Link.objects.count() == 2


def test_the_database_refuses_a_link_from_a_claim_to_itself():
    claim = ClaimFactory()
    link = Link(source=claim, target=claim, relation=Link.Relation.REPEATS)
    with pytest.raises(ValidationError) as error:
        link.full_clean()
    assert "cannot be linked to itself" in str(error.value)
    refused_by_database(link.save)


def test_a_link_reads_both_ways():
    link = LinkFactory(relation=Link.Relation.RESPONDS_TO)
    assert link.get_relation_display() == "responds to"
    assert link.inverse_label == "answered by"
    assert set(Link.INVERSE) == set(Link.Relation)


def test_the_database_refuses_two_documents_with_the_same_text():
    document = DocumentFactory()
    copy = Document(title="Copy", kind=document.kind, text=document.text)
    with pytest.raises(ValidationError) as error:
        copy.full_clean()
    assert "already stored" in messages_of(error)
    refused_by_database(copy.save)


def test_the_content_hash_follows_the_text():
    document = DocumentFactory(text="First version.\n")
    first = document.content_hash
    document.text = "Second version.\n"
    document.save()
    assert document.content_hash != first and len(document.content_hash) == 64


def test_the_database_refuses_a_role_that_ends_before_it_starts():
    role = SpeakerRoleFactory.build(
        speaker=SpeakerFactory(),
        organisation=None,
        start_date=datetime.date(2020, 1, 1),
        end_date=datetime.date(2019, 1, 1),
    )
    with pytest.raises(ValidationError) as error:
        role.full_clean()
    assert "cannot end before it starts" in str(error.value)
    refused_by_database(role.save)


def test_roles_in_force_on_a_date_include_open_ended_and_overlapping_ones():
    speaker = SpeakerFactory()
    spokesman = SpeakerRoleFactory(speaker=speaker, title="Spokesman")
    deputy = SpeakerRoleFactory(
        speaker=speaker, title="Deputy Director", start_date=datetime.date(2021, 1, 1)
    )
    SpeakerRoleFactory(speaker=speaker, title="Earlier post", end_date=datetime.date(2015, 1, 1))
    assert set(speaker.roles.held_on(datetime.date(2022, 8, 19))) == {spokesman, deputy}
    assert set(SpeakerRole.objects.held_on(datetime.date(2010, 1, 1))) == {
        spokesman,
        *SpeakerRole.objects.filter(title="Earlier post"),
    }


def test_a_claim_without_a_named_role_shows_the_roles_in_force_on_its_date():
    claim = ClaimFactory()
    role = SpeakerRoleFactory(speaker=claim.speaker, start_date=datetime.date(2020, 1, 1))
    assert claim.attributed_roles() == [role]
    claim.role = role
    assert claim.attributed_roles() == [role]


def test_the_database_refuses_an_institution_with_personal_names():
    speaker = Speaker(kind=Speaker.Kind.INSTITUTION, name="Ministry", family_name="Niu")
    refused_by_database(speaker.save)


def test_the_database_refuses_a_reference_period_that_ends_before_it_starts():
    statistic = StatisticFactory()
    statistic.period_start, statistic.period_end = datetime.date(2021, 1, 1), datetime.date(2020, 1, 1)
    with pytest.raises(ValidationError):
        statistic.full_clean()
    refused_by_database(statistic.save)
    assert Statistic.objects.get().period_start is None


def test_a_topic_subtree_is_one_prefix_query_and_follows_a_move():
    security = TopicFactory(name="Cybersecurity", slug="cybersecurity")
    data = TopicFactory(name="Data security", slug="data-security", parent=security)
    leaks = TopicFactory(name="Leaks", slug="leaks", parent=data)
    other = TopicFactory(name="Infrastructure", slug="infrastructure")
    assert leaks.path == "cybersecurity/data-security/leaks/"
    assert list(Topic.objects.subtree(security)) == [security, data, leaks]
    assert str(leaks) == "Cybersecurity › Data security › Leaks"

    data.parent = other
    data.save()
    leaks.refresh_from_db()
    assert leaks.path == "infrastructure/data-security/leaks/"
    assert list(Topic.objects.subtree(other)) == [other, data, leaks]


def test_a_topic_cannot_move_under_its_own_descendant():
    root = TopicFactory(slug="root")
    child = TopicFactory(slug="child", parent=root)
    root.parent = child
    with pytest.raises(ValidationError) as error:
        root.full_clean()
    assert "under itself" in messages_of(error)
