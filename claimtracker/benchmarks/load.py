"""A bounded load test over HTTP: signed-in users browsing, searching, exporting and
creating claims at once against a running site (or gunicorn started for the run),
optionally with PostgreSQL restarted in the middle. It reports, per kind of request,
the count, the errors and the median and p95 latency; with a restart, what was
answered while the database was down and how soon the site answered again; and it
checks that every claim the site acknowledged is in the database.
"""

import http.client
import http.cookiejar
import json
import random
import re
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from claimtracker.corpus.models import Claim, Document, Speaker

WORDS = ["internet", "security", "billion", "data", "cyberspace", "users", "law", "platform"]
PASSWORD = "load-test-password"
KINDS = ("browse", "search", "export", "create")
RECOVERY = 5  # seconds after a database restart within which the site must answer again
WEIGHTS = (6, 2, 1, 1)


@dataclass
class Outcome:
    kind: str
    status: int  # 0: no answer (refused, timed out) or a streamed answer cut short
    seconds: float
    at: float

    def overlaps(self, began, ended):
        """Whether the request was in flight at some moment from `began` to `ended`."""
        return self.at <= ended and self.at + self.seconds >= began

    def excused_by_restart(self, began, ended):
        """A 503 while the database was away, or an export whose stream it cut after the 200."""
        cut_export = self.status == 0 and self.kind == "export"
        return (self.status == 503 or cut_export) and self.overlaps(began, ended + RECOVERY)


@dataclass
class Run:
    outcomes: list = field(default_factory=list)
    acknowledged: list = field(default_factory=list)  # ids of the claims the site said it saved
    restart: tuple | None = None  # (began, ended) of the database restart, in run seconds
    lock: threading.Lock = field(default_factory=threading.Lock)

    def record(self, outcome, claim_id=None):
        with self.lock:
            self.outcomes.append(outcome)
            if claim_id:
                self.acknowledged.append(claim_id)


class Visitor:
    """One signed-in user's browser: cookies, and the CSRF token for writes."""

    def __init__(self, base, username):
        self.base, self.cookies = base, http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.cookies))
        page = self.open("/accounts/login/").decode()
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
        form = {"username": username, "password": PASSWORD, "csrfmiddlewaretoken": token}
        self.open("/accounts/login/", urllib.parse.urlencode(form).encode())
        self.csrf = next(cookie.value for cookie in self.cookies if cookie.name == "csrftoken")

    def open(self, path, data=None, headers=None):
        headers = {"Referer": self.base + "/", **(headers or {})}
        request = urllib.request.Request(self.base + path, data=data, headers=headers)
        with self.opener.open(request, timeout=30) as response:
            return response.read()

    def post_json(self, path, body):
        headers = {"Content-Type": "application/json", "X-CSRFToken": self.csrf}
        return json.loads(self.open(path, json.dumps(body).encode(), headers))


class Workload:
    """What the users do, drawn from the corpus: pages, words, speakers, passages."""

    def __init__(self, seed=1):
        self.random = random.Random(seed)
        self.documents = list(Document.objects.order_by("?").values_list("pk", flat=True)[:50])
        self.claims = list(
            Claim.objects.filter(anchor="anchored").order_by("?").values_list("pk", flat=True)[:200]
        )
        self.speakers = list(Speaker.objects.order_by("?").values_list("pk", flat=True)[:50])
        # The passages new claims are made on, read now: during a run the client touches no database.
        self.passages = [selector_of(claim) for claim in Claim.objects.filter(pk__in=self.claims[:50])]

    def browse(self):
        choice = self.random.choice
        return choice(
            [
                "/claims/",
                f"/claims/?kind={choice(['statistic', 'policy', 'question'])}",
                f"/documents/{choice(self.documents)}/",
                f"/claims/{choice(self.claims)}/",
                f"/speakers/{choice(self.speakers)}/",
            ]
        )

    def search(self):
        return f"/claims/?q={self.random.choice(WORDS)}"

    def export(self):
        return f"/claims/export/?format=csv&speaker={self.random.choice(self.speakers)}"

    def passage(self):
        """A new claim on the passage of an existing one, with a submission key of its own."""
        document_id, selector = self.random.choice(self.passages)
        return document_id, {**selector, "kind": "assertion", "submission": str(uuid.uuid4())}


def selector_of(claim):
    return claim.document_id, {
        "start": claim.start,
        "end": claim.end,
        "quote": claim.quote,
        "prefix": claim.prefix,
        "suffix": claim.suffix,
    }


def prepare_users(count):
    """`count` researchers named load-1 … (made or reset), who may create claims."""
    users, group = get_user_model().objects, Group.objects.get(name="researcher")
    names = [f"load-{n}" for n in range(1, count + 1)]
    for name in names:
        user = users.filter(username=name).first() or users.create_user(name)
        user.set_password(PASSWORD)
        user.save()
        user.groups.add(group)
    return names


def act(visitor, workload, kind, run, started):
    begun = time.perf_counter()
    status, claim_id = 0, None
    try:
        if kind == "create":
            document_id, body = workload.passage()
            answer = visitor.post_json(f"/documents/{document_id}/claims/", body)
            status, claim_id = 201, answer["claim"][0]
        else:
            visitor.open(getattr(workload, kind)())
            status = 200
    except urllib.error.HTTPError as error:
        status = error.code
    except (urllib.error.URLError, OSError, http.client.HTTPException):
        status = 0  # no answer, or a streamed answer cut short
    run.record(Outcome(kind, status, time.perf_counter() - begun, begun - started), claim_id)


def user_loop(base, username, seconds, run, started, seed):
    workload = Workload(seed)
    visitor = sign_in_retrying(base, username)
    while time.perf_counter() - started < seconds:
        kind = workload.random.choices(KINDS, WEIGHTS)[0]
        act(visitor, workload, kind, run, started)


def sign_in_retrying(base, username):
    for _ in range(50):
        try:
            return Visitor(base, username)
        except (urllib.error.URLError, OSError):
            time.sleep(0.2)
    raise RuntimeError(f"{username} could not sign in at {base}")


def restart_postgres(run, started, at):
    time.sleep(at)
    began = time.perf_counter() - started
    cluster = sorted(Path("/etc/postgresql").iterdir())[0].name
    subprocess.run(
        ["pg_ctlcluster", "--skip-systemctl-redirect", cluster, "main", "restart"],
        check=True,
        capture_output=True,
    )
    run.restart = (began, time.perf_counter() - started)


def run_load(base, users, seconds, restart_at=None):
    """Drive the site at `base` with `users` signed-in users for `seconds`; the Run."""
    names = prepare_users(users)
    run, started = Run(), time.perf_counter()
    threads = [
        threading.Thread(target=user_loop, args=(base, name, seconds, run, started, index))
        for index, name in enumerate(names)
    ]
    if restart_at is not None:
        threads.append(threading.Thread(target=restart_postgres, args=(run, started, restart_at)))
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return run


def missing_claims(run):
    """Acknowledged claims that are not in the database (there must be none)."""
    found = set(Claim.objects.filter(pk__in=run.acknowledged).values_list("pk", flat=True))
    return sorted(set(run.acknowledged) - found)


def report(run):
    lines = ["| request | count | errors | median ms | p95 ms |", "|---|---:|---:|---:|---:|"]
    by_kind = defaultdict(list)
    for outcome in run.outcomes:
        by_kind[outcome.kind].append(outcome)
    for kind in KINDS:
        outcomes = by_kind.get(kind, [])
        if not outcomes:
            continue
        times = sorted(o.seconds * 1000 for o in outcomes if o.status < 400 and o.status)
        errors = sum(1 for o in outcomes if not o.status or o.status >= 400)
        median = f"{statistics.median(times):.0f}" if times else "–"
        p95 = f"{times[max(0, round(0.95 * len(times)) - 1)]:.0f}" if times else "–"
        lines.append(f"| {kind} | {len(outcomes)} | {errors} | {median} | {p95} |")
    return "\n".join(lines)


def restart_report(run):
    """(how many of each status while the database restarted — 0: cut short —, and the seconds
    from the restart's end to the first success after it)."""
    if not run.restart:
        return None
    began, ended = run.restart
    during = defaultdict(int)
    for outcome in run.outcomes:
        if outcome.overlaps(began, ended + RECOVERY) and outcome.status not in (200, 201):
            during[outcome.status] += 1
    after = [o.at + o.seconds for o in run.outcomes if o.at >= ended and o.status in (200, 201)]
    back = (min(after) - ended) if after else None
    return dict(during), back


class Gunicorn:
    """gunicorn serving the site with `workers` workers on a free port, for the run."""

    def __init__(self, workers, environment, timeout=60):
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        command = [sys.executable, "-m", "gunicorn", "claimtracker.wsgi", "-b", f"127.0.0.1:{self.port}"]
        command += ["-w", str(workers), "--timeout", str(timeout)]
        self.process = subprocess.Popen(command, env=environment, stderr=subprocess.DEVNULL)
        self.base = f"http://127.0.0.1:{self.port}"
        # As if behind an HTTPS proxy: with production settings, plain HTTP is redirected.
        probe = urllib.request.Request(self.base + "/healthz", headers={"X-Forwarded-Proto": "https"})
        for _ in range(150):
            try:
                urllib.request.urlopen(probe, timeout=2).read()
                return
            except (urllib.error.URLError, OSError):
                time.sleep(0.1)
        self.stop()
        raise RuntimeError("gunicorn did not start")

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=20)
