"""Every export format read back by an independent reader — bibtexparser (with
pylatexenc for LaTeX escapes), rispy, the official CSL-JSON schema, the csv and
json modules — on the seed corpus: one reference per document, its claims as
notes (DESIGN §5), and the defects of issue 11's points 7–15 gone."""

import csv
import io
import json
import re
from pathlib import Path

import bibtexparser
import jsonschema
import pytest
import rispy
from django.core.management import CommandError, call_command
from django.db.models import Q
from django.test import override_settings
from django.urls import reverse
from pylatexenc.latex2text import LatexNodes2Text

from claimtracker.corpus.models import Claim, Document, Publisher
from claimtracker.exports.formats import FORMATS, export
from claimtracker.text.fragments import fragment_url
from tests.factories import ClaimFactory, DocumentFactory

pytestmark = pytest.mark.django_db

BASE = "https://claims.example.org"
CSL_SCHEMA = json.loads((Path(__file__).parent / "schemas" / "csl-data.json").read_text(encoding="utf-8"))
TRICKY = "R&D: 100% $5 #1 under_score {braces} ~tilde ^caret \\backslash 中国互联网 “quotes”"


def bib(text):
    """Parsed by bibtexparser, which must be told that biblatex's @report is a type."""
    return bibtexparser.loads(text, parser=bibtexparser.bparser.BibTexParser(ignore_nonstandard_types=False))


def exported(claims, name, **options):
    chunks, content_type, filename = export(claims, name, BASE, **options)
    return b"".join(chunks).decode("utf-8")


def latex(text):
    # pylatexenc renders \textasciicircum as U+02C6, the modifier letter; biber renders "^".
    return LatexNodes2Text().latex_to_text(text).replace("ˆ", "^")


def claim_ids(document):
    return sorted(document.claims.values_list("pk", flat=True))


@pytest.fixture
def tricky_claim():
    publisher = Publisher.objects.create(name="Xinhua & Co_")
    text = f"{TRICKY} rose to 1.03 billion last year."
    document = DocumentFactory(
        text=text, title=TRICKY, publisher=publisher, kind="news_report", url="https://example.org/a?b=1&c"
    )
    return ClaimFactory(document=document, quote_text="rose to 1.03 billion last year")


# One reference per document (point 1).


def test_bibtex_has_one_entry_per_document_whose_aliases_are_its_claims(seed):
    entries = bib(exported(Claim.objects.all(), "bibtex")).entries
    assert sorted(entry["ID"] for entry in entries) == sorted(f"doc{pk}" for pk in range(1, 6))
    for entry in entries:
        document = Document.objects.get(pk=entry["ID"].removeprefix("doc"))
        assert sorted(int(key.removeprefix("claim")) for key in entry["ids"].split(",")) == claim_ids(
            document
        )
        assert entry["annotation"].count("— claim: ") == document.claims.count()
        assert "note" not in entry  # biblatex would print it


def test_ris_has_one_record_per_document_with_a_note_per_claim(seed):
    entries = rispy.loads(exported(Claim.objects.all(), "ris"))
    assert len(entries) == Document.objects.count() == 5
    for entry in entries:
        document = Document.objects.get(pk=entry["id"].removeprefix("doc"))
        claim_notes = [note for note in entry["notes"] if "— claim: " in note]
        assert len(claim_notes) == document.claims.count()


def test_csl_json_has_one_item_per_document_and_satisfies_the_official_schema(seed):
    items = json.loads(exported(Claim.objects.all(), "csljson"))
    jsonschema.Draft7Validator(CSL_SCHEMA).validate(items)
    assert [item["id"] for item in items] == [f"doc{pk}" for pk in range(1, 6)]
    for item in items:
        document = Document.objects.get(pk=item["id"].removeprefix("doc"))
        assert item["note"].count("— claim: ") == document.claims.count()


def test_a_styled_export_cites_each_document_once_then_lists_its_claims(seed):
    claims = Claim.objects.filter(document__title__startswith="SCIO briefing")
    text = exported(claims, "apa")
    reference = (
        "SCIO briefing on China’s industrial and communications development. (2019, September 23). "
        "[Transcript]. China.org.cn."
    )
    assert text.split("\n")[0] == reference and text.count(reference) == 1
    assert len(text.strip().split("\n")) == 1 + claims.count()
    assert "2019a" not in text


def test_the_seed_white_paper_names_the_government_as_author_and_the_description_is_marked(seed):
    items = {item["id"]: item for item in json.loads(exported(Claim.objects.all(), "csljson"))}
    white_paper = items["doc3"]
    assert white_paper["author"] == [{"literal": "Government of the People's Republic of China"}]
    assert (white_paper["type"], white_paper["publisher"]) == ("report", "Beijing Review")
    text = exported(Claim.objects.filter(pk=Claim.objects.filter(document=4).first().pk), "mla")
    assert text.split("\n")[0] == (
        "[CCTV News: press conference on “China’s Decade”, building a strong Internet country]. "
        "Transcript. CCTV News, 20 Aug. 2022."
    )


# Special characters, unbalanced braces included (point 9).


def test_bibtex_round_trips_tricky_characters_and_unbalanced_braces(tricky_claim):
    unbalanced = DocumentFactory(title="Rules {for apps", kind="news_report", text="Rules for apps } here.")
    ClaimFactory(document=unbalanced, quote_text="Rules for apps }")
    entries = {entry["ID"]: entry for entry in bib(exported(Claim.objects.all(), "bibtex")).entries}
    assert len(entries) == 2
    tricky = entries[f"doc{tricky_claim.document_id}"]
    assert latex(tricky["title"]).replace("{", "").replace("}", "") == TRICKY.replace("{", "").replace(
        "}", ""
    )
    assert "\\textbraceleft{}braces\\textbraceright{}" in tricky["title"]
    assert latex(tricky["journaltitle"]) == "Xinhua & Co_"
    assert tricky["url"] == "https://example.org/a?b=1&c"
    assert entries[f"doc{unbalanced.pk}"]["title"] == "Rules \\textbraceleft{}for apps"
    assert "“Rules for apps \\textbraceright{}.”" in entries[f"doc{unbalanced.pk}"]["annotation"]


def test_ris_and_csl_json_keep_tricky_characters(tricky_claim):
    entry = rispy.loads(exported(Claim.objects.all(), "ris"))[0]
    assert (entry["type_of_reference"], entry["title"], entry["secondary_title"]) == (
        "NEWS",
        TRICKY,
        "Xinhua & Co_",
    )
    item = json.loads(exported(Claim.objects.all(), "csljson"))[0]
    assert (item["type"], item["title"], item["container-title"]) == (
        "article-newspaper",
        TRICKY,
        "Xinhua & Co_",
    )


# The data formats: a row per claim.


def test_csv_has_a_header_and_a_row_per_claim_with_figures_topics_and_links(seed):
    rows = list(csv.DictReader(io.StringIO(exported(Claim.objects.all(), "csv"))))
    assert len(rows) == Claim.objects.count()
    row = next(r for r in rows if r["quote"] == "The number of internet users rose to 1.03 billion last year")
    assert row["figures"] == "Internet users in China: 1,030,000,000 people (last year)"
    assert "updates #" in row["links"] and row["topics"] == "Internet users"
    assert row["permalink"] == f"{BASE}/claims/{row['id']}/"


def test_json_carries_figures_and_links_both_ways(seed):
    data = json.loads(exported(Claim.objects.all(), "json"))
    assert len(data) == Claim.objects.count()
    users_2015 = next(d for d in data if d["quote"] == "Boasting 668 million Internet users")
    assert users_2015["figures"][0]["value"] == "668000000"
    relations = {link["relation"] for link in users_2015["links"]}
    assert {"updates", "updated by"} <= relations


def test_the_data_formats_give_the_text_fragment_the_claim_keeps(tricky_claim):
    Claim.objects.filter(pk=tricky_claim.pk).update(fragment="kept")  # not what the text would give
    [row] = csv.DictReader(io.StringIO(exported(Claim.objects.all(), "csv")))
    assert row["text_fragment_url"] == "https://example.org/a?b=1&c#:~:text=kept"
    [item] = json.loads(exported(Claim.objects.all(), "json"))
    assert item["text_fragment_url"] == row["text_fragment_url"]


def test_a_claim_without_a_kept_text_fragment_has_it_made_from_the_text(tricky_claim):
    claim, document = tricky_claim, tricky_claim.document
    expected = fragment_url(document.url, document.text, claim.start, claim.end)
    Claim.objects.filter(pk=claim.pk).update(fragment="")  # loaded by fixture, restored from an old backup
    for name in ("csv", "json"):
        assert expected in exported(Claim.objects.all(), name)
    assert f"at the quote: {expected}" in exported(Claim.objects.all(), "ris")


def test_an_orphaned_claim_has_no_text_fragment(tricky_claim):
    Claim.objects.filter(pk=tricky_claim.pk).update(anchor=Claim.Anchor.ORPHANED)
    [row] = csv.DictReader(io.StringIO(exported(Claim.objects.all(), "csv")))
    assert row["text_fragment_url"] == "" and row["document_url"] == tricky_claim.document.url


@pytest.mark.parametrize("name", list(FORMATS))
def test_an_empty_selection_is_an_empty_valid_file(name):
    text = exported(Claim.objects.none(), name)
    if name in ("csljson", "json", "claimreview", "webannotation"):
        assert json.loads(text) == []
    elif name == "csv":
        assert len(list(csv.reader(io.StringIO(text)))) == 1  # the header row
    else:
        assert text == ""


# CSV that spreadsheets open safely, and in Excel (point 14).


@pytest.mark.parametrize("start", ["=", "+", "-", "@"])
def test_a_csv_cell_that_a_spreadsheet_would_run_as_a_formula_is_kept_as_text(start):
    quote = f"{start}HYPERLINK(1)"
    document = DocumentFactory(text=f"He said {quote} today.")
    ClaimFactory(document=document, quote_text=quote, summary=f"{start}1+1")
    row = next(csv.DictReader(io.StringIO(exported(Claim.objects.all(), "csv"))))
    assert (row["quote"], row["summary"]) == (f"'{quote}", f"'{start}1+1")


def test_csv_begins_with_a_byte_order_mark_only_when_asked(seed, client):
    assert not exported(Claim.objects.all(), "csv").startswith("\ufeff")
    assert exported(Claim.objects.all(), "csv", bom=True).startswith("\ufeffid,")
    response = client.get(reverse("claims-export"), {"format": "csv", "bom": "1"})
    assert b"".join(response.streaming_content).startswith(b"\xef\xbb\xbfid,")


# Canonical permalinks (point 7).


@override_settings(
    SITE_URL="https://claims.example.net", ALLOWED_HOSTS=["claims.example.net", "evil.example"]
)
def test_the_web_export_uses_the_site_url_whatever_host_the_request_named(seed, client):
    response = client.get(reverse("claims-export"), {"format": "csv"}, HTTP_HOST="evil.example")
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert {row["permalink"] for row in rows} == {
        f"https://claims.example.net/claims/{r['id']}/" for r in rows
    }
    text = client.get(reverse("claim-cite", args=[1]), {"format": "ris"}, HTTP_HOST="evil.example")
    assert "— claim: https://claims.example.net/claims/1/" in text.content.decode()
    assert "evil.example" not in text.content.decode()


@override_settings(SITE_URL="https://claims.example.net")
def test_the_command_uses_the_site_url_unless_told_another(seed):
    def permalinks(**options):
        stdout = io.StringIO()
        call_command("export_claims", format="csv", stdout=stdout, stderr=io.StringIO(), **options)
        return {
            row["permalink"].rsplit("/claims/", 1)[0]
            for row in csv.DictReader(io.StringIO(stdout.getvalue()))
        }

    assert permalinks() == {"https://claims.example.net"}
    assert permalinks(site_url="https://mirror.example.org/") == {"https://mirror.example.org"}


# The note line (point 8).


def test_every_seed_note_ends_its_quote_inside_the_quotation_marks_and_no_url_takes_a_period(seed):
    documents = Document.objects.all()
    for document in documents:  # the seed has no URLs: give them one, so text fragments are written
        document.url = f"https://example.org/{document.pk}"
        document.save()
    notes = [
        line
        for item in json.loads(exported(Claim.objects.all(), "csljson"))
        for line in item["note"].split("\n")
    ]
    assert len(notes) == Claim.objects.count() == 70
    for note in notes:
        assert not re.search(r"[.,?!…]”[.,]", note), note
        assert re.search(r"[.?!…]”", note), note  # a sentence's end, inside the closing mark
        for url in re.findall(r"https?://\S+", note):
            assert not url.endswith((".", ",", ";")), note
    claim = Claim.objects.get(quote="from 564 million in 2012")
    note = next(n for n in notes if f"/claims/{claim.pk}/ " in n)
    assert note == (
        f"Cyberspace Administration of China: “from 564 million in 2012.” — claim: {BASE}/claims/{claim.pk}/"
        f" — at the quote: https://example.org/{claim.document_id}#:~:text=from%20564%20million%20in%202012"
    )


# Filters: the list, the download and the command agree (point 13).


def test_the_download_follows_the_lists_filters_and_refuses_unknown_formats(client, seed):
    response = client.get(reverse("claims-export"), {"format": "csv", "kind": "question"})
    assert response["Content-Disposition"] == 'attachment; filename="claims.csv"'
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert sorted(int(row["id"]) for row in rows) == sorted(
        Claim.objects.filter(kind="question").values_list("pk", flat=True)
    )
    response = client.get(reverse("claims-export"), {"format": "docx"})
    assert response.status_code == 400 and "bibtex, ris, csljson, csv, json" in response.content.decode()


@pytest.mark.parametrize("value", ["1", "yes", "true"])
def test_has_links_yes_exports_the_linked_claims_only(client, seed, value):
    response = client.get(reverse("claims-export"), {"format": "csv", "has_links": value})
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    linked = Claim.objects.filter(Q(links_out__isnull=False) | Q(links_in__isnull=False)).distinct()
    assert sorted(int(row["id"]) for row in rows) == sorted(linked.values_list("pk", flat=True))
    assert 0 < len(rows) < Claim.objects.count()


def test_a_has_links_value_that_is_neither_yes_nor_no_is_refused_not_ignored(client, seed):
    response = client.get(reverse("claims-export"), {"format": "csv", "has_links": "maybe"})
    assert response.status_code == 400
    assert response.content.decode() == "Has links: Give yes or no. The filter was ignored."


def test_after_an_invalid_filter_the_lists_export_links_carry_only_the_filters_it_applied(client, seed):
    response = client.get(reverse("claim-list"), {"kind": "question", "has_links": "maybe", "per_page": "10"})
    assert "Has links: Give yes or no. The filter was ignored." in response.context["problems"]
    links = dict(response.context["export_links"])
    assert links["CSV"] == "?kind=question&format=csv"
    download = client.get(reverse("claims-export") + links["CSV"])
    assert download.status_code == 200
    rows = list(csv.DictReader(io.StringIO(b"".join(download.streaming_content).decode())))
    assert len(rows) == Claim.objects.filter(kind="question").count() == 5


def test_the_command_exports_with_the_same_filters(seed, tmp_path):
    output = tmp_path / "questions.bib"
    call_command("export_claims", format="bibtex", kind="question", output=str(output), stderr=io.StringIO())
    entries = bib(output.read_text(encoding="utf-8")).entries
    questions = Claim.objects.filter(kind="question")
    assert sorted(int(key.removeprefix("claim")) for e in entries for key in e["ids"].split(",")) == sorted(
        questions.values_list("pk", flat=True)
    )
    assert not (tmp_path / "questions.bib.part").exists()
    with pytest.raises(CommandError, match="Valid formats: bibtex"):
        call_command("export_claims", format="docx", stdout=io.StringIO(), stderr=io.StringIO())
    with pytest.raises(CommandError, match="--has-links: Give yes or no."):
        call_command(
            "export_claims", format="csv", has_links="maybe", stdout=io.StringIO(), stderr=io.StringIO()
        )


def test_the_command_refuses_an_output_in_a_missing_folder_or_onto_a_folder(seed, tmp_path):
    missing = tmp_path / "nowhere" / "claims.bib"
    with pytest.raises(CommandError, match=f"The folder {re.escape(str(missing.parent))} does not exist"):
        call_command("export_claims", format="bibtex", output=str(missing), stderr=io.StringIO())
    with pytest.raises(CommandError, match=f"{re.escape(str(tmp_path))} is a folder: give a file name"):
        call_command("export_claims", format="bibtex", output=str(tmp_path), stderr=io.StringIO())
    assert list(tmp_path.iterdir()) == []


# The admin, and the citation box (point 15).


def test_the_admin_exports_selected_claims(admin_client, seed):
    selected = list(Claim.objects.filter(kind="question").values_list("pk", flat=True))
    response = admin_client.post(
        reverse("admin:corpus_claim_changelist"), {"action": "export_csv", "_selected_action": selected}
    )
    assert response["Content-Disposition"] == 'attachment; filename="claims.csv"'
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert sorted(int(row["id"]) for row in rows) == sorted(selected)


def test_the_citation_box_names_the_editions_and_follows_changes(client, seed):
    claim = Claim.objects.get(quote="from 564 million in 2012")
    page = client.get(claim.get_absolute_url()).content.decode()
    for label in ("APA 7", "Chicago 18 (notes and bibliography)", "Chicago 18 (author-date)", "MLA 9"):
        assert f">{label}</option>" in page
    text = client.get(reverse("claim-cite", args=[claim.pk]), {"format": "mla"}).content.decode()
    # No outlet: a self-contained work, its title in italics (MLA 9 §5.24), plain in plain text.
    assert text.split("\n")[0] == "China Vows to Strengthen Cybersecurity."
    document = claim.document
    document.title = "China vows to strengthen cybersecurity further"
    document.save()
    text = client.get(reverse("claim-cite", args=[claim.pk]), {"format": "mla"}).content.decode()
    assert text.split("\n")[0] == "China Vows to Strengthen Cybersecurity Further."
    assert client.get(reverse("claim-cite", args=[claim.pk]), {"format": "nope"}).status_code == 400
