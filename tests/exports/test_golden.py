"""Golden citations: one document of every kind (tests/exports/kinds.py) in APA 7,
Chicago 18 (notes and bibliography; author-date), MLA 9, BibTeX, RIS and CSL-JSON,
each compared whole. Each expected text was checked against the manuals' rules,
cited in the comment above each kind; titles keep the case the researcher gave them
(the styles' title casing applies in Chicago and MLA only, as they prescribe). Each
reference is followed by its claim's note (DESIGN §5).

{claim} and {doc} stand for the claim's and the document's ids."""

import html
import json
from dataclasses import dataclass
from pathlib import Path

import bibtexparser
import jsonschema
import pytest
import rispy

from claimtracker.corpus.models import Claim
from claimtracker.exports.formats import export
from tests.exports.kinds import KINDS, claims

pytestmark = pytest.mark.django_db

BASE = "https://claims.example.org"
CSL_SCHEMA = json.loads((Path(__file__).parent / "schemas" / "csl-data.json").read_text(encoding="utf-8"))
STYLES = ["apa", "chicago-note", "chicago-author-date", "mla"]


@dataclass(frozen=True)
class Golden:
    note: str
    apa: str
    chicago_note: str
    chicago_author_date: str
    mla: str
    mla_html: str
    bibtex: str
    ris: str
    csljson: dict


GOLDEN = {
    # Unsigned news on the web. APA 7 §9.12: no author, the title moves to the author's place;
    # §10.1 ex. 16: the newspaper in italics, then the URL. CMOS 17 14.207 (kept in CMOS 18's
    # chapter on news): a bibliography entry for an unsigned article puts the newspaper in the
    # author's place; a note begins with the title. MLA 9 §5.4: no author, the entry begins
    # with the title; dates day month year with abbreviated months (§5.76, §9.?).
    "unsigned": Golden(
        note="“The number of internet users rose to 1.03 billion last year.” — claim: https://claims.example.org/claims/{claim}/ — at the quote: https://www.chinadaily.com.cn/a/202208/19/WS62ff.html#:~:text=The%20number%20of%20internet%20users,to%201.03%20billion%20last%20year",
        apa="China vows to strengthen cybersecurity. (2022, August 19). China Daily. https://www.chinadaily.com.cn/a/202208/19/WS62ff.html",
        chicago_note="Note: “China Vows to Strengthen Cybersecurity,” China Daily, August 19, 2022, https://www.chinadaily.com.cn/a/202208/19/WS62ff.html.\nBibliography: China Daily. “China Vows to Strengthen Cybersecurity.” August 19, 2022. https://www.chinadaily.com.cn/a/202208/19/WS62ff.html.",
        chicago_author_date="China Daily. 2022. “China Vows to Strengthen Cybersecurity.” August 19. https://www.chinadaily.com.cn/a/202208/19/WS62ff.html.",
        mla="“China Vows to Strengthen Cybersecurity.” China Daily, 19 Aug. 2022, https://www.chinadaily.com.cn/a/202208/19/WS62ff.html.",
        mla_html='“China Vows to Strengthen Cybersecurity.” <i>China Daily</i>, 19 Aug. 2022, <a href="https://www.chinadaily.com.cn/a/202208/19/WS62ff.html">https://www.chinadaily.com.cn/a/202208/19/WS62ff.html</a>.',
        bibtex=r"""@article{doc{doc},
  ids = {claim{claim}},
  title = {China vows to strengthen cybersecurity},
  date = {2022-08-19},
  url = {https://www.chinadaily.com.cn/a/202208/19/WS62ff.html},
  urldate = {2022-08-21},
  langid = {english},
  entrysubtype = {newspaper},
  annotation = {“The number of internet users rose to 1.03 billion last year.” — claim: https://claims.example.org/claims/{claim}/ — at the quote: https://www.chinadaily.com.cn/a/202208/19/WS62ff.html\#:\textasciitilde{}:text=The\%20number\%20of\%20internet\%20users,to\%201.03\%20billion\%20last\%20year},
  journaltitle = {China Daily}
}""",
        ris="""TY  - NEWS
TI  - China vows to strengthen cybersecurity
T2  - China Daily
PY  - 2022
DA  - 2022/08/19
UR  - https://www.chinadaily.com.cn/a/202208/19/WS62ff.html
Y2  - 2022/08/21
LA  - en
N1  - “The number of internet users rose to 1.03 billion last year.” — claim: https://claims.example.org/claims/{claim}/ — at the quote: https://www.chinadaily.com.cn/a/202208/19/WS62ff.html#:~:text=The%20number%20of%20internet%20users,to%201.03%20billion%20last%20year
ID  - doc{doc}
ER  - """,
        csljson={
            "id": "doc{doc}",
            "type": "article-newspaper",
            "title": "China vows to strengthen cybersecurity",
            "language": "en",
            "container-title": "China Daily",
            "issued": {"date-parts": [[2022, 8, 19]]},
            "accessed": {"date-parts": [[2022, 8, 21]]},
            "URL": "https://www.chinadaily.com.cn/a/202208/19/WS62ff.html",
            "note": "“The number of internet users rose to 1.03 billion last year.” — claim: https://claims.example.org/claims/{claim}/ — at the quote: https://www.chinadaily.com.cn/a/202208/19/WS62ff.html#:~:text=The%20number%20of%20internet%20users,to%201.03%20billion%20last%20year",
        },
    ),
    # Signed news, a Western name. APA 7 §9.8: surname and initials ("Smith, J."). CMOS 18:
    # the note gives the name as written, the bibliography inverts the first author's.
    # MLA 9 §5.6: the first author inverted, in full ("Smith, John").
    "western": Golden(
        note="“Companies must pass a security review.” — claim: https://claims.example.org/claims/{claim}/ — at the quote: https://www.theguardian.com/world/2022/jul/07/beijing-data#:~:text=Companies%20must%20pass%20a%20security%20review",
        apa="Smith, J. (2022, July 7). Beijing tightens rules on data leaving China. The Guardian. https://www.theguardian.com/world/2022/jul/07/beijing-data",
        chicago_note="Note: John Smith, “Beijing Tightens Rules on Data Leaving China,” The Guardian, July 7, 2022, https://www.theguardian.com/world/2022/jul/07/beijing-data.\nBibliography: Smith, John. “Beijing Tightens Rules on Data Leaving China.” The Guardian, July 7, 2022. https://www.theguardian.com/world/2022/jul/07/beijing-data.",
        chicago_author_date="Smith, John. 2022. “Beijing Tightens Rules on Data Leaving China.” The Guardian, July 7. https://www.theguardian.com/world/2022/jul/07/beijing-data.",
        mla="Smith, John. “Beijing Tightens Rules on Data Leaving China.” The Guardian, 7 July 2022, https://www.theguardian.com/world/2022/jul/07/beijing-data.",
        mla_html='Smith, John. “Beijing Tightens Rules on Data Leaving China.” <i>The Guardian</i>, 7 July 2022, <a href="https://www.theguardian.com/world/2022/jul/07/beijing-data">https://www.theguardian.com/world/2022/jul/07/beijing-data</a>.',
        bibtex=r"""@article{doc{doc},
  ids = {claim{claim}},
  author = {Smith, John},
  title = {Beijing tightens rules on data leaving {China}},
  date = {2022-07-07},
  url = {https://www.theguardian.com/world/2022/jul/07/beijing-data},
  langid = {english},
  entrysubtype = {newspaper},
  annotation = {“Companies must pass a security review.” — claim: https://claims.example.org/claims/{claim}/ — at the quote: https://www.theguardian.com/world/2022/jul/07/beijing-data\#:\textasciitilde{}:text=Companies\%20must\%20pass\%20a\%20security\%20review},
  journaltitle = {The Guardian}
}""",
        ris="""TY  - NEWS
AU  - Smith, John
TI  - Beijing tightens rules on data leaving China
T2  - The Guardian
PY  - 2022
DA  - 2022/07/07
UR  - https://www.theguardian.com/world/2022/jul/07/beijing-data
LA  - en
N1  - “Companies must pass a security review.” — claim: https://claims.example.org/claims/{claim}/ — at the quote: https://www.theguardian.com/world/2022/jul/07/beijing-data#:~:text=Companies%20must%20pass%20a%20security%20review
ID  - doc{doc}
ER  - """,
        csljson={
            "id": "doc{doc}",
            "type": "article-newspaper",
            "title": "Beijing tightens rules on data leaving China",
            "language": "en",
            "author": [{"family": "Smith", "given": "John"}],
            "container-title": "The Guardian",
            "issued": {"date-parts": [[2022, 7, 7]]},
            "URL": "https://www.theguardian.com/world/2022/jul/07/beijing-data",
            "note": "“Companies must pass a security review.” — claim: https://claims.example.org/claims/{claim}/ — at the quote: https://www.theguardian.com/world/2022/jul/07/beijing-data#:~:text=Companies%20must%20pass%20a%20security%20review",
        },
    ),
    # Signed news, a Chinese name (family name first). APA 7 §9.8: surname, then initial
    # ("Cao, Y."). CMOS 18 (names in Chinese, as CMOS 17 8.14 and 15.12): the name is never
    # inverted and takes no comma ("Cao Yin"). MLA 9 §5.6: names in which the surname comes
    # first are given as written ("Cao Yin").
    "chinese": Golden(
        note="“App stores must verify developers.” — claim: https://claims.example.org/claims/{claim}/ — at the quote: https://www.chinadaily.com.cn/a/202206/14/WS62a8.html#:~:text=App%20stores%20must%20verify%20developers",
        apa="Cao, Y. (2022, June 14). Cyberspace regulator issues rules on apps. China Daily. https://www.chinadaily.com.cn/a/202206/14/WS62a8.html",
        chicago_note="Note: Cao Yin, “Cyberspace Regulator Issues Rules on Apps,” China Daily, June 14, 2022, https://www.chinadaily.com.cn/a/202206/14/WS62a8.html.\nBibliography: Cao Yin. “Cyberspace Regulator Issues Rules on Apps.” China Daily, June 14, 2022. https://www.chinadaily.com.cn/a/202206/14/WS62a8.html.",
        chicago_author_date="Cao Yin. 2022. “Cyberspace Regulator Issues Rules on Apps.” China Daily, June 14. https://www.chinadaily.com.cn/a/202206/14/WS62a8.html.",
        mla="Cao Yin. “Cyberspace Regulator Issues Rules on Apps.” China Daily, 14 June 2022, https://www.chinadaily.com.cn/a/202206/14/WS62a8.html.",
        mla_html='Cao Yin. “Cyberspace Regulator Issues Rules on Apps.” <i>China Daily</i>, 14 June 2022, <a href="https://www.chinadaily.com.cn/a/202206/14/WS62a8.html">https://www.chinadaily.com.cn/a/202206/14/WS62a8.html</a>.',
        bibtex=r"""@article{doc{doc},
  ids = {claim{claim}},
  author = {Cao, Yin},
  title = {Cyberspace regulator issues rules on apps},
  date = {2022-06-14},
  url = {https://www.chinadaily.com.cn/a/202206/14/WS62a8.html},
  langid = {english},
  entrysubtype = {newspaper},
  annotation = {“App stores must verify developers.” — claim: https://claims.example.org/claims/{claim}/ — at the quote: https://www.chinadaily.com.cn/a/202206/14/WS62a8.html\#:\textasciitilde{}:text=App\%20stores\%20must\%20verify\%20developers},
  journaltitle = {China Daily}
}""",
        ris="""TY  - NEWS
AU  - Cao, Yin
TI  - Cyberspace regulator issues rules on apps
T2  - China Daily
PY  - 2022
DA  - 2022/06/14
UR  - https://www.chinadaily.com.cn/a/202206/14/WS62a8.html
LA  - en
N1  - “App stores must verify developers.” — claim: https://claims.example.org/claims/{claim}/ — at the quote: https://www.chinadaily.com.cn/a/202206/14/WS62a8.html#:~:text=App%20stores%20must%20verify%20developers
ID  - doc{doc}
ER  - """,
        csljson={
            "id": "doc{doc}",
            "type": "article-newspaper",
            "title": "Cyberspace regulator issues rules on apps",
            "language": "en",
            "author": [{"family": "Cao", "given": "Yin", "static-ordering": True}],
            "container-title": "China Daily",
            "issued": {"date-parts": [[2022, 6, 14]]},
            "URL": "https://www.chinadaily.com.cn/a/202206/14/WS62a8.html",
            "note": "“App stores must verify developers.” — claim: https://claims.example.org/claims/{claim}/ — at the quote: https://www.chinadaily.com.cn/a/202206/14/WS62a8.html#:~:text=App%20stores%20must%20verify%20developers",
        },
    ),
    # A government white paper. APA 7 §9.11 and §10.4 ex. 50: the issuing body as group
    # author, the title in italics with the description in brackets (§9.21), the outlet as
    # publisher. CMOS 18 (reports; CMOS 17 14.232): organisation as author, the title in
    # italics, the outlet as publisher. MLA 9 §5.16: a work by an organisation that is not its
    # publisher lists the organisation as author; the outlet is the container.
    "white_paper": Golden(
        note="“China maintains that all countries should cooperate.” — claim: https://claims.example.org/claims/{claim}/ — at the quote: http://www.bjreview.com.cn/Cover_Stories_Series_2010/2010-06/09/content_272010.htm#:~:text=China%20maintains%20that%20all%20countries%20should%20cooperate",
        apa="Information Office of the State Council. (2010). Full Text: The Internet in China [White paper]. Beijing Review. http://www.bjreview.com.cn/Cover_Stories_Series_2010/2010-06/09/content_272010.htm",
        chicago_note="Note: Information Office of the State Council, Full Text: The Internet in China, White paper (Beijing Review, 2010), http://www.bjreview.com.cn/Cover_Stories_Series_2010/2010-06/09/content_272010.htm.\nBibliography: Information Office of the State Council. Full Text: The Internet in China. White paper. Beijing Review, 2010. http://www.bjreview.com.cn/Cover_Stories_Series_2010/2010-06/09/content_272010.htm.",
        chicago_author_date="Information Office of the State Council. 2010. Full Text: The Internet in China. White paper. Beijing Review. http://www.bjreview.com.cn/Cover_Stories_Series_2010/2010-06/09/content_272010.htm.",
        mla="Information Office of the State Council. Full Text: The Internet in China. White paper. Beijing Review, 9 June 2010, http://www.bjreview.com.cn/Cover_Stories_Series_2010/2010-06/09/content_272010.htm.",
        mla_html='Information Office of the State Council. <i>Full Text: The Internet in China</i>. White paper. Beijing Review, 9 June 2010, <a href="http://www.bjreview.com.cn/Cover_Stories_Series_2010/2010-06/09/content_272010.htm">http://www.bjreview.com.cn/Cover_Stories_Series_2010/2010-06/09/content_272010.htm</a>.',
        bibtex=r"""@report{doc{doc},
  ids = {claim{claim}},
  author = {{Information Office of the State Council}},
  title = {Full {Text}: {The} {Internet} in {China}},
  date = {2010-06-09},
  url = {http://www.bjreview.com.cn/Cover_Stories_Series_2010/2010-06/09/content_272010.htm},
  langid = {english},
  type = {White paper},
  annotation = {“China maintains that all countries should cooperate.” — claim: https://claims.example.org/claims/{claim}/ — at the quote: http://www.bjreview.com.cn/Cover\_Stories\_Series\_2010/2010-06/09/content\_272010.htm\#:\textasciitilde{}:text=China\%20maintains\%20that\%20all\%20countries\%20should\%20cooperate},
  institution = {Beijing Review}
}""",
        ris="""TY  - RPRT
AU  - Information Office of the State Council
TI  - Full Text: The Internet in China
PB  - Beijing Review
M3  - White paper
PY  - 2010
DA  - 2010/06/09
UR  - http://www.bjreview.com.cn/Cover_Stories_Series_2010/2010-06/09/content_272010.htm
LA  - en
N1  - “China maintains that all countries should cooperate.” — claim: https://claims.example.org/claims/{claim}/ — at the quote: http://www.bjreview.com.cn/Cover_Stories_Series_2010/2010-06/09/content_272010.htm#:~:text=China%20maintains%20that%20all%20countries%20should%20cooperate
ID  - doc{doc}
ER  - """,
        csljson={
            "id": "doc{doc}",
            "type": "report",
            "title": "Full Text: The Internet in China",
            "language": "en",
            "author": [{"literal": "Information Office of the State Council"}],
            "publisher": "Beijing Review",
            "genre": "White paper",
            "issued": {"date-parts": [[2010, 6, 9]]},
            "URL": "http://www.bjreview.com.cn/Cover_Stories_Series_2010/2010-06/09/content_272010.htm",
            "note": "“China maintains that all countries should cooperate.” — claim: https://claims.example.org/claims/{claim}/ — at the quote: http://www.bjreview.com.cn/Cover_Stories_Series_2010/2010-06/09/content_272010.htm#:~:text=China%20maintains%20that%20all%20countries%20should%20cooperate",
        },
    ),
    # A press-conference transcript on a web page. APA 7 §9.12 and §9.21: no author, the title
    # leads; [Transcript] in brackets (the official apa.csl puts it after the date; APA's own
    # examples put it after the title: the one known difference from the manual, as Zotero
    # prints it too). CMOS 18 (web content; CMOS 17 14.206): the site's owner may stand as
    # author in the bibliography; "Transcript" as the description. MLA 9 §5.4, §5.21: no
    # author, the title leads; the descriptor "Transcript" follows it.
    "transcript": Golden(
        note="“The relevant regulations will not affect foreign companies.” — claim: https://claims.example.org/claims/{claim}/ — at the quote: http://www.china.org.cn/china/2019-09/23/content_75231224.htm#:~:text=The%20relevant%20regulations%20will%20not%20affect%20foreign%20companies",
        apa="SCIO briefing on China’s industrial and communications development. (2019, September 23). [Transcript]. China.org.cn. http://www.china.org.cn/china/2019-09/23/content_75231224.htm",
        chicago_note="Note: “SCIO Briefing on China’s Industrial and Communications Development,” Transcript, China.org.cn, September 23, 2019, http://www.china.org.cn/china/2019-09/23/content_75231224.htm.\nBibliography: China.org.cn. “SCIO Briefing on China’s Industrial and Communications Development.” Transcript. September 23, 2019. http://www.china.org.cn/china/2019-09/23/content_75231224.htm.",
        chicago_author_date="China.org.cn. 2019. “SCIO Briefing on China’s Industrial and Communications Development.” Transcript. September 23. http://www.china.org.cn/china/2019-09/23/content_75231224.htm.",
        mla="“SCIO Briefing on China’s Industrial and Communications Development.” Transcript. China.org.cn, 23 Sept. 2019, http://www.china.org.cn/china/2019-09/23/content_75231224.htm.",
        mla_html='“SCIO Briefing on China’s Industrial and Communications Development.” Transcript. <i>China.org.cn</i>, 23 Sept. 2019, <a href="http://www.china.org.cn/china/2019-09/23/content_75231224.htm">http://www.china.org.cn/china/2019-09/23/content_75231224.htm</a>.',
        bibtex=r"""@online{doc{doc},
  ids = {claim{claim}},
  title = {SCIO briefing on {China's} industrial and communications development},
  date = {2019-09-23},
  url = {http://www.china.org.cn/china/2019-09/23/content_75231224.htm},
  langid = {english},
  type = {Transcript},
  annotation = {“The relevant regulations will not affect foreign companies.” — claim: https://claims.example.org/claims/{claim}/ — at the quote: http://www.china.org.cn/china/2019-09/23/content\_75231224.htm\#:\textasciitilde{}:text=The\%20relevant\%20regulations\%20will\%20not\%20affect\%20foreign\%20companies},
  organization = {China.org.cn}
}""",
        ris="""TY  - ELEC
TI  - SCIO briefing on China's industrial and communications development
T2  - China.org.cn
M3  - Transcript
PY  - 2019
DA  - 2019/09/23
UR  - http://www.china.org.cn/china/2019-09/23/content_75231224.htm
LA  - en
N1  - “The relevant regulations will not affect foreign companies.” — claim: https://claims.example.org/claims/{claim}/ — at the quote: http://www.china.org.cn/china/2019-09/23/content_75231224.htm#:~:text=The%20relevant%20regulations%20will%20not%20affect%20foreign%20companies
ID  - doc{doc}
ER  - """,
        csljson={
            "id": "doc{doc}",
            "type": "webpage",
            "title": "SCIO briefing on China's industrial and communications development",
            "language": "en",
            "container-title": "China.org.cn",
            "genre": "Transcript",
            "issued": {"date-parts": [[2019, 9, 23]]},
            "URL": "http://www.china.org.cn/china/2019-09/23/content_75231224.htm",
            "note": "“The relevant regulations will not affect foreign companies.” — claim: https://claims.example.org/claims/{claim}/ — at the quote: http://www.china.org.cn/china/2019-09/23/content_75231224.htm#:~:text=The%20relevant%20regulations%20will%20not%20affect%20foreign%20companies",
        },
    ),
    # A speech, by the speaker, on the day given (DESIGN §5). APA 7 §9.21: [Speech] after the
    # title, in italics as a stand-alone work. CMOS 18 (speeches; CMOS 17 14.217): speaker,
    # title in quotation marks, "Speech", the date given. MLA 9: the descriptor "Speech" and
    # the date (the CSL item's event-date; point 6 of issue 11).
    "speech": Golden(
        note="“There is no security without cybersecurity.” — claim: https://claims.example.org/claims/{claim}/ — at the quote: http://www.xinhuanet.com/english/2015-12/16/c_134923854.htm#:~:text=There%20is%20no%20security%20without%20cybersecurity",
        apa="Xi, J. (2015, December 16). Remarks at the opening ceremony of the Second World Internet Conference [Speech]. Xinhua. http://www.xinhuanet.com/english/2015-12/16/c_134923854.htm",
        chicago_note="Note: Xi Jinping, “Remarks at the Opening Ceremony of the Second World Internet Conference,” Speech, December 16, 2015, Xinhua, December 16, 2015, http://www.xinhuanet.com/english/2015-12/16/c_134923854.htm.\nBibliography: Xi Jinping. “Remarks at the Opening Ceremony of the Second World Internet Conference.” Speech. December 16, 2015. Xinhua, December 16, 2015. http://www.xinhuanet.com/english/2015-12/16/c_134923854.htm.",
        chicago_author_date="Xi Jinping. 2015. “Remarks at the Opening Ceremony of the Second World Internet Conference.” Speech. December 16, 2015. Xinhua, December 16. http://www.xinhuanet.com/english/2015-12/16/c_134923854.htm.",
        mla="Xi Jinping. “Remarks at the Opening Ceremony of the Second World Internet Conference.” Speech. Xinhua, 16 Dec. 2015, http://www.xinhuanet.com/english/2015-12/16/c_134923854.htm.",
        mla_html='Xi Jinping. “Remarks at the Opening Ceremony of the Second World Internet Conference.” Speech. Xinhua, 16 Dec. 2015, <a href="http://www.xinhuanet.com/english/2015-12/16/c_134923854.htm">http://www.xinhuanet.com/english/2015-12/16/c_134923854.htm</a>.',
        bibtex=r"""@unpublished{doc{doc},
  ids = {claim{claim}},
  author = {Xi, Jinping},
  title = {Remarks at the opening ceremony of the {Second} {World} {Internet} {Conference}},
  date = {2015-12-16},
  eventdate = {2015-12-16},
  url = {http://www.xinhuanet.com/english/2015-12/16/c_134923854.htm},
  langid = {english},
  type = {Speech},
  annotation = {“There is no security without cybersecurity.” — claim: https://claims.example.org/claims/{claim}/ — at the quote: http://www.xinhuanet.com/english/2015-12/16/c\_134923854.htm\#:\textasciitilde{}:text=There\%20is\%20no\%20security\%20without\%20cybersecurity},
  howpublished = {Xinhua}
}""",
        ris="""TY  - SLIDE
AU  - Xi, Jinping
TI  - Remarks at the opening ceremony of the Second World Internet Conference
M3  - Speech
PY  - 2015
DA  - 2015/12/16
UR  - http://www.xinhuanet.com/english/2015-12/16/c_134923854.htm
LA  - en
N1  - Published by Xinhua.
N1  - “There is no security without cybersecurity.” — claim: https://claims.example.org/claims/{claim}/ — at the quote: http://www.xinhuanet.com/english/2015-12/16/c_134923854.htm#:~:text=There%20is%20no%20security%20without%20cybersecurity
ID  - doc{doc}
ER  - """,
        csljson={
            "id": "doc{doc}",
            "type": "speech",
            "title": "Remarks at the opening ceremony of the Second World Internet Conference",
            "language": "en",
            "author": [{"family": "Xi", "given": "Jinping", "static-ordering": True}],
            "publisher": "Xinhua",
            "genre": "Speech",
            "issued": {"date-parts": [[2015, 12, 16]]},
            "event-date": {"date-parts": [[2015, 12, 16]]},
            "URL": "http://www.xinhuanet.com/english/2015-12/16/c_134923854.htm",
            "note": "“There is no security without cybersecurity.” — claim: https://claims.example.org/claims/{claim}/ — at the quote: http://www.xinhuanet.com/english/2015-12/16/c_134923854.htm#:~:text=There%20is%20no%20security%20without%20cybersecurity",
        },
    ),
    # A Xinhua story republished by another site: the agency stands as author (APA 7 §9.11,
    # CMOS 18 as for news agencies, MLA 9 §5.16); the site that carries it is the container.
    # APA's style would print the original outlet as "(Original work published Xinhua)", in
    # the slot for a year (§9.41): the agency as author says it instead.
    "republished": Golden(
        note="“Boasting 668 million Internet users, China is the largest online community.” — claim: https://claims.example.org/claims/{claim}/ — at the quote: http://www.derechos.org/nizkor/china/doc/internet2.html#:~:text=Boasting%20668%20million%20Internet%20users%2C,is%20the%20largest%20online%20community",
        apa="Xinhua. (2015, December 16). “Version 2.0” of China’s Internet governance. Equipo Nizkor. http://www.derechos.org/nizkor/china/doc/internet2.html",
        chicago_note="Note: Xinhua, “‘Version 2.0’ of China’s Internet Governance,” Equipo Nizkor, December 16, 2015, http://www.derechos.org/nizkor/china/doc/internet2.html.\nBibliography: Xinhua. “‘Version 2.0’ of China’s Internet Governance.” Equipo Nizkor, December 16, 2015. http://www.derechos.org/nizkor/china/doc/internet2.html.",
        chicago_author_date="Xinhua. 2015. “‘Version 2.0’ of China’s Internet Governance.” Equipo Nizkor, December 16. http://www.derechos.org/nizkor/china/doc/internet2.html.",
        mla="Xinhua. “‘Version 2.0’ of China’s Internet Governance.” Equipo Nizkor, 16 Dec. 2015, http://www.derechos.org/nizkor/china/doc/internet2.html.",
        mla_html='Xinhua. “‘Version 2.0’ of China’s Internet Governance.” <i>Equipo Nizkor</i>, 16 Dec. 2015, <a href="http://www.derechos.org/nizkor/china/doc/internet2.html">http://www.derechos.org/nizkor/china/doc/internet2.html</a>.',
        bibtex=r"""@article{doc{doc},
  ids = {claim{claim}},
  author = {{Xinhua}},
  title = {“Version 2.0” of {China's} {Internet} governance},
  date = {2015-12-16},
  url = {http://www.derechos.org/nizkor/china/doc/internet2.html},
  langid = {english},
  entrysubtype = {newspaper},
  origpublisher = {Xinhua},
  annotation = {“Boasting 668 million Internet users, China is the largest online community.” — claim: https://claims.example.org/claims/{claim}/ — at the quote: http://www.derechos.org/nizkor/china/doc/internet2.html\#:\textasciitilde{}:text=Boasting\%20668\%20million\%20Internet\%20users\%2C,is\%20the\%20largest\%20online\%20community},
  journaltitle = {Equipo Nizkor}
}""",
        ris="""TY  - NEWS
AU  - Xinhua
TI  - “Version 2.0” of China's Internet governance
T2  - Equipo Nizkor
PY  - 2015
DA  - 2015/12/16
UR  - http://www.derechos.org/nizkor/china/doc/internet2.html
LA  - en
N1  - Originally published by Xinhua.
N1  - “Boasting 668 million Internet users, China is the largest online community.” — claim: https://claims.example.org/claims/{claim}/ — at the quote: http://www.derechos.org/nizkor/china/doc/internet2.html#:~:text=Boasting%20668%20million%20Internet%20users%2C,is%20the%20largest%20online%20community
ID  - doc{doc}
ER  - """,
        csljson={
            "id": "doc{doc}",
            "type": "article-newspaper",
            "title": "“Version 2.0” of China's Internet governance",
            "language": "en",
            "author": [{"literal": "Xinhua"}],
            "container-title": "Equipo Nizkor",
            "original-publisher": "Xinhua",
            "issued": {"date-parts": [[2015, 12, 16]]},
            "URL": "http://www.derechos.org/nizkor/china/doc/internet2.html",
            "note": "“Boasting 668 million Internet users, China is the largest online community.” — claim: https://claims.example.org/claims/{claim}/ — at the quote: http://www.derechos.org/nizkor/china/doc/internet2.html#:~:text=Boasting%20668%20million%20Internet%20users%2C,is%20the%20largest%20online%20community",
        },
    ),
    # An undated statement with no outlet. APA 7 §9.17: (n.d.). CMOS 18 (CMOS 17 15.44):
    # "n.d." in place of the year. MLA 9 §5.68: a date that is not given is left out.
    "undated": Golden(
        note="“Personal information shall be protected by law.” — claim: https://claims.example.org/claims/{claim}/",
        apa="Statement on the protection of personal information. (n.d.). [Statement].",
        chicago_note="Note: Statement on the Protection of Personal Information, Statement (n.d.).\nBibliography: Statement on the Protection of Personal Information. Statement. n.d.",
        chicago_author_date="Statement on the Protection of Personal Information. n.d. Statement.",
        mla="Statement on the Protection of Personal Information. Statement.",
        mla_html="<i>Statement on the Protection of Personal Information</i>. Statement.",
        bibtex=r"""@report{doc{doc},
  ids = {claim{claim}},
  title = {Statement on the protection of personal information},
  langid = {english},
  type = {Statement},
  annotation = {“Personal information shall be protected by law.” — claim: https://claims.example.org/claims/{claim}/}
}""",
        ris="""TY  - RPRT
TI  - Statement on the protection of personal information
M3  - Statement
LA  - en
N1  - “Personal information shall be protected by law.” — claim: https://claims.example.org/claims/{claim}/
ID  - doc{doc}
ER  - """,
        csljson={
            "id": "doc{doc}",
            "type": "report",
            "title": "Statement on the protection of personal information",
            "language": "en",
            "genre": "Statement",
            "note": "“Personal information shall be protected by law.” — claim: https://claims.example.org/claims/{claim}/",
        },
    ),
    # A supplied, descriptive title. APA 7 §9.21: a description in brackets takes the title's
    # place, in plain type. CMOS 18 (CMOS 17 14.89): a descriptive title is not italicised or
    # quoted and keeps sentence case. MLA 9 §5.25: a description is not italicised or quoted.
    "description": Golden(
        note="“Internet users in China reached 1.051 billion.” — claim: https://claims.example.org/claims/{claim}/",
        apa="[CCTV News: press conference on “China’s Decade”, building a strong Internet nation]. (2022, August 20). [Transcript]. CCTV News.",
        chicago_note="Note: [CCTV News: press conference on “China’s Decade”, building a strong Internet nation], Transcript, CCTV News, August 20, 2022.\nBibliography: CCTV News. [CCTV News: press conference on “China’s Decade”, building a strong Internet nation]. Transcript. August 20, 2022.",
        chicago_author_date="CCTV News. 2022. [CCTV News: press conference on “China’s Decade”, building a strong Internet nation]. Transcript. August 20.",
        mla="[CCTV News: press conference on “China’s Decade”, building a strong Internet nation]. Transcript. CCTV News, 20 Aug. 2022.",
        mla_html="[CCTV News: press conference on “China’s Decade”, building a strong Internet nation]. Transcript. <i>CCTV News</i>, 20 Aug. 2022.",
        bibtex=r"""@online{doc{doc},
  ids = {claim{claim}},
  title = {{[CCTV News: press conference on “China’s Decade”, building a strong Internet nation]}},
  date = {2022-08-20},
  langid = {english},
  type = {Transcript},
  annotation = {“Internet users in China reached 1.051 billion.” — claim: https://claims.example.org/claims/{claim}/},
  organization = {CCTV News}
}""",
        ris="""TY  - ELEC
TI  - [CCTV News: press conference on “China’s Decade”, building a strong Internet nation]
T2  - CCTV News
M3  - Transcript
PY  - 2022
DA  - 2022/08/20
LA  - en
N1  - “Internet users in China reached 1.051 billion.” — claim: https://claims.example.org/claims/{claim}/
ID  - doc{doc}
ER  - """,
        csljson={
            "id": "doc{doc}",
            "type": "webpage",
            "title": "[CCTV News: press conference on “China’s Decade”, building a strong Internet nation]",
            "language": "en",
            "container-title": "CCTV News",
            "genre": "Transcript",
            "issued": {"date-parts": [[2022, 8, 20]]},
            "note": "“Internet users in China reached 1.051 billion.” — claim: https://claims.example.org/claims/{claim}/",
        },
    ),
}


@pytest.fixture(scope="module")
def rendered(django_db_setup, django_db_blocker):
    """Every kind in every format, rendered once: {kind: (claim, {format: text})}."""
    with django_db_blocker.unblock():
        from django.db import transaction

        with transaction.atomic():
            made = claims()
            out = {}
            for kind, claim in made.items():
                selected = Claim.objects.filter(pk=claim.pk)
                texts = {name: exported(selected, name) for name in [*STYLES, "bibtex", "ris", "csljson"]}
                texts["mla_html"] = exported(selected, "mla", html=True)
                out[kind] = (claim, texts)
            transaction.set_rollback(True)
    return out


def exported(claims, name, **options):
    return b"".join(export(claims, name, BASE, **options)[0]).decode("utf-8")


def ids(text, claim):
    return text.replace("{claim}", str(claim.pk)).replace("{doc}", str(claim.document_id))


@pytest.mark.parametrize("style", STYLES)
@pytest.mark.parametrize("kind", KINDS)
def test_each_kind_in_each_style_then_its_claims_note(rendered, kind, style):
    claim, texts = rendered[kind]
    golden = GOLDEN[kind]
    reference = getattr(golden, style.replace("-", "_"))
    assert texts[style] == ids(f"{reference}\n{golden.note}\n\n", claim)


@pytest.mark.parametrize("kind", KINDS)
def test_rich_text_italicises_what_the_style_italicises(rendered, kind):
    claim, texts = rendered[kind]
    golden = GOLDEN[kind]
    expected = f"<p>{golden.mla_html}</p>\n<ul><li>{html.escape(golden.note, quote=False)}</li></ul>\n"
    assert texts["mla_html"] == ids(expected, claim)


@pytest.mark.parametrize("kind", KINDS)
def test_bibtex(rendered, kind):
    claim, texts = rendered[kind]
    assert texts["bibtex"] == ids(GOLDEN[kind].bibtex, claim) + "\n\n"
    parser = bibtexparser.bparser.BibTexParser(ignore_nonstandard_types=False)
    assert [entry["ID"] for entry in bibtexparser.loads(texts["bibtex"], parser=parser).entries] == [
        f"doc{claim.document_id}"
    ]


@pytest.mark.parametrize("kind", KINDS)
def test_ris(rendered, kind):
    claim, texts = rendered[kind]
    assert texts["ris"] == ids(GOLDEN[kind].ris, claim).replace("\n", "\r\n") + "\r\n\r\n"
    assert [entry["id"] for entry in rispy.loads(texts["ris"])] == [f"doc{claim.document_id}"]


@pytest.mark.parametrize("kind", KINDS)
def test_csl_json(rendered, kind):
    claim, texts = rendered[kind]
    items = json.loads(texts["csljson"])
    jsonschema.Draft7Validator(CSL_SCHEMA).validate(items)
    assert items == [json.loads(ids(json.dumps(GOLDEN[kind].csljson, ensure_ascii=False), claim))]
