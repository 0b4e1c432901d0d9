"""The seed corpus (fixtures/seed.json): every anchor holds, the data keeps the
model's rules, and loading it twice changes nothing."""

import importlib.util
import json
from datetime import date
from pathlib import Path

import pytest
from django.apps import apps
from django.core import serializers
from django.core.management import call_command

from claimtracker.corpus.models import Claim, Document, Link, Speaker, Statistic, Topic
from claimtracker.corpus.models.sources import content_hash
from claimtracker.text import anchoring
from claimtracker.text.fragments import encoded_directive

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT.parent / "shared" / "seeds"
needs_seed_texts = pytest.mark.skipif(not SEEDS.is_dir(), reason=f"the seed texts are not at {SEEDS}")


def corpus_snapshot():
    """Every row of every corpus table (history included), serialised."""
    rows = {}
    for model in apps.get_app_config("corpus").get_models():
        rows[model._meta.label] = serializers.serialize("json", model.objects.order_by("pk"))
    return rows


def test_every_claim_quote_is_the_text_at_its_offsets(seed):
    claims = list(Claim.objects.select_related("document"))
    assert len(claims) >= 40
    for claim in claims:
        text = claim.document.text
        assert text[claim.start : claim.end] == claim.quote, claim.pk
        assert (claim.prefix, claim.suffix) == anchoring.context(text, claim.start, claim.end), claim.pk
        assert claim.anchor == Claim.Anchor.ANCHORED
        claim.full_clean()


def test_documents_keep_the_model_rules(seed):
    documents = list(Document.objects.all())
    assert len(documents) == 5
    for document in documents:
        assert document.content_hash == content_hash(document.text)
        assert "\r" not in document.text
        document.full_clean()
    # The CCTV text starts with a space, and the fixture keeps it.
    assert Document.objects.get(publisher__name="CCTV News").text.startswith(" date 2022-08-20")


def test_every_statistic_claim_states_its_figures(seed):
    statistic_claims = Claim.objects.filter(kind=Claim.Kind.STATISTIC)
    assert statistic_claims.count() >= 8
    assert not statistic_claims.filter(statistics=None).exists()
    users = Statistic.objects.filter(metric__name="Internet users in China").order_by("period_start")
    assert [(s.period_start.year, int(s.value)) for s in users] == [
        (2012, 564_000_000),
        (2015, 668_000_000),
        (2021, 1_030_000_000),
    ]
    penetration = Claim.objects.get(quote__contains="73 percent from 42.1 percent")
    assert sorted(str(s.value.normalize()) for s in penetration.statistics.all()) == ["42.1", "73"]


def test_links_of_every_relation_are_present(seed):
    assert set(Link.objects.values_list("relation", flat=True)) == set(Link.Relation.values)
    chain = Link.objects.filter(relation=Link.Relation.UPDATES).select_related("source", "target")
    assert {(link.source.quote, link.target.quote) for link in chain} == {
        ("Boasting 668 million Internet users", "from 564 million in 2012"),
        (
            "The number of internet users rose to 1.03 billion last year",
            "Boasting 668 million Internet users",
        ),
    }
    repeats = Link.objects.filter(
        relation=Link.Relation.REPEATS, target__quote__contains="there is no national"
    )
    documents = {repeats[0].target.document_id} | {link.source.document_id for link in repeats}
    assert len(documents) == 3
    answers = Link.objects.filter(relation=Link.Relation.RESPONDS_TO)
    assert all(link.target.kind == Claim.Kind.QUESTION for link in answers)


def test_speakers_roles_and_topics(seed):
    niu = Speaker.objects.get(name="Niu Yibing")
    assert (niu.family_name, niu.given_name, niu.name_original) == ("Niu", "Yibing", "牛一兵")
    titles = set(niu.roles.held_on(date(2022, 8, 19)).values_list("title", flat=True))
    assert titles == {"Spokesman", "Deputy Director"}
    assert Speaker.objects.filter(kind=Speaker.Kind.INSTITUTION, claims__kind=Claim.Kind.QUESTION).exists()
    for claim in Claim.objects.exclude(role=None).select_related("role"):
        assert claim.role.speaker_id == claim.speaker_id
    for topic in Topic.objects.all():
        assert topic.path == topic.compute_path()
    assert not Claim.objects.filter(topics=None).exists()


def test_loading_twice_changes_nothing(seed):
    before = corpus_snapshot()
    call_command("loaddata", "seed", verbosity=0)
    assert corpus_snapshot() == before


@needs_seed_texts
def test_documents_are_cut_from_the_seed_texts_without_changing_a_character(seed):
    pages = [path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("*.txt"))]
    for document in Document.objects.all():
        assert any(document.text in page for page in pages), document.title


@needs_seed_texts
def test_the_fixture_is_what_the_builder_writes():
    spec = importlib.util.spec_from_file_location("build_seed", ROOT / "fixtures" / "build_seed.py")
    builder = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(builder)
    written = json.loads((ROOT / "fixtures" / "seed.json").read_text(encoding="utf-8"))
    assert json.loads(json.dumps(builder.build(SEEDS), ensure_ascii=False)) == written


def test_the_seed_claims_keep_their_text_fragments(seed):
    claims = Claim.objects.exclude(anchor=Claim.Anchor.ORPHANED).select_related("document")
    assert claims.exists()
    for claim in claims:
        assert claim.fragment == encoded_directive(claim.document.text, claim.start, claim.end)
