"""Export throughput and memory: each format over the first N claims.

Throughput is timed without tracing; memory is the peak of Python's
allocations (tracemalloc) in a second run, at N and at N/10, so that an
export whose memory grew with its size would show it.
"""

import time
import tracemalloc
from dataclasses import dataclass

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


def first_claims(count):
    last = Claim.objects.order_by("pk").values_list("pk", flat=True)[count - 1 : count].first()
    return Claim.objects.filter(pk__lte=last) if last else Claim.objects.all()


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
    claims = first_claims(count)
    started = time.perf_counter()
    size = drain(claims, name)
    seconds = time.perf_counter() - started
    return ExportRun(
        format=name,
        claims=claims.count(),
        seconds=seconds,
        megabytes=size / 2**20,
        peak_small_mb=peak_mb(first_claims(max(1, count // 10)), name),
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
