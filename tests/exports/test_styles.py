"""APA 7, Chicago (notes-bibliography and author-date) and MLA 9, rendered by
pandoc's citeproc from the official CSL styles, for three seed claims.

Reviewed against the guides: a work whose publisher would be its author
begins with its title (APA 9.12, MLA 2.1.3); Chicago names an unsigned news
report's outlet as its author in the bibliography (CMOS 14.207); MLA
abbreviates months ("23 Sept. 2019"); APA gives a description in brackets
([Transcript]). A Chinese name is family name first: Chicago and MLA never
invert it ("Niu Yibing"), APA gives the initial ("Niu, Y.")."""

import pytest

from claimtracker.corpus.models import Claim
from claimtracker.exports.formats import export
from tests.factories import ClaimFactory, DocumentFactory, SpeakerFactory

pytestmark = pytest.mark.django_db

SCIO = "The relevant regulations will not affect"
WHITE_PAPER = "China supports the establishment"
NIZKOR = "Boasting 668 million Internet users"

EXPECTED = {
    "apa": [
        "SCIO briefing on China’s industrial and communications development. (2019, September 23). "
        "[Transcript]. China.org.cn.",
        "Full Text: The Internet in China. (2010). Beijing Review.",
        "“Version 2.0” of China’s Internet governance. (2015, December 16). Equipo Nizkor.",
    ],
    "chicago-note": [
        "Note: “SCIO Briefing on China’s Industrial and Communications Development,” Transcript, "
        "China.org.cn, September 23, 2019.\nBibliography: “SCIO Briefing on China’s Industrial and "
        "Communications Development.” Transcript. China.org.cn, September 23, 2019.",
        "Note: Full Text: The Internet in China (Beijing Review, 2010).\n"
        "Bibliography: Full Text: The Internet in China. Beijing Review, 2010.",
        "Note: “‘Version 2.0’ of China’s Internet Governance,” Equipo Nizkor, December 16, 2015.\n"
        "Bibliography: Equipo Nizkor. “‘Version 2.0’ of China’s Internet Governance.” December 16, 2015.",
    ],
    "chicago-author-date": [
        "“SCIO Briefing on China’s Industrial and Communications Development.” 2019. Transcript. "
        "China.org.cn, September 23.",
        "Full Text: The Internet in China. 2010. Beijing Review.",
        "Equipo Nizkor. 2015. “‘Version 2.0’ of China’s Internet Governance.” December 16.",
    ],
    "mla": [
        "“SCIO Briefing on China’s Industrial and Communications Development.” Transcript. China.org.cn, "
        "23 Sept. 2019.",
        "Full Text: The Internet in China. Beijing Review, 9 June 2010.",
        "“‘Version 2.0’ of China’s Internet Governance.” Equipo Nizkor, 16 Dec. 2015.",
    ],
}


def rendered(claim, style):
    return b"".join(
        export(Claim.objects.filter(pk=claim.pk), style, "https://claims.example.org")[0]
    ).decode()


@pytest.mark.parametrize("style", list(EXPECTED))
def test_three_seed_claims_in_each_style(seed, style):
    claims = [
        Claim.objects.get(quote__startswith=SCIO),
        Claim.objects.get(quote__startswith=WHITE_PAPER),
        Claim.objects.get(quote=NIZKOR),
    ]
    for claim, citation in zip(claims, EXPECTED[style], strict=True):
        text = rendered(claim, style)
        assert text.startswith(citation + "\n"), text
        assert f"“{claim.quote}”" in text and f"https://claims.example.org/claims/{claim.pk}/" in text


def test_a_chinese_speakers_name_in_each_style():
    speech = DocumentFactory(kind="speech", title="Speech at the Forum", publisher=None)
    niu = SpeakerFactory(name="Niu Yibing", family_name="Niu", given_name="Yibing")
    claim = ClaimFactory(document=speech, speaker=niu, quote_text="Document")
    assert rendered(claim, "apa").startswith("Niu, Y. (2022, August 20). Speech at the Forum")
    assert rendered(claim, "chicago-note").startswith("Note: Niu Yibing, “Speech at the Forum,”")
    assert rendered(claim, "mla").startswith("Niu Yibing. “Speech at the Forum.”")


def test_many_claims_of_one_document_are_one_work_not_2019a_2019b(seed):
    claims = Claim.objects.filter(document__title__startswith="SCIO briefing")
    text = b"".join(export(claims, "apa", "https://x.org")[0]).decode()
    assert "2019a" not in text and text.count("(2019, September 23)") == claims.count()
