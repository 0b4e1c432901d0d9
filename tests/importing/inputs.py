"""Inputs in the shapes researchers bring them, built here: a news page with navigation,
link lists, share buttons, comments and a byline; a Chinese page in GB18030; a PDF; a
.docx; a transcript; and broken ones. Each builder returns bytes."""

import io

NEWS_PARAGRAPHS = [
    "BEIJING - The number of internet users in China rose to 1.03 billion last year from "
    "564 million in 2012, Niu Yibing, spokesman of the Cyberspace Administration of China, "
    "told a news conference on Friday.",
    "The country's internet penetration rate reached 73 percent, Niu said, adding that "
    "8 billion yuan ($1.19 billion) had been invested in rural broadband since 2019.",
    "According to the Ministry of Industry and Information Technology, 24,000 websites were "
    "closed for violations over the same period.",
    "Niu said the administration would continue to strengthen the protection of personal "
    "information and would not tolerate the illegal collection of user data.",
]


def news_page(paragraphs=NEWS_PARAGRAPHS, title="China's internet users top 1 billion", comment=True):
    body = "\n".join(f"<p>{paragraph}</p>" for paragraph in paragraphs)
    comments = (
        """<section id="comments" class="comments"><h3>Comments (2)</h3>
        <div class="comment"><p>Great article, very informative about the growth!</p></div>
        <div class="comment"><p>Visit my site for cheap phones www.spam.example</p></div></section>"""
        if comment
        else ""
    )
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>{title} - China Daily</title>
<meta property="og:title" content="{title}">
<meta property="og:site_name" content="China Daily">
<meta name="author" content="John Smith">
<meta property="article:published_time" content="2022-02-25T10:31:00+08:00">
<style>p {{ color: red; }} .secret-style-text {{ }}</style>
<script>var tracking = "secret script text"; document.write("injected");</script>
</head><body>
<header><nav class="menu"><ul>
<li><a href="/china">China</a></li><li><a href="/world">World</a></li><li><a href="/business">Business</a></li>
<li><a href="/opinion">Opinion</a></li><li><a href="/sports">Sports</a></li></ul></nav></header>
<div class="share"><a href="#">Share on Facebook</a> <a href="#">Share on Twitter</a> <a href="#">Share on Weibo</a></div>
<main><article>
<h1>{title}</h1>
<p class="byline">By John Smith | Updated: 2022-02-25 10:31</p>
{body}
</article></main>
<aside class="related"><h3>Related stories</h3><ul>
<li><a href="/a1">5G base stations top 1.4 million</a></li><li><a href="/a2">Chip makers expand</a></li>
<li><a href="/a3">Rural e-commerce grows</a></li></ul></aside>
{comments}
<footer><p>Copyright 1995-2022. All rights reserved. The content (including but not limited to text,
photo, multimedia information, etc) published in this site belongs to China Daily.</p></footer>
</body></html>""".encode()


CHINESE_PARAGRAPHS = [
    "新华社北京2月25日电 中国互联网络信息中心25日发布的报告显示，截至2021年12月，我国网民规模达10.32亿，"
    "较2020年12月增长4296万，互联网普及率达73.0%。",
    "据国家互联网信息办公室介绍，我国已建成全球规模最大的光纤和移动宽带网络。“我们将继续加强个人信息保护。”王晨说。",
]


def chinese_page():
    body = "\n".join(f"<p>{paragraph}</p>" for paragraph in CHINESE_PARAGRAPHS)
    page = f"""<html lang="zh-CN"><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">
<title>我国网民规模达10.32亿_新华网</title>
<meta property="og:site_name" content="新华网">
<meta name="publishdate" content="2022-02-25">
</head><body><div class="nav"><a href="/">首页</a> <a href="/politics">时政</a> <a href="/world">国际</a></div>
<div id="detail"><h1>我国网民规模达10.32亿</h1>{body}</div>
<div class="footer">新华网版权所有</div></body></html>"""
    return page.encode("gb18030")


def pdf(lines, title=""):
    """A one-page PDF whose text layer holds `lines` (Helvetica), with a title in its properties."""
    escaped = [line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)") for line in lines]
    content = "BT /F1 11 Tf 72 720 Td 14 TL " + " ".join(f"({line}) '" for line in escaped) + " ET"
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        "/Resources << /Font << /F1 5 0 R >> >> >>",
        f"<< /Length {len(content)} >>\nstream\n{content}\nendstream",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        f"<< /Title ({title}) /Author (Administrator) >>",
    ]
    out, offsets = b"%PDF-1.4\n", []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n{body}\nendobj\n".encode("latin-1")
    start = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    trailer = f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R /Info 6 0 R >>\nstartxref\n{start}\n%%EOF\n"
    return out + trailer.encode()


def encrypted_pdf(lines, password="secret"):
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf(lines))))
    writer.encrypt(password)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def docx(paragraphs, title=""):
    import docx as python_docx

    document = python_docx.Document()
    document.core_properties.title = title
    document.core_properties.author = "Administrator"
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


TRANSCRIPT = """SCIO press conference on the development of the internet

Miao Wei: Good morning. Last year China's mobile internet users reached 1.03 billion, and 73 percent of them used 5G phones.

Reuters reporter: Will the ministry limit foreign cloud providers?

Miao Wei: We will not restrict foreign companies. We will continue to open the telecommunications market.
"""
