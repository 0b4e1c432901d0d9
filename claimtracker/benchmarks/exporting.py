"""Export throughput and memory: each format over the claims of a filtered list
— the newest N or a few more, by the date filter `said_from`, as the list's
"Export these" link would send it —, so that the same set is exported
in-process here and over HTTP (overhttp.py).

Throughput is timed without tracing; memory is the peak of Python's
allocations (tracemalloc) in a second run, at N and at N/10, so that an
export whose memory grew with its size would show it.
"""

import time
import tracemalloc
from dataclasses import dataclass

from claimtracker.corpus.filters import ClaimFilter
from claimtracker.corpus.models import Claim
from claimtracker.exports.formats import export

BASE_URL = "https://claims.example.org"


@dataclass
class ExportRun:
    format: str
    claims: int
    seconds: float
    megabytes: float  # of output
    peak_small_mb: float  # tracemalloc peak at claims / 10
    peak_mb: float  # tracemalloc peak at claims

    @property
    def per_second(self):
        return self.claims / self.seconds if self.seconds else 0.0

    def as_dict(self):
        return {**self.__dict__, "claims_per_second": self.per_second}


def newest_query(count):
    """The list filter that selects the newest `count` claims (and the rest of their last day)."""
    ordered = Claim.objects.order_by(*Claim._meta.ordering).values_list("said_on", flat=True)
    day = ordered[count - 1 : count].first()
    return {"said_from": day.isoformat()} if day else {}


def filtered(query):
    """The claims the list (and its export link) selects with `query`."""
    return ClaimFilter(query, queryset=Claim.objects.all()).qs


def newest_claims(count):
    return filtered(newest_query(count))


def drain(claims, name):
    size = 0
    for chunk in export(claims, name, BASE_URL)[0]:
        size += len(chunk)
    return size


def peak_mb(claims, name):
    tracemalloc.start()
    try:
        drain(claims, name)
        return tracemalloc.get_traced_memory()[1] / 2**20
    finally:
        tracemalloc.stop()


def measure_export(name, count):
    claims = newest_claims(count)
    started = time.perf_counter()
    size = drain(claims, name)
    seconds = time.perf_counter() - started
    return ExportRun(
        format=name,
        claims=claims.count(),
        seconds=seconds,
        megabytes=size / 2**20,
        peak_small_mb=peak_mb(newest_claims(max(1, count // 10)), name),
        peak_mb=peak_mb(claims, name),
    )


def table(runs):
    lines = [
        "| format | claims | seconds | claims/s | output MB | peak MB at 1/10 | peak MB |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for run in runs:
        lines.append(
            f"| {run.format} | {run.claims:,} | {run.seconds:.1f} | {run.per_second:,.0f} "
            f"| {run.megabytes:.1f} | {run.peak_small_mb:.1f} | {run.peak_mb:.1f} |"
        )
    return "\n".join(lines)
