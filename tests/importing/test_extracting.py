"""Clean text and metadata from each kind of input, and a clear refusal of bad ones."""

import datetime
import unicodedata

import pytest

from claimtracker.importing.extracting import ExtractionError, extract, normalised
from tests.importing import inputs


def test_a_news_page_keeps_the_article_and_drops_navigation_links_shares_comments_and_scripts():
    found = extract(inputs.news_page(), url="https://www.chinadaily.com.cn/a/202202/25/users.html")
    assert found.kind == "html"
    assert found.text == "\n\n".join(["China's internet users top 1 billion", *inputs.NEWS_PARAGRAPHS]) + "\n"
    for boilerplate in (
        "Business",
        "Share on",
        "Related stories",
        "Great article",
        "Copyright",
        "secret",
        "injected",
    ):
        assert boilerplate not in found.text


def test_a_news_page_gives_its_title_site_date_byline_url_and_language():
    found = extract(inputs.news_page(), url="https://www.chinadaily.com.cn/a/202202/25/users.html")
    assert (found.title, found.site, found.published_on, found.byline, found.url, found.language) == (
        "China's internet users top 1 billion",
        "China Daily",
        datetime.date(2022, 2, 25),
        ["John Smith"],
        "https://www.chinadaily.com.cn/a/202202/25/users.html",
        "en",
    )


def test_a_chinese_page_in_gb18030_labelled_gb2312_keeps_full_width_punctuation_and_quotes():
    found = extract(inputs.chinese_page(), content_type="text/html")
    assert found.text == "\n\n".join(inputs.CHINESE_PARAGRAPHS) + "\n"
    assert "，" in found.text and "“" in found.text and "%" in found.text  # not NFKC-folded
    assert (found.title, found.site, found.published_on, found.language) == (
        "我国网民规模达10.32亿",
        "新华网",
        datetime.date(2022, 2, 25),
        "zh-CN",
    )
    assert "首页" not in found.text and "版权所有" not in found.text


@pytest.mark.parametrize("encoding", ["gb18030", "big5", "utf-16", "utf-8-sig"])
def test_plain_text_in_the_encodings_researchers_meet_is_read(encoding):
    text = "國務院新聞辦公室發佈會\n\n截至2021年12月，網民規模達10.32億，互聯網普及率達73.0%。這是“十四五”的開局。\n"
    assert extract(text.encode(encoding), filename="notes.txt").text == text


def test_a_pdf_gives_its_text_layer_and_its_title_but_not_the_files_author():
    found = extract(
        inputs.pdf(
            ["The Internet in China", "Internet users reached 384 million (2009)."], title="White paper"
        )
    )
    assert (found.kind, found.title, found.byline, found.published_on) == ("pdf", "White paper", [], None)
    assert found.text == "The Internet in China\nInternet users reached 384 million (2009).\n"


def test_a_docx_gives_its_paragraphs_and_title():
    found = extract(
        inputs.docx(["Remarks by the Minister", "We will open wider."], title="Remarks"), filename="r.docx"
    )
    assert (found.kind, found.title, found.byline, found.text) == (
        "docx",
        "Remarks",
        [],
        "Remarks by the Minister\n\nWe will open wider.\n",
    )


def test_text_is_normalised_to_nfc_and_lf_and_nothing_else():
    decomposed = "Cafe\u0301 users:\r\n\u3000“６.０４亿”  rose\r\rend"
    text = normalised(decomposed)
    assert text == "Caf\u00e9 users:\n\u3000“６.０４亿”  rose\n\nend\n"
    assert text == unicodedata.normalize("NFC", text) != unicodedata.normalize("NFKC", text)


@pytest.mark.parametrize(
    "content, name, message",
    [
        (b"", "empty.txt", "The file is empty."),
        (b"   \n\t ", "blank.txt", "The file is empty."),
        (b"\x00\x01\x02\x03binary\x00\x00" * 50, "data.txt", "This is not a text file"),
        (b"%PDF-1.4\nthis is not really a pdf", "broken.pdf", "This PDF could not be read"),
        (b"PK\x03\x04 not a real archive", "broken.docx", "This is not a Word document"),
        (b"just text", "named.docx", "This file is named .docx but is not a Word document."),
        (
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600,
            "locked.docx",
            "password-protected Office file",
        ),
        (inputs.pdf([]), "scan.pdf", "This PDF has no text layer"),
        (
            b"<html><body><nav><a href='/'>Home</a></nav><script>var a = 1;</script></body></html>",
            "x.html",
            "No main text",
        ),
    ],
)
def test_bad_input_gets_a_clear_message(content, name, message):
    with pytest.raises(ExtractionError) as refused:
        extract(content, filename=name)
    assert message in str(refused.value)


def test_a_password_protected_pdf_is_refused_with_a_message():
    with pytest.raises(ExtractionError, match="This PDF is password-protected"):
        extract(inputs.encrypted_pdf(["Confidential figures"]), filename="locked.pdf")
