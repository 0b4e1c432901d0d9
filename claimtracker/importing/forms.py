"""The two steps of "New document": what to read (pasted text, a file or a URL), then the
document to review — its text and the metadata found, each correctable — before saving."""

from django import forms

from claimtracker.corpus.models import Document

from . import sources


class ReadForm(forms.Form):
    text = forms.CharField(
        label="Paste the text", required=False, strip=False, widget=forms.Textarea(attrs={"rows": 8})
    )
    file = forms.FileField(
        label="or upload a file",
        required=False,
        help_text=".txt (any encoding), .html, .pdf or .docx",
        widget=forms.ClearableFileInput(attrs={"accept": ".txt,.text,.html,.htm,.pdf,.docx"}),
    )
    url = forms.CharField(
        label="or fetch a web page", required=False, max_length=1000, help_text="An http or https address."
    )

    def clean(self):
        given = [name for name in ("text", "file", "url") if self.cleaned_data.get(name)]
        if len(given) != 1:
            raise forms.ValidationError("Give one of: pasted text, a file or a URL.")
        return self.cleaned_data

    def read(self):
        """The Reading of what was given; ExtractionError says why there is none."""
        if self.cleaned_data.get("file"):
            return sources.read_upload(self.cleaned_data["file"])
        if self.cleaned_data.get("url"):
            return sources.read_url(self.cleaned_data["url"])
        return sources.read_paste(self.cleaned_data["text"])


class ReviewForm(forms.Form):
    token = forms.CharField(widget=forms.HiddenInput, required=False)
    title = forms.CharField(max_length=500)
    title_is_description = forms.BooleanField(
        label="The title is a description written by us, not the document's own", required=False
    )
    kind = forms.ChoiceField(choices=Document.Kind.choices)
    publisher = forms.CharField(
        label="Publisher or site", max_length=300, required=False, help_text="Created if new."
    )
    published_on = forms.DateField(label="Published on", required=False, help_text="YYYY-MM-DD")
    byline = forms.CharField(
        label="Byline",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="One author per line, in the byline's order; matched to speakers by name or alias.",
    )
    url = forms.URLField(label="URL", max_length=1000, required=False, assume_scheme="https")
    language = forms.CharField(max_length=20, initial="en", help_text="BCP 47, e.g. en, zh-Hans")
    copy_of = forms.TypedChoiceField(label="A copy of", coerce=int, required=False, empty_value=None)
    new_speakers = forms.MultipleChoiceField(
        label="Speakers to record",
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Names the transcript's turns give that are no recorded speaker or alias: "
        "ticked ones are recorded as speakers with the document.",
    )
    text = forms.CharField(
        strip=False,
        widget=forms.Textarea(attrs={"rows": 20}),
        help_text="Stored exactly as here: claims are anchored to it. "
        "Correct it now, before any claim is made.",
    )

    def __init__(self, *args, near=(), unmatched=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["new_speakers"].choices = [(name, name) for name in unmatched]
        if not unmatched:
            del self.fields["new_speakers"]
        self.fields["copy_of"].choices = [("", "Not a copy of a stored document")] + [
            (document.pk, f"#{document.pk} {document.title} ({share:.0%} alike)") for document, share in near
        ]

    def byline_names(self):
        return [line.strip() for line in self.cleaned_data["byline"].splitlines() if line.strip()]


def review_initial(reading, token):
    extracted = reading.extracted
    return {
        "token": token,
        "title": extracted.title or sources.first_words(extracted.text),
        "kind": sources.DEFAULT_KIND,
        "publisher": extracted.site,
        "published_on": extracted.published_on,
        "byline": "\n".join(extracted.byline),
        "url": extracted.url,
        "language": extracted.language or "en",
        "copy_of": reading.near[0][0].pk if reading.near else None,
        "new_speakers": [name for name, speaker in reading.turns if speaker is None],
        "text": extracted.text,
    }
