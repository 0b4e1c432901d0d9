"""Bulk import throughput: N generated news pages — HTML with navigation, share links,
related stories, comments, a byline and a date, each a different report of figures and
statements — written to a temporary folder and imported one by one as
`manage.py import_documents` does; then the claim suggestions of every imported text,
timed per 10 KB."""

import random
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from claimtracker.corpus.models import Document
from claimtracker.corpus.suggesting import suggestions_for
from claimtracker.importing import sources
from claimtracker.importing.bulk import import_one

OUTLETS = ["China Daily", "Global Times", "Xinhua", "CGTN", "People's Daily Online", "Sixth Tone"]
SPEAKERS = ["Niu Yibing", "Miao Wei", "Zhao Lijian", "Wang Wenbin", "Sun Weimin", "Li Xiaodong"]
BODIES = ["the Cyberspace Administration of China", "the Ministry of Industry and Information Technology"]
MEASURES = ["internet users", "5G base stations", "mobile phone users", "online shoppers", "websites"]
SENTENCES = [
    "The number of {measure} rose to {value} billion last year from {old} million in {year}, {speaker} said.",
    "According to {body}, {count} {measure} were registered by the end of {year}.",
    "{speaker} told a news conference on Friday that the share reached {percent} percent.",
    "The government will continue to strengthen the protection of personal information, {speaker} added.",
    "Officials said the rules would not restrict foreign companies operating in the country.",
    "Analysts expect the market to keep growing as services reach rural areas and smaller cities.",
    "Investment in rural broadband reached {count} billion yuan (${usd} billion) in {year}.",
]


def news_page(rng, serial):
    """One generated news page, as bytes."""
    speaker, outlet = rng.choice(SPEAKERS), rng.choice(OUTLETS)
    paragraphs = []
    for _ in range(rng.randint(20, 40)):  # 3–6 KB of text, as a news report has
        template = rng.choice(SENTENCES)
        paragraphs.append(
            template.format(
                measure=rng.choice(MEASURES),
                value=f"{rng.randint(1, 9)}.{rng.randint(0, 99):02d}",
                old=rng.randint(100, 900),
                year=rng.randint(2010, 2023),
                speaker=speaker.split()[0] if rng.random() < 0.5 else speaker,
                body=rng.choice(BODIES),
                count=f"{rng.randint(1, 999):,}",
                percent=rng.randint(10, 95),
                usd=f"{rng.randint(1, 9)}.{rng.randint(0, 99):02d}",
            )
            + f" (report {serial}.{len(paragraphs)})"
        )
    body = "\n".join(f"<p>{paragraph}</p>" for paragraph in paragraphs)
    title = f"Report {serial}: {rng.choice(MEASURES).capitalize()} in China"
    day = f"2022-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    byline = f"Staff Reporter {serial % 50}"
    return "\n".join(
        [
            f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{title} - {outlet}</title>',
            f'<meta property="og:site_name" content="{outlet}"><meta name="author" content="{byline}">',
            f'<meta property="article:published_time" content="{day}T08:00:00+08:00"></head><body>',
            '<nav><a href="/">Home</a> <a href="/china">China</a> <a href="/world">World</a></nav>',
            '<div class="share"><a href="#">Share on Weibo</a> <a href="#">Share on WeChat</a></div>',
            f'<article><h1>{title}</h1><p class="byline">By {byline}</p>{body}</article>',
            '<aside><h3>Related</h3><ul><li><a href="/a">Chip makers expand</a></li>',
            '<li><a href="/b">Rural e-commerce grows</a></li></ul></aside>',
            '<section class="comments"><div class="comment"><p>Great report, thanks!</p></div></section>',
            f"<footer>Copyright {outlet}. All rights reserved.</footer></body></html>",
        ]
    ).encode()


@dataclass
class ImportRun:
    documents: int
    imported: int
    duplicates: int
    failed: int
    seconds: float
    suggestion_seconds: float
    text_kb: float

    @property
    def per_second(self):
        return self.documents / self.seconds if self.seconds else 0.0

    @property
    def suggestion_ms_per_10kb(self):
        return self.suggestion_seconds * 1000 / (self.text_kb / 10) if self.text_kb else 0.0

    def as_dict(self):
        return {
            **self.__dict__,
            "documents_per_second": self.per_second,
            "suggestion_ms_per_10kb": self.suggestion_ms_per_10kb,
        }


def measure_imports(count, seed=1, progress=None):
    rng = random.Random(seed)
    before = set(Document.objects.values_list("pk", flat=True))
    outcomes = {"imported": 0, "duplicate": 0, "failed": 0}
    with tempfile.TemporaryDirectory() as folder:
        paths = []
        for serial in range(count):
            path = Path(folder) / f"report-{seed}-{serial:06d}.html"
            path.write_bytes(news_page(rng, serial))
            paths.append(path)
        started = time.perf_counter()
        for path in paths:
            line, ok = import_one(path.name, lambda path=path: sources.read_path(path), sources.DEFAULT_KIND)
            outcome = "failed" if not ok else ("duplicate" if ": duplicate of" in line else "imported")
            outcomes[outcome] += 1
            if progress:
                progress(1)
        seconds = time.perf_counter() - started
    new = Document.objects.exclude(pk__in=before).only("pk", "text", "kind", "issuer_id")
    suggestion_seconds, characters = 0.0, 0
    for document in new.iterator(chunk_size=200):
        started = time.perf_counter()
        suggestions_for(document)
        suggestion_seconds += time.perf_counter() - started
        characters += len(document.text.encode("utf-8"))
    return ImportRun(
        count,
        outcomes["imported"],
        outcomes["duplicate"],
        outcomes["failed"],
        seconds,
        suggestion_seconds,
        characters / 1000,
    )


def table(run):
    return "\n".join(
        [
            "| documents | imported | duplicates | failed | seconds | documents/s | text KB "
            "| suggestions ms per 10 KB |",
            "|---:|---:|---:|---:|---:|---:|---:|---:|",
            f"| {run.documents:,} | {run.imported:,} | {run.duplicates:,} | {run.failed:,} "
            f"| {run.seconds:.1f} | {run.per_second:.1f} | {run.text_kb:,.0f} "
            f"| {run.suggestion_ms_per_10kb:.1f} |",
        ]
    )
