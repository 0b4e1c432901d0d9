"""`manage.py import_documents`: files, folders and URL lists in bulk, a line per input,
a non-zero exit when any failed, and nothing half-created."""

import io

import pytest
from django.core.management import CommandError, call_command

from claimtracker.corpus.models import Document, Snapshot
from tests.importing import inputs

pytestmark = pytest.mark.django_db


def run(*arguments):
    out = io.StringIO()
    try:
        call_command("import_documents", *arguments, stdout=out, stderr=io.StringIO())
    except CommandError as error:
        return out.getvalue(), error
    return out.getvalue(), None


def test_a_folder_is_imported_one_line_per_file_with_duplicates_and_failures_named(tmp_path):
    folder = tmp_path / "corpus"
    (folder / "nested").mkdir(parents=True)
    (folder / "a-transcript.txt").write_text(inputs.TRANSCRIPT, encoding="utf-8")
    (folder / "b-same-again.txt").write_text(inputs.TRANSCRIPT.replace("\n\n", "\n"), encoding="utf-8")
    (folder / "c-report.pdf").write_bytes(inputs.pdf(["Internet users reached 384 million."], title="Report"))
    (folder / "nested" / "d-page.html").write_bytes(inputs.chinese_page())
    (folder / "e-locked.pdf").write_bytes(inputs.encrypted_pdf(["secret"]))
    (folder / "f-notes.md").write_text("not an importable kind", encoding="utf-8")  # skipped: not named
    out, error = run(str(folder))
    documents = {document.title: document.pk for document in Document.objects.all()}
    transcript = documents["SCIO press conference on the development of the internet"]
    assert out.splitlines() == [
        f"{folder}/a-transcript.txt: imported as {transcript}",
        f"{folder}/b-same-again.txt: duplicate of {transcript}",
        f"{folder}/c-report.pdf: imported as {documents['Report']}",
        f"{folder}/e-locked.pdf: failed: This PDF is password-protected: remove the password and import it again.",
        f"{folder}/nested/d-page.html: imported as {documents['我国网民规模达10.32亿']}",
        "4 of 5 inputs imported or already stored.",
    ]
    assert str(error) == "1 input failed." and error.returncode == 1
    assert Document.objects.count() == Snapshot.objects.count() == 3
    assert Document.objects.get(pk=documents["我国网民规模达10.32亿"]).language == "zh-CN"


def test_a_url_list_is_fetched_and_imported(tmp_path, site):
    site.add("/users.html", inputs.news_page())
    urls = tmp_path / "urls.txt"
    urls.write_text(
        f"# press coverage\n{site.url('/users.html')}\n\n{site.url('/gone.html')}\n", encoding="utf-8"
    )
    out, error = run("--url-list", str(urls))
    document = Document.objects.get()
    assert out.splitlines() == [
        f"{site.url('/users.html')}: imported as {document.pk}",
        f"{site.url('/gone.html')}: failed: The server answered 404 for {site.url('/gone.html')}.",
        "1 of 2 inputs imported or already stored.",
    ]
    assert error.returncode == 1
    assert (document.publisher.name, [b.person.name for b in document.bylines.all()]) == (
        "China Daily",
        ["John Smith"],
    )
    assert document.accessed_on is not None


def test_all_imported_exits_zero_and_nothing_given_is_an_error(tmp_path):
    (tmp_path / "one.txt").write_text(inputs.TRANSCRIPT, encoding="utf-8")
    out, error = run(str(tmp_path / "one.txt"))
    assert error is None and out.endswith("1 of 1 inputs imported or already stored.\n")
    out, error = run()
    assert "Nothing to import" in str(error)
    out, error = run(str(tmp_path / "missing.txt"))
    assert out.startswith(f"{tmp_path}/missing.txt: failed: [Errno 2]") and error.returncode == 1
