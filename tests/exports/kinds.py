"""One document of every kind the citation rules tell apart, each with one claim: the
golden tests render them in every format (DESIGN §5)."""

import datetime

from claimtracker.corpus.models import Byline, Organisation, Publisher, Speaker
from tests.factories import ClaimFactory, DocumentFactory

KINDS = [
    "unsigned",
    "western",
    "chinese",
    "white_paper",
    "transcript",
    "speech",
    "republished",
    "undated",
    "description",
]


def person(name, family, given, order):
    return Speaker.objects.create(name=name, family_name=family, given_name=given, name_order=order)


def documents():
    """{kind: document}, each as a researcher would record it from its page."""
    china_daily = Publisher.objects.create(name="China Daily")
    made = {
        "unsigned": DocumentFactory(
            kind="news_report",
            title="China vows to strengthen cybersecurity",
            publisher=china_daily,
            url="https://www.chinadaily.com.cn/a/202208/19/WS62ff.html",
            published_on=datetime.date(2022, 8, 19),
            accessed_on=datetime.date(2022, 8, 21),
            text="China vows to strengthen cybersecurity. "
            "The number of internet users rose to 1.03 billion last year.",
        ),
        "western": DocumentFactory(
            kind="news_report",
            title="Beijing tightens rules on data leaving China",
            publisher=Publisher.objects.create(name="The Guardian"),
            url="https://www.theguardian.com/world/2022/jul/07/beijing-data",
            published_on=datetime.date(2022, 7, 7),
            text="Beijing tightens rules on data leaving China. Companies must pass a security review.",
        ),
        "chinese": DocumentFactory(
            kind="news_report",
            title="Cyberspace regulator issues rules on apps",
            publisher=china_daily,
            url="https://www.chinadaily.com.cn/a/202206/14/WS62a8.html",
            published_on=datetime.date(2022, 6, 14),
            text="Cyberspace regulator issues rules on apps. App stores must verify developers.",
        ),
        "white_paper": DocumentFactory(
            kind="white_paper",
            title="Full Text: The Internet in China",
            publisher=Publisher.objects.create(name="Beijing Review"),
            issuer=Organisation.objects.create(name="Information Office of the State Council"),
            url="http://www.bjreview.com.cn/Cover_Stories_Series_2010/2010-06/09/content_272010.htm",
            published_on=datetime.date(2010, 6, 9),
            text="VI. Active International Exchanges and Cooperation. "
            "China maintains that all countries should cooperate.",
        ),
        "transcript": DocumentFactory(
            kind="transcript",
            title="SCIO briefing on China's industrial and communications development",
            publisher=Publisher.objects.create(name="China.org.cn"),
            url="http://www.china.org.cn/china/2019-09/23/content_75231224.htm",
            published_on=datetime.date(2019, 9, 23),
            text="Miao Wei: The relevant regulations will not affect foreign companies.",
        ),
    }
    xinhua = Publisher.objects.create(name="Xinhua")
    made["speech"] = DocumentFactory(
        kind="speech",
        title="Remarks at the opening ceremony of the Second World Internet Conference",
        publisher=xinhua,
        speaker=person("Xi Jinping", "Xi", "Jinping", Speaker.NameOrder.FAMILY_FIRST),
        delivered_on=datetime.date(2015, 12, 16),
        published_on=datetime.date(2015, 12, 16),
        url="http://www.xinhuanet.com/english/2015-12/16/c_134923854.htm",
        text="Cyberspace is the common space of activities for mankind. "
        "There is no security without cybersecurity.",
    )
    made["republished"] = DocumentFactory(
        kind="news_report",
        title="“Version 2.0” of China's Internet governance",
        publisher=Publisher.objects.create(name="Equipo Nizkor"),
        republished_from=xinhua,
        url="http://www.derechos.org/nizkor/china/doc/internet2.html",
        published_on=datetime.date(2015, 12, 16),
        text="Boasting 668 million Internet users, China is the largest online community.",
    )
    made["undated"] = DocumentFactory(
        kind="statement",
        title="Statement on the protection of personal information",
        publisher=None,
        published_on=None,
        text="Personal information shall be protected by law.",
    )
    made["description"] = DocumentFactory(
        kind="transcript",
        title="[CCTV News: press conference on “China’s Decade”, building a strong Internet nation]",
        title_is_description=True,
        publisher=Publisher.objects.create(name="CCTV News"),
        published_on=datetime.date(2022, 8, 20),
        text="Niu Yibing: Internet users in China reached 1.051 billion.",
    )
    Byline.objects.create(
        document=made["western"],
        person=person("John Smith", "Smith", "John", Speaker.NameOrder.GIVEN_FIRST),
        position=1,
    )
    Byline.objects.create(
        document=made["chinese"],
        person=person("Cao Yin", "Cao", "Yin", Speaker.NameOrder.FAMILY_FIRST),
        position=1,
    )
    return made


def claims():
    """{kind: the one claim of its document}: the last sentence (or the answer) of its text."""
    found = {}
    for kind, document in documents().items():
        sentences = document.text.split(". ") if ". " in document.text else document.text.split(": ")
        found[kind] = ClaimFactory(document=document, quote_text=sentences[-1].rstrip("."), speaker=None)
    return found
