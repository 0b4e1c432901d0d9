"""New document: paste, upload or fetch; review the text and metadata; save through the
domain — and bad input gets a message and leaves nothing behind."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from claimtracker.corpus.models import Byline, Document, Publisher, Snapshot, Speaker
from claimtracker.corpus.services.importing import DuplicateDocument, document_import
from tests.factories import SpeakerFactory, UserFactory
from tests.importing import inputs

pytestmark = pytest.mark.django_db
NEW = "/documents/new/"


def member(role):
    user = UserFactory()
    user.groups.add(Group.objects.get(name=role))
    return user


@pytest.fixture
def researcher(client):
    user = member("researcher")
    client.force_login(user)
    return user


def counts():
    return (
        Document.objects.count(),
        Snapshot.objects.count(),
        Byline.objects.count(),
        Publisher.objects.count(),
    )


def reviewed(response):
    """The review form's initial values, as the page shows them."""
    assert response.status_code == 200, response.content.decode()[:2000]
    form = response.context["form"]
    return {name: form[name].value() for name in form.fields}


def save(client, values, **changes):
    data = {key: "" if value is None else value for key, value in {**values, **changes}.items()}
    data["save"] = "1"
    return client.post(NEW, data)


def test_a_fetched_news_page_is_reviewed_then_saved_with_its_metadata_byline_and_snapshot(
    client, researcher, site
):
    SpeakerFactory(name="John Smith")  # the byline names a speaker already recorded
    site.add("/2022-02/users.html", inputs.news_page())
    values = reviewed(client.post(NEW, {"url": site.url("/2022-02/users.html"), "read": "1"}))
    assert Document.objects.count() == 0  # nothing is saved before the review
    assert {key: values[key] for key in ("title", "publisher", "published_on", "byline", "url", "kind")} == {
        "title": "China's internet users top 1 billion",
        "publisher": "China Daily",
        "published_on": datetime.date(2022, 2, 25),
        "byline": "John Smith",
        "url": site.url("/2022-02/users.html"),
        "kind": "news_report",
    }
    response = save(client, values, title="China's internet users top 1 billion (corrected)")
    document = Document.objects.get()
    assert response.status_code == 302 and response["Location"] == document.get_absolute_url()
    assert (document.title, document.publisher.name, document.published_on, document.created_by) == (
        "China's internet users top 1 billion (corrected)",
        "China Daily",
        datetime.date(2022, 2, 25),
        researcher,
    )
    assert (
        document.accessed_on == document.snapshots.get().fetched_at.date()
    )  # the access date is the fetch date
    assert [byline.person.name for byline in document.bylines.all()] == ["John Smith"]
    assert Speaker.objects.filter(name="John Smith").count() == 1
    snapshot = document.snapshots.get()
    assert (bytes(snapshot.content), snapshot.url, snapshot.size) == (
        inputs.news_page(),
        site.url("/2022-02/users.html"),
        len(inputs.news_page()),
    )
    assert document.history.get().history_user == researcher


def test_an_uploaded_pdf_is_saved_with_the_file_kept(client, researcher):
    content = inputs.pdf(
        ["The Internet in China", "Internet users reached 384 million."], title="The Internet in China"
    )
    upload = SimpleUploadedFile("internet-in-china.pdf", content, content_type="application/pdf")
    values = reviewed(client.post(NEW, {"file": upload, "read": "1"}))
    assert values["title"] == "The Internet in China"
    save(client, values, kind="white_paper", publisher="")
    document = Document.objects.get()
    assert (document.kind, document.publisher, document.text) == (
        "white_paper",
        None,
        "The Internet in China\nInternet users reached 384 million.\n",
    )
    snapshot = document.snapshots.get()
    assert (bytes(snapshot.content), snapshot.filename, snapshot.content_type) == (
        content,
        "internet-in-china.pdf",
        "application/pdf",
    )
    download = client.get(reverse("snapshot-download", args=[snapshot.pk]))
    assert download.content == content
    assert download["Content-Disposition"] == 'attachment; filename="internet-in-china.pdf"'


def test_pasted_text_is_stored_exactly_but_for_nfc_and_line_endings(client, researcher):
    pasted = "Miao Wei:\u3000“６.０４亿”  users\r\nrose.  "
    values = reviewed(client.post(NEW, {"text": pasted, "read": "1"}))
    save(client, values)
    assert Document.objects.get().text == "Miao Wei:\u3000“６.０４亿”  users\nrose.  \n"
    assert Snapshot.objects.count() == 0


def test_the_same_text_again_even_with_other_white_space_points_to_the_stored_document(client, researcher):
    values = reviewed(client.post(NEW, {"text": inputs.TRANSCRIPT, "read": "1"}))
    save(client, values)
    stored = Document.objects.get()
    for again in (inputs.TRANSCRIPT, inputs.TRANSCRIPT.replace("\n\n", "\n").replace(". ", ".\n  ")):
        response = client.post(NEW, {"text": again, "read": "1"})
        assert response.context["duplicate"] == stored
        assert f'href="{stored.get_absolute_url()}"' in response.content.decode()
        assert 'name="save"' not in response.content.decode()
    # And if it is sent to be saved anyway (two tabs), it is refused with the same pointer.
    response = save(client, values)
    assert response.status_code == 409 and response.context["duplicate"] == stored
    assert Document.objects.count() == 1


def test_a_republished_copy_is_offered_as_a_copy_of_the_earlier_document(client, researcher, site):
    site.add("/chinadaily.html", inputs.news_page())
    save(client, reviewed(client.post(NEW, {"url": site.url("/chinadaily.html"), "read": "1"})))
    original = Document.objects.get()
    # Another outlet: its own title, a credit line, no comments, the same report.
    republished = inputs.news_page(title="Internet users in China top 1 billion", comment=False).replace(
        b"<p>BEIJING", b"<p>Source: China Daily</p><p>BEIJING"
    )
    site.add("/globaltimes.html", republished)
    values = reviewed(client.post(NEW, {"url": site.url("/globaltimes.html"), "read": "1"}))
    assert values["copy_of"] == original.pk
    save(client, values, publisher="Global Times")
    copy = Document.objects.exclude(pk=original.pk).get()
    assert (copy.copy_of, copy.publisher.name) == (original, "Global Times")


@pytest.mark.parametrize(
    "data, message",
    [
        ({}, "Give one of: pasted text, a file or a URL."),
        ({"text": "   \n "}, "Paste the document’s text, or choose a file or a URL."),
        ({"text": "x", "url": "https://example.org/"}, "Give one of"),
        ({"file": ("empty.txt", b"")}, "The submitted file is empty."),
        ({"file": ("data.txt", b"\x00\x01\x02binary" * 100)}, "This is not a text file"),
        ({"file": ("locked.pdf", "encrypted")}, "This PDF is password-protected"),
        ({"file": ("big.txt", b"a" * 2000)}, "larger than the limit"),
        ({"url": "ftp://example.org/a.txt"}, "Only http and https addresses can be imported."),
        ({"url": "http://10.0.0.1/"}, "only public sites can be imported"),
        ({"url": "local:/nav-only"}, "No main text was found on this page"),
        ({"url": "local:/missing"}, "The server answered 404"),
    ],
)
def test_bad_input_gets_a_message_and_changes_nothing(client, researcher, site, settings, data, message):
    settings.IMPORT_MAX_BYTES = 1500
    site.add(
        "/nav-only", b"<html><body><nav><a href='/'>Home</a> <a href='/b'>Business</a></nav></body></html>"
    )
    post = {"read": "1"}
    for key, value in data.items():
        if key == "file":
            name, content = value
            content = inputs.encrypted_pdf(["secret"]) if content == "encrypted" else content
            post["file"] = SimpleUploadedFile(name, content)
        elif key == "url" and value.startswith("local:"):
            post["url"] = site.url(value.removeprefix("local:"))
        else:
            post[key] = value
    before = counts()
    response = client.post(NEW, post)
    assert response.status_code == 400
    assert message in response.content.decode().replace("&#x27;", "'")
    assert counts() == before


def test_an_invalid_review_changes_nothing_and_keeps_what_was_typed(client, researcher):
    values = reviewed(client.post(NEW, {"text": inputs.TRANSCRIPT, "read": "1"}))
    response = save(client, values, title="", published_on="25 Feb", url="javascript:alert(1)")
    assert response.status_code == 400
    errors = response.context["form"].errors
    assert set(errors) == {"title", "published_on", "url"}
    assert response.context["form"]["text"].value() == inputs.TRANSCRIPT
    assert counts() == (0, 0, 0, 0)


def test_a_failure_while_saving_leaves_no_half_created_document(client, researcher, monkeypatch):
    values = reviewed(client.post(NEW, {"text": inputs.TRANSCRIPT, "read": "1"}))

    def broken(*args, **kwargs):
        raise RuntimeError("the database went away")

    monkeypatch.setattr("claimtracker.corpus.services.importing.person_named", broken)
    client.raise_request_exception = False
    response = save(client, values, byline="Miao Wei", publisher="SCIO")
    assert response.status_code == 500
    assert counts() == (0, 0, 0, 0)


def test_only_those_who_may_add_documents_see_and_use_the_page(client):
    assert client.get(NEW).status_code == 302  # anonymous: to the sign-in page
    client.force_login(member("viewer"))
    assert client.get(NEW).status_code == 403
    assert client.post(NEW, {"text": inputs.TRANSCRIPT, "read": "1"}).status_code == 403
    assert 'href="/documents/new/"' not in client.get("/documents/").content.decode()
    client.force_login(member("researcher"))
    assert client.get(NEW).status_code == 200
    assert 'href="/documents/new/"' in client.get("/documents/").content.decode()


def test_snapshots_are_for_signed_in_users_only(client, researcher):
    upload = SimpleUploadedFile("notes.txt", inputs.TRANSCRIPT.encode())
    save(client, reviewed(client.post(NEW, {"file": upload, "read": "1"})))
    snapshot = Snapshot.objects.get()
    client.logout()
    assert client.get(reverse("snapshot-download", args=[snapshot.pk])).status_code == 302


def test_the_documents_admin_page_links_its_original(client, researcher, admin_client):
    upload = SimpleUploadedFile("notes.txt", inputs.TRANSCRIPT.encode())
    save(client, reviewed(client.post(NEW, {"file": upload, "read": "1"})))
    snapshot = Snapshot.objects.get()
    page = admin_client.get(reverse("admin:corpus_document_change", args=[snapshot.document_id]))
    assert (
        f'<a href="{reverse("snapshot-download", args=[snapshot.pk])}">notes.txt</a>' in page.content.decode()
    )


def test_a_transcripts_turns_are_matched_to_speakers_and_new_names_offered(client, researcher):
    miao = SpeakerFactory(name="Miao Wei")
    response = client.post(NEW, {"text": inputs.TRANSCRIPT, "read": "1"})
    assert response.context["reading"].turns == [("Miao Wei", miao.pk), ("Reuters reporter", None)]
    assert "Speaker turns: Miao Wei (recorded), Reuters reporter (new)." in response.content.decode()
    values = reviewed(response)
    assert values["new_speakers"] == ["Reuters reporter"]
    saved = save(client, {**values, "new_speakers": ["Reuters reporter"]}, kind="transcript")
    assert saved.status_code == 302, saved.content.decode()[-3000:]
    assert sorted(Speaker.objects.values_list("name", flat=True)) == ["Miao Wei", "Reuters reporter"]
    # An alias is a match: nothing new is offered.
    Document.objects.all().delete()
    Speaker.objects.get(name="Reuters reporter").delete()
    SpeakerFactory(name="Reuters").aliases.create(name="Reuters reporter")
    response = client.post(NEW, {"text": inputs.TRANSCRIPT, "read": "1"})
    assert [speaker is not None for _, speaker in response.context["reading"].turns] == [True, True]
    assert "new_speakers" not in response.context["form"].fields


def test_the_same_text_saved_by_someone_else_a_moment_before_is_a_duplicate_not_an_error(monkeypatch):
    """Two people import one page at once: both pass the duplicate check, one commits first;
    the other gets the stored document, not an IntegrityError, and nothing of theirs stays."""
    first = document_import(Document(title="First", kind="transcript", text=inputs.TRANSCRIPT))
    calls = []

    def checked_before_the_other_committed(text):
        calls.append(text)
        return first if len(calls) > 1 else None

    monkeypatch.setattr(
        "claimtracker.corpus.services.importing.duplicate_of", checked_before_the_other_committed
    )
    with pytest.raises(DuplicateDocument) as refused:
        document_import(
            Document(title="Second", kind="transcript", text=inputs.TRANSCRIPT), byline=["Miao Wei"]
        )
    assert refused.value.existing == first
    assert (Document.objects.count(), Speaker.objects.count(), len(calls)) == (1, 0, 2)
