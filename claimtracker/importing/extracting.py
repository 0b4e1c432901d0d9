"""The text and citation metadata of an imported file: web pages by trafilatura (with
htmldate), PDF by pypdf, .docx by python-docx, plain text in any encoding by
charset-normalizer (GB18030 and Big5 included). Pure functions of the bytes: no Django.

The text is normalised once, here, before it is stored: Unicode NFC and line endings,
nothing else. Never NFKC, never collapsed whitespace: they would rewrite Chinese
full-width punctuation and quotes, and claims are anchored to the characters.
Metadata is what the file shows; nothing is invented.
"""

import datetime
import io
import re
import unicodedata
import zipfile
from dataclasses import dataclass, field

EXTENSIONS = {
    ".html": "html",
    ".htm": "html",
    ".pdf": "pdf",
    ".docx": "docx",
    ".txt": "text",
    ".text": "text",
}
OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # old Office files, and every encrypted .docx
# Control characters other than tab, line feed, form feed and carriage return: binary data.
CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


class ExtractionError(ValueError):
    """The file cannot become a document; the message says why, for the user."""


@dataclass
class Extracted:
    text: str
    kind: str  # html, pdf, docx or text: what the file was
    title: str = ""
    site: str = ""  # the publisher or site name, as the page gives it
    published_on: datetime.date | None = None
    byline: list[str] = field(default_factory=list)  # authors' names as written
    url: str = ""
    language: str = ""
    found: list[str] = field(default_factory=list)  # where each piece of metadata was read


def normalised(text):
    """NFC, LF line endings, no trailing blank lines; every other character kept."""
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    return text.strip("\n") + "\n" if text.strip() else ""


def file_kind(content, filename="", content_type=""):
    """What the bytes are, by their signature first, then by the name and declared type."""
    head = content[:1024].lstrip()
    if content.startswith(b"%PDF-"):
        return "pdf"
    if content.startswith(b"PK\x03\x04"):
        return "docx"
    if content.startswith(OLE):
        raise ExtractionError(
            "This is a password-protected Office file or an old .doc: remove the password, or save it "
            "as .docx, and import it again."
        )
    extension = "." + filename.rsplit(".", 1)[-1].lower() if "." in filename else ""
    if extension in EXTENSIONS and EXTENSIONS[extension] in ("pdf", "docx"):
        return EXTENSIONS[extension]  # named so, but its bytes say otherwise: read_* will refuse it
    if (
        "html" in content_type
        or extension in (".html", ".htm")
        or re.match(rb"(?i)<(!doctype html|html)", head)
    ):
        return "html"
    return "text"


def extract(content, *, filename="", content_type="", url=""):
    """The document in `content` (bytes), or ExtractionError saying why there is none."""
    if not content or not content.strip():
        raise ExtractionError("The file is empty.")
    kind = file_kind(content, filename, content_type.lower())
    reader = {"html": read_html, "pdf": read_pdf, "docx": read_docx, "text": read_text}[kind]
    extracted = reader(content, url=url, content_type=content_type)
    extracted.text = normalised(extracted.text)
    if not extracted.text.strip():
        raise ExtractionError(NO_TEXT[kind])
    extracted.title = " ".join(extracted.title.split())[:500]
    extracted.url = extracted.url or url
    return extracted


NO_TEXT = {
    "html": "No main text was found on this page (it may be built by JavaScript, or be only links).",
    "pdf": "This PDF has no text layer (a scan?): there is nothing to anchor claims to.",
    "docx": "This document has no text.",
    "text": "The file has no text.",
}


# Plain text ------------------------------------------------------------------------------------


def decoded(content, declared=""):
    """The bytes as text: UTF-8 (with or without BOM) when they are, else the declared
    charset when it decodes, else charset-normalizer's best guess."""
    if content.startswith(b"\xef\xbb\xbf"):
        content = content[3:]
    for encoding in ("utf-8", declared):
        if encoding:
            try:
                return content.decode(encoding)
            except (UnicodeDecodeError, LookupError):
                pass
    from charset_normalizer import from_bytes

    best = from_bytes(content).best()
    if best is None:
        raise ExtractionError("The text's encoding could not be recognised: save it as UTF-8 and try again.")
    return str(best)


def read_text(content, *, url="", content_type=""):
    if b"\x00" in content[:8192] and not content.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ExtractionError(
            "This is not a text file (it holds binary data). Import .txt, .html, .pdf or .docx."
        )
    text = decoded(content, charset_of(content_type))
    if len(CONTROL.findall(text[:8192])) > 8:
        raise ExtractionError(
            "This is not a text file (it holds binary data). Import .txt, .html, .pdf or .docx."
        )
    lines = text.strip().split("\n", 1)
    title = lines[0].strip() if len(lines) > 1 and len(lines[0]) <= 200 else ""
    return Extracted(
        text=CONTROL.sub("", text), kind="text", title=title, found=["title: the first line"] if title else []
    )


def charset_of(content_type):
    match = re.search(r"charset=[\"']?([\w.:-]+)", content_type or "", re.IGNORECASE)
    return match.group(1) if match else ""


# Web pages -------------------------------------------------------------------------------------

MIN_PAGE_WORDS = 8
WORD = re.compile(
    r"[\u3400-\u4dbf\u4e00-\u9fff]|[^\W\u3400-\u4dbf\u4e00-\u9fff]+"
)  # a Han character counts as a word
META_CHARSET = re.compile(rb"""<meta[^>]+charset=["']?([\w.:-]+)""", re.IGNORECASE)


def read_html(content, *, url="", content_type=""):
    import trafilatura

    declared = charset_of(content_type)
    if not declared:
        match = META_CHARSET.search(content[:4096])
        declared = match.group(1).decode("ascii") if match else ""
    if declared.lower() in ("gb2312", "gbk"):
        declared = "gb18030"  # its superset: pages labelled GB2312 often hold GBK characters
    page = decoded(content, declared)
    found = trafilatura.bare_extraction(
        page,
        url=url or None,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        include_links=False,
        include_images=False,
        deduplicate=False,
        output_format="python",
    )
    # On a page of links only, trafilatura falls back to their words ("Home"): a page whose
    # main text is not even a sentence long has none.
    if found is None or len(WORD.findall(found.text or "")) < MIN_PAGE_WORDS:
        raise ExtractionError(NO_TEXT["html"])
    return Extracted(
        text=paragraphs(found.text),
        kind="html",
        title=found.title or "",
        site=found.sitename or "",
        published_on=iso_date(found.date),
        byline=names(found.author),
        url=found.url or url,
        language=found.language or page_language(page),
        found=[
            f"{name}: the page's metadata"
            for name, value in (
                ("title", found.title),
                ("site", found.sitename),
                ("date", found.date),
                ("byline", found.author),
            )
            if value
        ],
    )


HTML_LANG = re.compile(r"""<html[^>]*?\blang=["']?([A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*)""", re.IGNORECASE)


def page_language(page):
    match = HTML_LANG.search(page[:4096])
    return match.group(1) if match else ""


def paragraphs(text):
    """trafilatura ends each paragraph with one line break; the stored text, like the seed's,
    separates paragraphs by a blank line."""
    return "\n\n".join(line.strip() for line in text.split("\n") if line.strip())


def names(author):
    """trafilatura joins several authors with "; "."""
    return [name.strip() for name in (author or "").split(";") if name.strip()]


def iso_date(value):
    try:
        return datetime.date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


# PDF -------------------------------------------------------------------------------------------


def read_pdf(content, *, url="", content_type=""):
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(content))
        if reader.is_encrypted and not reader.decrypt(""):
            raise ExtractionError("This PDF is password-protected: remove the password and import it again.")
        pages = [page.extract_text() or "" for page in reader.pages]
        info = reader.metadata or {}
    except ExtractionError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as error:
        raise ExtractionError(f"This PDF could not be read ({error}).") from error
    except Exception as error:  # pypdf raises many kinds on damaged files
        if "password" in str(error).lower() or "decrypt" in str(error).lower():
            raise ExtractionError(
                "This PDF is password-protected: remove the password and import it again."
            ) from error
        raise ExtractionError(f"This PDF could not be read ({type(error).__name__}).") from error
    # Only the title: a file's author and creation date are the software's user and the day
    # the file was made, not the byline and the publication date.
    title = str(info.get("/Title") or "")
    return Extracted(
        text="\n\n".join(page.strip() for page in pages if page.strip()),
        kind="pdf",
        title=title,
        found=["title: the PDF's properties"] if title else [],
    )


# Word ------------------------------------------------------------------------------------------


def read_docx(content, *, url="", content_type=""):
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(io.BytesIO(content))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as error:
        if content.startswith(b"PK\x03\x04"):
            raise ExtractionError("This is not a Word document (.docx) that can be read.") from error
        raise ExtractionError("This file is named .docx but is not a Word document.") from error
    title = document.core_properties.title or ""  # only the title, as for PDF
    text = "\n\n".join(paragraph.text.strip() for paragraph in document.paragraphs if paragraph.text.strip())
    return Extracted(
        text=text, kind="docx", title=title, found=["title: the document's properties"] if title else []
    )
