"""Every export format read back by an independent reader: bibtexparser (with
pylatexenc for LaTeX escapes), rispy, the official CSL-JSON schema, the csv
and json modules."""

import csv
import io
import json
from pathlib import Path

import bibtexparser
import jsonschema
import pytest
import rispy
from django.core.management import CommandError, call_command
from django.urls import reverse
from pylatexenc.latex2text import LatexNodes2Text

from claimtracker.corpus.models import Claim, Document, Publisher
from claimtracker.exports.formats import FORMATS, export
from claimtracker.exports.records import text_fragment_url
from tests.factories import ClaimFactory, DocumentFactory, SpeakerFactory

pytestmark = pytest.mark.django_db

BASE = "https://claims.example.org"
CSL_SCHEMA = json.loads((Path(__file__).parent / "schemas" / "csl-data.json").read_text(encoding="utf-8"))
TRICKY = "R&D: 100% $5 #1 under_score {braces} ~tilde ^caret \\backslash 中国互联网 “quotes”"


def bib(text):
    """Parsed by bibtexparser, which must be told that biblatex's @report is a type."""
    return bibtexparser.loads(text, parser=bibtexparser.bparser.BibTexParser(ignore_nonstandard_types=False))


def exported(claims, name):
    chunks, content_type, filename = export(claims, name, BASE)
    return b"".join(chunks).decode("utf-8")


@pytest.fixture
def tricky_claim():
    publisher = Publisher.objects.create(name="Xinhua & Co_")
    text = f"{TRICKY} rose to 1.03 billion last year."
    document = DocumentFactory(
        text=text, title=TRICKY, publisher=publisher, kind="news_report", url="https://example.org/a?b=1&c"
    )
    return ClaimFactory(document=document, quote_text="rose to 1.03 billion last year")


def test_bibtex_parses_and_round_trips_tricky_characters_and_chinese(seed, tricky_claim):
    text = exported(Claim.objects.all(), "bibtex")
    entries = bib(text).entries
    assert len(entries) == Claim.objects.count()
    entry = next(e for e in entries if e["ID"] == f"claim{tricky_claim.pk}")
    # pylatexenc renders \textasciicircum as U+02C6, the modifier letter; biber renders "^".
    title = LatexNodes2Text().latex_to_text(entry["title"]).replace("ˆ", "^")
    assert title == TRICKY
    assert LatexNodes2Text().latex_to_text(entry["journaltitle"]) == "Xinhua & Co_"
    assert entry["ENTRYTYPE"] == "article" and entry["url"] == "https://example.org/a?b=1&c"
    assert f"{BASE}/claims/{tricky_claim.pk}/" in entry["note"]


def test_bibtex_names_a_speechs_speaker_family_first_and_leaves_an_outlet_out_of_the_authors(seed):
    speech = DocumentFactory(kind="speech", publisher=None, title="Speech at the World Internet Conference")
    niu = SpeakerFactory(name="Niu Yibing", family_name="Niu", given_name="Yibing")
    claim = ClaimFactory(document=speech, speaker=niu, quote_text="Document")
    entry = bib(exported(Claim.objects.filter(pk=claim.pk), "bibtex")).entries[0]
    assert entry["author"] == "Niu, Yibing"
    white_paper = Claim.objects.filter(document__kind="white_paper").first()
    entry = bib(exported(Claim.objects.filter(pk=white_paper.pk), "bibtex")).entries[0]
    assert "author" not in entry  # the outlet is the institution, not the author (see records.py)
    assert entry["institution"] == "Beijing Review" and entry["ENTRYTYPE"] == "report"


def test_ris_is_read_by_rispy(seed, tricky_claim):
    entries = rispy.loads(exported(Claim.objects.all(), "ris"))
    assert len(entries) == Claim.objects.count()
    entry = next(e for e in entries if e.get("id") == f"claim{tricky_claim.pk}")
    assert entry["type_of_reference"] == "NEWS"
    assert entry["title"] == TRICKY
    assert entry["secondary_title"] == "Xinhua & Co_"
    assert "rose to 1.03 billion last year" in entry["notes"][0]
    transcript = next(e for e in entries if e["title"].startswith("SCIO briefing"))
    assert transcript["type_of_reference"] == "GEN" and "authors" not in transcript


def test_csl_json_satisfies_the_official_schema(seed, tricky_claim):
    items = json.loads(exported(Claim.objects.all(), "csljson"))
    jsonschema.Draft7Validator(CSL_SCHEMA).validate(items)
    assert len(items) == Claim.objects.count()
    item = next(i for i in items if i["id"] == f"claim{tricky_claim.pk}")
    assert (item["type"], item["title"], item["container-title"]) == (
        "article-newspaper",
        TRICKY,
        "Xinhua & Co_",
    )
    scio = next(i for i in items if i["type"] == "interview")
    assert scio["issued"] == {"date-parts": [[2019, 9, 23]]} and scio["container-title"] == "China.org.cn"


def test_csv_has_a_header_and_a_row_per_claim_with_figures_topics_and_links(seed):
    rows = list(csv.DictReader(io.StringIO(exported(Claim.objects.all(), "csv"))))
    assert len(rows) == Claim.objects.count()
    row = next(r for r in rows if r["quote"] == "The number of internet users rose to 1.03 billion last year")
    assert row["figures"] == "Internet users in China: 1,030,000,000 people (last year)"
    assert "updates #" in row["links"] and row["topics"] == "Internet users"
    assert row["permalink"].startswith(BASE + "/claims/")


def test_json_carries_figures_and_links_both_ways(seed):
    data = json.loads(exported(Claim.objects.all(), "json"))
    users_2015 = next(d for d in data if d["quote"] == "Boasting 668 million Internet users")
    assert users_2015["figures"][0]["value"] == "668000000"
    relations = {link["relation"] for link in users_2015["links"]}
    assert {"updates", "updated by"} <= relations


@pytest.mark.parametrize("name", list(FORMATS))
def test_an_empty_selection_is_an_empty_valid_file(name):
    text = exported(Claim.objects.none(), name)
    if name in ("csljson", "json", "claimreview", "webannotation"):
        assert json.loads(text) == []
    elif name == "csv":
        assert len(list(csv.reader(io.StringIO(text)))) == 1  # the header row
    else:
        assert text == ""


def test_the_download_follows_the_lists_filters_and_refuses_unknown_formats(client, seed):
    response = client.get(reverse("claims-export"), {"format": "ris", "kind": "question"})
    assert response["Content-Disposition"] == 'attachment; filename="claims.ris"'
    entries = rispy.loads(b"".join(response.streaming_content).decode())
    assert len(entries) == Claim.objects.filter(kind="question").count() == 5
    response = client.get(reverse("claims-export"), {"format": "docx"})
    assert response.status_code == 400 and "bibtex, ris, csljson, csv, json" in response.content.decode()
    assert "Export these" in client.get(reverse("claim-list")).content.decode()


def test_the_command_exports_with_the_same_filters(seed, tmp_path):
    output = tmp_path / "questions.bib"
    call_command("export_claims", format="bibtex", kind="question", output=str(output), stderr=io.StringIO())
    assert len(bib(output.read_text(encoding="utf-8")).entries) == 5
    stdout = io.StringIO()
    speaker = Claim.objects.filter(kind="question").first().speaker
    call_command(
        "export_claims", format="csljson", speaker=str(speaker.pk), stdout=stdout, stderr=io.StringIO()
    )
    assert len(json.loads(stdout.getvalue())) == Claim.objects.filter(speaker=speaker).count()
    with pytest.raises(CommandError, match="Valid formats: bibtex"):
        call_command("export_claims", format="docx", stdout=io.StringIO(), stderr=io.StringIO())


def test_text_fragment_links_escape_dashes_commas_and_ampersands():
    url = text_fragment_url("https://example.org/page#top", "opening-up, R&D")
    assert url == "https://example.org/page#:~:text=opening%2Dup%2C%20R%26D"
    long = "one two three four five six seven eight nine ten eleven twelve"
    assert text_fragment_url("https://e.org/", long).endswith(
        "#:~:text=one%20two%20three%20four%20five,eight%20nine%20ten%20eleven%20twelve"
    )


def test_a_persons_document_author_and_an_institution_speaker_are_named_rightly():
    document = DocumentFactory(author="Smith, Jane", kind="news_report")
    claim = ClaimFactory(document=document, quote_text="Document", speaker=SpeakerFactory(name="X Y"))
    item = json.loads(exported(Claim.objects.filter(pk=claim.pk), "csljson"))[0]
    assert item["author"] == [{"family": "Smith", "given": "Jane"}]
    assert Document.objects.count() == 1
    speech = DocumentFactory(kind="speech")
    niu = SpeakerFactory(name="Niu Yibing", family_name="Niu", given_name="Yibing")
    claim = ClaimFactory(document=speech, quote_text="Document", speaker=niu)
    item = json.loads(exported(Claim.objects.filter(pk=claim.pk), "csljson"))[0]
    assert item["author"] == [{"family": "Niu", "given": "Yibing", "static-ordering": True}]
    institution = SpeakerFactory(
        kind="institution", name="Ministry of Commerce", family_name="", given_name=""
    )
    claim = ClaimFactory(document=DocumentFactory(kind="speech"), quote_text="Document", speaker=institution)
    assert json.loads(exported(Claim.objects.filter(pk=claim.pk), "csljson"))[0]["author"] == [
        {"literal": "Ministry of Commerce"}
    ]


def test_the_admin_exports_selected_claims(admin_client, seed):
    selected = list(Claim.objects.filter(kind="question").values_list("pk", flat=True))
    response = admin_client.post(
        reverse("admin:corpus_claim_changelist"), {"action": "export_ris", "_selected_action": selected}
    )
    assert response["Content-Disposition"] == 'attachment; filename="claims.ris"'
    entries = rispy.loads(b"".join(response.streaming_content).decode())
    assert sorted(int(e["id"].removeprefix("claim")) for e in entries) == sorted(selected)


def test_the_citation_box_loads_each_format_on_demand_and_follows_changes(client, seed):
    claim = Claim.objects.get(quote="from 564 million in 2012")
    page = client.get(claim.get_absolute_url()).content.decode()
    assert 'id="cite-format"' in page and "Chicago (notes and bibliography)" in page
    text = client.get(reverse("claim-cite", args=[claim.pk]), {"format": "mla"}).content.decode()
    assert text.startswith("China Vows to Strengthen Cybersecurity.")
    document = claim.document
    document.title = "China vows to strengthen cybersecurity further"
    document.save()
    text = client.get(reverse("claim-cite", args=[claim.pk]), {"format": "mla"}).content.decode()
    assert text.startswith("China Vows to Strengthen Cybersecurity Further.")  # the cache followed the edit
    assert client.get(reverse("claim-cite", args=[claim.pk]), {"format": "nope"}).status_code == 400
