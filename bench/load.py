"""Load and hostile-input runs against the portal served as in production (gunicorn, DEBUG off, Redis cache).

    python -m bench.load serve                                   # gunicorn + Redis as in production, until Ctrl-C
    python -m bench.load hostile --serve [--count 1200]          # or --url http://127.0.0.1:PORT
    python -m bench.load users --serve --users 50 --minutes 5    # or --url …

The client side is the standard library only (threads and http.client). Every simulated client connects from
its own loopback address (127.0.x.y, all of 127.0.0.0/8 is the local machine): the rate limits count per
client address (config.ratelimit reads REMOTE_ADDR and trusts no X-Forwarded-For), so they stay at their
production values and a 429 means a single client went past them. Requests carry `X-Forwarded-Proto: https`,
as the TLS-terminating proxy of docker-compose.yml does: the server runs with DJANGO_HTTPS=1 and
DJANGO_BEHIND_PROXY=1 as there.
"""

from __future__ import annotations

import argparse
import contextlib
import http.client
import importlib.util
import json
import math
import os
import random
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter, defaultdict
from dataclasses import asdict, dataclass, field
from pathlib import Path
from urllib.parse import quote, quote_from_bytes, urlsplit

BASE_DIR = Path(__file__).resolve().parent.parent
SLOW_SECONDS = 10.0


# ---------------------------------------------------------------------------------------------------------------
# HTTP client


@dataclass
class Result:
    endpoint: str
    label: str
    method: str
    status: int | None
    seconds: float
    expected: bool = True  # False: an error (a 5xx, a timeout, a status this request must not get)
    error: str = ""


@dataclass
class Request:
    endpoint: str
    label: str
    method: str
    path: str
    body: bytes | None = None
    headers: dict[str, str] = field(default_factory=dict)
    # Statuses counted as success in the users run; the hostile run only refuses 5xx and slowness.
    ok: tuple[int, ...] = ()


def client_address(index: int) -> str:
    """A distinct loopback address per simulated client (127.0.1.1, 127.0.1.2, …)."""
    return f"127.0.{1 + index // 250 % 250}.{1 + index % 250}"


class Client:
    def __init__(self, url: str, *, source: str = "127.0.0.1", timeout: float = 60.0) -> None:
        parts = urlsplit(url)
        self.host, self.port = parts.hostname or "127.0.0.1", parts.port or 80
        self.host_header = parts.netloc
        self.source, self.timeout = source, timeout

    def send(self, request: Request) -> tuple[Result, bytes]:
        headers = {"Host": self.host_header, "X-Forwarded-Proto": "https", "User-Agent": "bench.load",
                   "Connection": "close", **request.headers}
        if request.body is not None:
            headers.setdefault("Content-Length", str(len(request.body)))
        started = time.monotonic()
        connection = http.client.HTTPConnection(self.host, self.port, timeout=self.timeout,
                                                source_address=(self.source, 0))
        try:
            # putrequest/putheader: the path and the headers go out exactly as written (no re-encoding).
            connection.putrequest(request.method, request.path, skip_host=True, skip_accept_encoding=True)
            for name, value in headers.items():
                connection.putheader(name, value.encode("utf-8", "surrogatepass"))
            connection.endheaders(request.body)
            response = connection.getresponse()
            body = response.read()
            status, error = response.status, ""
        except Exception as exc:  # no answer (refused, reset, timed out), or a request this client cannot send
            status, body, error = None, b"", f"{type(exc).__name__}: {str(exc)[:200]}"
        finally:
            connection.close()
        seconds = time.monotonic() - started
        return Result(request.endpoint, request.label, request.method, status, seconds, error=error), body

    def get_json(self, path: str) -> dict:
        result, body = self.send(Request("crawl", "crawl", "GET", path))
        if result.status != 200:
            raise SystemExit(f"crawl: GET {path} answered {result.status} {result.error}")
        return json.loads(body)

    def get_text(self, path: str) -> str:
        result, body = self.send(Request("crawl", "crawl", "GET", path))
        if result.status != 200:
            raise SystemExit(f"crawl: GET {path} answered {result.status} {result.error}")
        return body.decode("utf-8", "replace")


def query(params: list[tuple[str, str | bytes]]) -> str:
    """A query string percent-encoded byte for byte: lone surrogates and NUL travel as a browser sends them."""
    def encode(value: str | bytes) -> str:
        if isinstance(value, str):
            value = value.encode("utf-8", "surrogatepass")
        return quote_from_bytes(value, safe="")
    return "&".join(f"{quote(name)}={encode(value)}" for name, value in params)


# ---------------------------------------------------------------------------------------------------------------
# What the portal holds: ids and URLs found by crawling it, never hard-coded


@dataclass
class Site:
    seance_ids: list[int]
    seance_list_pages: int
    deliberation_ids: list[int]
    page_urls: list[str]  # /documents/<pk>/pages/<n>/
    collectivite_ids: list[str]
    years: list[int]


KEYWORDS = ["budget", "subvention", "cantine scolaire", "voirie", "personnel communal", "tarifs", "eau potable",
            "urbanisme", "marché public", "associations", "emprunt", "école"]
QUESTIONS = [
    "Quel est le montant de la subvention accordée aux associations sportives ?",
    "Quand le conseil municipal a-t-il voté le budget primitif ?",
    "Quels sont les tarifs de la cantine scolaire ?",
    "Le conseil a-t-il approuvé la création d'un poste au service technique ?",
    "Quel emprunt la commune a-t-elle contracté ?",
    "Qui est le rapporteur de la délibération sur les travaux de voirie ?",
    "Combien d'élus ont voté contre le budget ?",
    "Quelles décisions ont été prises sur l'eau potable ?",
    "Le plan local d'urbanisme a-t-il été modifié ?",
    "Quel est le prix de la location de la salle des fêtes ?",
]


def site_crawl(client: Client) -> Site:
    html = client.get_text("/seances/")
    pages = max([1] + [int(n) for n in re.findall(r"[?&](?:amp;)?page=(\d+)", html)])
    seance_ids = set(int(n) for n in re.findall(r'href="/seances/(\d+)/"', html))
    for number in range(2, min(pages, 4) + 1):
        seance_ids |= set(int(n) for n in re.findall(r'href="/seances/(\d+)/"', client.get_text(f"/seances/?page={number}")))
    deliberation_ids, page_urls, collectivites, years = set(), set(), set(), set()
    for pk in sorted(seance_ids)[:: max(1, len(seance_ids) // 6)]:
        deliberation_ids |= set(int(n) for n in re.findall(r'href="/deliberations/(\d+)/"', client.get_text(f"/seances/{pk}/")))
    for keyword in KEYWORDS[:6]:
        data = client.get_json("/api/v1/search?" + query([("q", keyword), ("mode", "keyword"), ("page_size", "20")]))
        for hit in data["results"]:
            page_urls.add(urlsplit(hit["page_url"]).path)
            if hit["deliberation"]:
                deliberation_ids.add(hit["deliberation"]["id"])
            if hit["seance_date"]:
                years.add(int(hit["seance_date"][:4]))
        collectivites |= {str(f["value"]) for f in data["facets"].get("collectivite", [])}
    page_urls = {u for u in page_urls if re.fullmatch(r"/documents/\d+/pages/\d+/", u)}
    if not (seance_ids and deliberation_ids and page_urls):
        raise SystemExit("crawl: the portal shows no séance, délibération or searchable page")
    return Site(sorted(seance_ids), pages, sorted(deliberation_ids), sorted(page_urls), sorted(collectivites),
                sorted(years) or [2020])


# ---------------------------------------------------------------------------------------------------------------
# Hostile requests

HOSTILE_TEXTS = [
    "x" * 10_000, "é" * 3000, "budget " * 1400, "\\" * 1000, "[" * 50_000, "{" * 5000,
    "\ud800 budget", "budget \udfff", "\udc00", "\x00budget", "budget\x00\x00", "%00", "%ED%A0%80",
    "'", "''", "budget'", "&|!:*()", "budget & | ! conseil", "budget <-> conseil", "<->", "a:*", "!!!", "((((",
    "))", "budget:*A", "\"budget", "\"budget \"conseil", '"""', "-", "- - -", "--", "-budget", "OR OR OR",
    "AND AND", "NOT", "budget OR", "*", "?", "'; DROP TABLE council_document; --", "' OR 1=1 --",
    "\\'; SELECT pg_sleep(30); --", "1; SELECT pg_sleep(30)", "%", "_", "%%%%", "\\x00", "$$", "E'\\\\'",
    "💥" * 500, "🏛️ conseil", "𝕓𝕦𝕕𝕘𝕖𝕥", "👨‍👩‍👧‍👦" * 50, "مجلس البلدية الميزانية", "\u202ebudget\u202c", "\u200f\u200e",
    "תקציב העירייה", "\ufeff", "\u2028\u2029", "\r\n\t", " ", "", "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>", "javascript:alert(1)", "{{ 7*7 }}", "{% debug %}", "${7*7}",
    "../../../../etc/passwd", "..\\..\\windows\\win.ini", "NaN", "null", "1e999999", "-1", "0", "9" * 40,
    "budget " + "a" * 4000, "cantine" + "\u0301" * 2000,
]
HOSTILE_ALPHABET = "[]{}\\\"'%_*:()<>|&!~^$@#,;.?-+=/ \t\n" + "budgetconseil" + "éèàçœ" + "\ud800\udc00\x00\x7f\u2028💥ء"
HOSTILE_NUMBERS = ["-1", "0", "-99999999999999999999", "99999999999999999999999999", "1e9", "abc", "1.5", " 2",
                   "0x10", "２", "", "%", "9" * 300, "\x00", "\ud800"]
HOSTILE_DATES = ["2024-13-45", "0000-00-00", "9999-12-31", "99999-01-01", "-2024-01-01", "2024-02-30", "aujourd'hui",
                 "2024-01-01T00:00:00+99:00", "1900-01-01", "2024/01/01", "", "\x00", "2024-01-01" + "0" * 500]
HOSTILE_CHOICES = ["zzz", "' OR 1=1", "ADOPTEE", "adoptee;DROP", "💥", "\ud800", "-1", "99999999999999999999"]
CONTENT_TYPES = ["application/json", "application/json; charset=utf-8", "application/json; charset=utf-16",
                 "text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=xyz",
                 "multipart/form-data", "application/xml", "", "application/json; charset=\x7f"]


def hostile_text(rng: random.Random) -> str:
    roll = rng.random()
    if roll < 0.45:
        return rng.choice(HOSTILE_TEXTS)
    if roll < 0.7:
        return rng.choice(["", "budget ", "cantine "]) + "".join(
            rng.choice(HOSTILE_ALPHABET) for _ in range(rng.choice([1, 5, 30, 200, 1500])))
    return rng.choice(KEYWORDS) + " " + rng.choice(HOSTILE_TEXTS)[:300] + " " + rng.choice(KEYWORDS)


def _search_params(rng: random.Random, text: str, site: Site) -> list[tuple[str, str | bytes]]:
    params: list[tuple[str, str | bytes]] = [("q", text)]
    candidates = [
        ("mode", lambda: rng.choice(["keyword", "semantic", "hybrid", "fuzzy", "", "💥", text[:20]])),
        ("page", lambda: rng.choice(HOSTILE_NUMBERS)),
        ("page_size", lambda: rng.choice(HOSTILE_NUMBERS + ["50", "51", "1000000"])),
        ("date_from", lambda: rng.choice(HOSTILE_DATES)),
        ("date_to", lambda: rng.choice(HOSTILE_DATES)),
        ("collectivite", lambda: rng.choice(HOSTILE_NUMBERS + site.collectivite_ids + HOSTILE_CHOICES)),
        ("body", lambda: rng.choice(HOSTILE_NUMBERS)),
        ("kind", lambda: rng.choice(HOSTILE_CHOICES + ["pv", "proces_verbal"])),
        ("outcome", lambda: rng.choice(HOSTILE_CHOICES)),
        ("sort", lambda: rng.choice(["date", "relevance", "-date", "💥"])),
    ]
    for name, value in rng.sample(candidates, rng.randint(0, len(candidates))):
        params.append((name, value()))
        if rng.random() < 0.1:  # a repeated parameter
            params.append((name, value()))
    if rng.random() < 0.05:
        params.append(("q", b"\xff\xfe\xc0\xafbudget"))  # invalid UTF-8
    return params


def _ask_body(rng: random.Random, text: str) -> tuple[bytes, str]:
    """A body for POST /api/v1/ask, and its content type."""
    roll = rng.random()
    content_type = "application/json" if rng.random() < 0.75 else rng.choice(CONTENT_TYPES)
    if roll < 0.4:
        body = json.dumps({"question": text}).encode()
    elif roll < 0.5:
        body = json.dumps({"question": text}, ensure_ascii=False).encode("utf-8", "surrogatepass")
    elif roll < 0.6:
        body = text.encode("utf-8", "surrogatepass")
    else:
        body = rng.choice([
            b"[" * 50_000, b'{"question":' * 5000, b'{"question": "budget"' + b"}" * 1000,
            json.dumps({"question": "budget " * 20_000}).encode(), b'{"question": "' + b"a" * 1_000_000 + b'"}',
            b'{"question": "\\ud800 budget"}', b'{"question": "budget\\u0000"}', b'{"question": "\xff\xfe budget"}',
            b'{"question": 12}', b'{"question": null}', b'{"question": ["budget"]}', b'{"question": {"$gt": ""}}',
            b"[]", b"null", b"1e999999", b'"budget"', b"", b"{", b'{"question": "budget", "question": "x"}',
            b'{"question": "' + b"\\\\" * 1000 + b'"}', b"\xef\xbb\xbf{\"question\": \"budget\"}",
            "{\"question\": \"quel budget ?\"}".encode("utf-16"),
        ])
    return body, content_type


def _feedback_body(rng: random.Random, text: str) -> bytes:
    return rng.choice([
        json.dumps({"feedback_token": text, "useful": True}).encode(),
        json.dumps({"feedback_token": text[:200], "useful": "yes", "comment": text}).encode(),
        json.dumps({"feedback_token": "1:abc:def", "useful": False, "comment": text[:2000]}).encode(),
        json.dumps({"feedback_token": None, "useful": None}).encode(),
        json.dumps({"feedback_token": ["x"], "useful": 1}).encode(),
        text.encode("utf-8", "surrogatepass"), b"[" * 50_000, b'{"feedback_token": "\\ud800", "useful": true}',
        b"[1, 2]", b"",
    ])


def _page_path(rng: random.Random, site: Site) -> str:
    document, number = re.fullmatch(r"/documents/(\d+)/pages/(\d+)/", rng.choice(site.page_urls)).groups()
    huge = "9" * rng.choice([11, 20, 40, 300])
    return rng.choice([
        f"/documents/{document}/pages/{huge}/", f"/documents/{huge}/pages/1/", f"/documents/{document}/pages/0/",
        f"/documents/{document}/pages/-1/", f"/documents/{document}/pages/{huge}.png",
        f"/documents/{huge}/pages/{number}.png", f"/documents/{document}/pages/0.png",
        f"/documents/{document}/pages/../../../../etc/passwd", f"/documents/{document}/pages/..%2F..%2F..%2Fetc%2Fpasswd/",
        "/documents/%2e%2e/%2e%2e/config/settings.py", f"/documents/{document}/pages/{number}/%2e%2e/%2e%2e/",
        f"/documents/{document}/pages/{number}.png/../../original.pdf", f"/documents/{document}/original.pdf",
        f"/documents/{huge}/original.pdf", f"/documents/{huge}/", f"/documents/{document}/pages/{number}%00/",
        f"/documents/{document}/pages/%ED%A0%80/", f"/documents/{document}/pages/{number}.png%00.html",
        "/documents/..%5c..%5cwindows%5cwin.ini/pages/1/", f"/documents/{document}/pages/%EF%BC%91/",
        f"/seances/{huge}/", f"/deliberations/{huge}/", f"/seances/{rng.choice(site.seance_ids)}/%FF%FE/",
        f"/api/v1/seances/{huge}", f"/api/v1/deliberations/{huge}", f"/api/v1/documents/{huge}",
        "/static/../config/settings.py", "/static/%2e%2e/%2e%2e/etc/passwd", "/media/originals/",
    ])


def _list_request(rng: random.Random, text: str, site: Site) -> Request:
    target = rng.choice(["/seances/", "/deliberations/", "/api/v1/seances", "/api/v1/deliberations",
                         "/exports/deliberations.csv", "/flux/deliberations.rss"])
    candidates = [
        ("page", lambda: rng.choice(HOSTILE_NUMBERS + ["last", "999999"])),
        ("page_size", lambda: rng.choice(HOSTILE_NUMBERS + ["100000"])),
        ("year", lambda: rng.choice(HOSTILE_NUMBERS + ["2024"])),
        ("collectivite", lambda: rng.choice(HOSTILE_NUMBERS + HOSTILE_CHOICES + site.collectivite_ids)),
        ("body", lambda: rng.choice(HOSTILE_NUMBERS)),
        ("date_from", lambda: rng.choice(HOSTILE_DATES)),
        ("date_to", lambda: rng.choice(HOSTILE_DATES)),
        ("outcome", lambda: rng.choice(HOSTILE_CHOICES)),
        ("q", lambda: text[:3000]),
    ]
    params = [(name, value()) for name, value in rng.sample(candidates, rng.randint(1, 4))]
    endpoint = "list " + target.rstrip("/")
    return Request(endpoint, "filters", "GET", target + "?" + query(params))


def hostile_requests(*, seed: int, count: int, site: Site) -> list[Request]:
    """`count` hostile requests, the same for the same seed and the same crawled site."""
    rng = random.Random(seed)
    made: list[Request] = []
    kinds = ["search_page", "search_api", "question_page", "ask_api", "ask_api", "feedback_api", "feedback_form",
             "pages", "lists", "misc"]
    while len(made) < count:
        kind = kinds[len(made) % len(kinds)]
        text = hostile_text(rng)
        label = repr(text[:40])
        if kind == "search_page":
            made.append(Request("GET /recherche/", label, "GET", "/recherche/?" + query(_search_params(rng, text, site))))
        elif kind == "search_api":
            made.append(Request("GET /api/v1/search", label, "GET", "/api/v1/search?" + query(_search_params(rng, text, site))))
        elif kind == "question_page":
            made.append(Request("GET /questions/", label, "GET", "/questions/?" + query([("q", text)])))
        elif kind == "ask_api":
            body, content_type = _ask_body(rng, text)
            headers = {"Content-Type": content_type} if content_type else {}
            made.append(Request("POST /api/v1/ask", f"{content_type or 'no type'} {body[:30]!r}", "POST",
                                "/api/v1/ask", body, headers))
        elif kind == "feedback_api":
            body = _feedback_body(rng, text)
            made.append(Request("POST /api/v1/ask/feedback", repr(body[:40]), "POST", "/api/v1/ask/feedback", body,
                                {"Content-Type": rng.choice(CONTENT_TYPES[:4])}))
        elif kind == "feedback_form":
            body = query([("token", text[:500]), ("useful", rng.choice(["1", "0", "2", "", text[:10]])),
                          ("comment", text)]).encode()
            made.append(Request("POST /questions/avis", label, "POST", "/questions/avis", body,
                                {"Content-Type": "application/x-www-form-urlencoded"}))
        elif kind == "pages":
            path = _page_path(rng, site)
            made.append(Request("GET pages by id", path[:60], rng.choice(["GET", "GET", "HEAD"]), path))
        elif kind == "lists":
            made.append(_list_request(rng, text, site))
        else:
            made.append(rng.choice([
                Request("misc", "Host not allowed", "GET", "/", headers={"Host": "evil.example"}),
                Request("misc", "GET on a POST API", "GET", "/api/v1/ask?" + query([("question", text[:200])])),
                Request("misc", "PUT on the ask API", "PUT", "/api/v1/ask", b"{}", {"Content-Type": "application/json"}),
                Request("misc", "DELETE search", "DELETE", "/api/v1/search?q=budget"),
                Request("misc", "OPTIONS home", "OPTIONS", "/"),
                Request("misc", "TRACE home", "TRACE", "/"),
                Request("misc", "long URL", "GET", "/recherche/?q=" + "a" * 9000),
                Request("misc", "many headers", "GET", "/", headers={f"X-H{i}": "x" for i in range(120)}),
                Request("misc", "Content-Length lies", "POST", "/api/v1/ask", b'{"question": "budget"}',
                        {"Content-Type": "application/json", "Content-Length": "99999999999"}),
                Request("misc", "language cookie", "GET", "/", headers={"Cookie": "django_language=" + quote(text[:200].encode("utf-8", "surrogatepass"))}),
                Request("misc", "Accept-Language", "GET", "/seances/", headers={"Accept-Language": "💥;q=abc,,," + "x" * 100}),
                Request("misc", "set language", "POST", "/i18n/setlang/", query([("language", text[:50]), ("next", "//evil.example")]).encode(),
                        {"Content-Type": "application/x-www-form-urlencoded"}),
                Request("misc", "login bad CSRF", "POST", "/connexion/", query([("username", text[:300]), ("password", "x")]).encode(),
                        {"Content-Type": "application/x-www-form-urlencoded"}),
            ]))
    return made


# ---------------------------------------------------------------------------------------------------------------
# Running and reporting


def percentile(values: list[float], fraction: float) -> float:
    """Nearest rank."""
    ordered = sorted(values)
    return ordered[max(0, min(len(ordered) - 1, math.ceil(fraction * len(ordered)) - 1))] if ordered else 0.0


def status_class(status: int | None) -> str:
    return "no answer" if status is None else f"{status // 100}xx"


def report(results: list[Result], *, title: str) -> dict:
    """Per endpoint: count, status classes, errors, p50 / p95 / max in milliseconds; printed and returned."""
    per_endpoint: dict[str, list[Result]] = defaultdict(list)
    for result in results:
        per_endpoint[result.endpoint].append(result)
    rows = {}
    for endpoint, items in sorted(per_endpoint.items()):
        times = [r.seconds * 1000 for r in items]
        rows[endpoint] = {
            "count": len(items),
            "statuses": dict(sorted(Counter(str(r.status) for r in items).items())),
            "errors": sum(not r.expected for r in items),
            "p50_ms": round(percentile(times, 0.5)), "p95_ms": round(percentile(times, 0.95)), "max_ms": round(max(times)),
        }
    classes = dict(sorted(Counter(status_class(r.status) for r in results).items()))
    slowest = max(results, key=lambda r: r.seconds)
    summary = {
        "requests": len(results), "status_classes": classes, "statuses": dict(sorted(Counter(str(r.status) for r in results).items())),
        "errors": sum(not r.expected for r in results), "max_ms": round(slowest.seconds * 1000),
        "slowest": f"{slowest.endpoint} {slowest.label[:80]} → {slowest.status}",
        "endpoints": rows,
    }
    print(f"\n== {title}: {len(results)} requests, status classes {classes}, errors {summary['errors']}, "
          f"max {summary['max_ms']} ms ({summary['slowest']})")
    width = max(len(e) for e in rows)
    print(f"{'endpoint':<{width}}  {'count':>6} {'errors':>6} {'p50 ms':>7} {'p95 ms':>7} {'max ms':>7}  statuses")
    for endpoint, row in rows.items():
        print(f"{endpoint:<{width}}  {row['count']:>6} {row['errors']:>6} {row['p50_ms']:>7} {row['p95_ms']:>7} "
              f"{row['max_ms']:>7}  {row['statuses']}")
    return summary


def _write(path: str | None, data: dict) -> None:
    if path:
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        Path(path).write_text(json.dumps(data, ensure_ascii=False, indent=1))
        print(f"written: {path}")


def hostile_run(args: argparse.Namespace, url: str) -> int:
    site = site_crawl(Client(url))
    requests = hostile_requests(seed=args.seed, count=args.count, site=site)
    print(f"hostile: {len(requests)} requests (seed {args.seed}) from {args.clients} client addresses, "
          f"{args.concurrency} at a time, against {url}")
    results: list[Result] = []
    lock = threading.Lock()
    position = iter(enumerate(requests))

    def worker() -> None:
        while True:
            with lock:
                item = next(position, None)
            if item is None:
                return
            index, request = item
            result, _ = Client(url, source=client_address(index % args.clients), timeout=args.timeout).send(request)
            result.expected = result.status is not None and result.status < 500 and result.seconds <= SLOW_SECONDS
            with lock:
                results.append(result)
                if not result.expected:
                    print(f"  !! {request.method} {request.path[:120]!r} {result.label[:60]} → {result.status} "
                          f"{result.seconds:.1f} s {result.error}", flush=True)
                if len(results) % 100 == 0:
                    print(f"  {len(results)} done", flush=True)

    started = time.monotonic()
    threads = [threading.Thread(target=worker) for _ in range(args.concurrency)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    summary = report(results, title=f"hostile ({time.monotonic() - started:.0f} s)")
    fives = sum(1 for r in results if r.status is not None and r.status >= 500)
    slow = sum(1 for r in results if r.seconds > SLOW_SECONDS)
    lost = sum(1 for r in results if r.status is None)
    limited = summary["statuses"].get("429", 0)
    print(f"5xx: {fives}; over {SLOW_SECONDS:.0f} s: {slow}; without answer: {lost}; rate limited (429, expected): {limited}")
    _write(args.output, {"run": "hostile", "url": url, "seed": args.seed, "clients": args.clients,
                         "concurrency": args.concurrency, **summary,
                         "failures": [asdict(r) for r in results if not r.expected]})
    return 1 if fives or slow or lost else 0


def user_requests(rng: random.Random, site: Site) -> list[Request]:
    """One visit: the pages a citizen goes through, in a plausible order."""
    keyword, question = rng.choice(KEYWORDS), rng.choice(QUESTIONS)
    filters: list[tuple[str, str]] = []
    if site.collectivite_ids and rng.random() < 0.6:
        filters.append(("collectivite", rng.choice(site.collectivite_ids)))
    if rng.random() < 0.4:
        filters.append(("date_from", f"{rng.choice(site.years)}-01-01"))
    page_url = rng.choice(site.page_urls)
    ok = (200,)
    visit = [
        Request("GET /", "home", "GET", "/", ok=ok),
        Request("GET /seances/", "list", "GET", f"/seances/?page={rng.randint(1, site.seance_list_pages)}", ok=ok),
        Request("GET /seances/<id>/", "séance", "GET", f"/seances/{rng.choice(site.seance_ids)}/", ok=ok),
        Request("GET /deliberations/<id>/", "délibération", "GET", f"/deliberations/{rng.choice(site.deliberation_ids)}/", ok=ok),
        Request("GET /themes/", "thèmes", "GET", "/themes/?" + query(filters[:1]), ok=ok),
        Request("GET /deliberations/?theme=", "thème", "GET", f"/deliberations/?theme={rng.randint(1, 9)}", ok=ok),
        Request("GET /recherche/ keyword", keyword, "GET",
                "/recherche/?" + query([("q", keyword), ("mode", "keyword"), *filters]), ok=ok),
        Request("GET /recherche/ hybrid", keyword, "GET", "/recherche/?" + query([("q", keyword), ("mode", "hybrid")]), ok=ok),
        Request("GET /questions/", question, "GET", "/questions/?" + query([("q", question)]), ok=ok),
        Request("GET /api/v1/search", keyword, "GET", "/api/v1/search?" + query(
            [("q", keyword), ("mode", rng.choice(["hybrid", "semantic", "keyword"])), *filters]), ok=ok),
        Request("POST /api/v1/ask", question, "POST", "/api/v1/ask", json.dumps({"question": question}).encode(),
                {"Content-Type": "application/json"}, ok=ok),
        Request("GET /documents/<id>/pages/<n>/", page_url, "GET", page_url, ok=ok),
        Request("GET /documents/<id>/pages/<n>.png", page_url, "GET", page_url.rstrip("/") + ".png", ok=ok),
    ]
    if rng.random() < 0.2:  # an old link to a séance that is not there: a 404 is the right answer
        visit.append(Request("GET /seances/<missing>/ (404 expected)", "missing", "GET",
                             f"/seances/{max(site.seance_ids) + 100_000}/", ok=(404,)))
    rest = visit[4:]
    rng.shuffle(rest)  # after the browsing, searches, questions and pages in any order
    return visit[:4] + rest


def users_run(args: argparse.Namespace, url: str) -> int:
    site = site_crawl(Client(url))
    print(f"users: {args.users} users for {args.minutes} min against {url}; crawled {len(site.seance_ids)} séances, "
          f"{len(site.deliberation_ids)} délibérations, {len(site.page_urls)} pages, collectivités {site.collectivite_ids}")
    deadline = time.monotonic() + args.minutes * 60
    results: list[Result] = []
    lock = threading.Lock()

    def user(index: int) -> None:
        rng = random.Random(args.seed * 1000 + index)
        client = Client(url, source=client_address(index), timeout=args.timeout)
        time.sleep(rng.uniform(0, args.think_max))  # users arrive spread out, not all in the same second
        while time.monotonic() < deadline:
            for request in user_requests(rng, site):
                if time.monotonic() >= deadline:
                    return
                result, _ = client.send(request)
                result.expected = result.status in request.ok
                with lock:
                    results.append(result)
                    if not result.expected:
                        print(f"  !! user {index} {request.method} {request.path[:100]} → {result.status} "
                              f"{result.seconds:.1f} s {result.error}", flush=True)
                time.sleep(rng.uniform(args.think_min, args.think_max))

    def progress() -> None:
        while time.monotonic() < deadline:
            time.sleep(30)
            with lock:
                print(f"  {len(results)} requests, {sum(not r.expected for r in results)} errors", flush=True)

    started = time.monotonic()
    threads = [threading.Thread(target=user, args=(i,)) for i in range(args.users)]
    threading.Thread(target=progress, daemon=True).start()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.monotonic() - started
    summary = report(results, title=f"{args.users} users, {elapsed:.0f} s, {len(results) / elapsed:.1f} requests/s")
    _write(args.output, {"run": "users", "url": url, "users": args.users, "minutes": args.minutes, "seed": args.seed,
                         "seconds": round(elapsed), "requests_per_second": round(len(results) / elapsed, 2), **summary,
                         "failures": [asdict(r) for r in results if not r.expected]})
    return 1 if summary["errors"] else 0


# ---------------------------------------------------------------------------------------------------------------
# The server as production runs it


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _wait_until_up(url: str, process: subprocess.Popen, *, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"the server exited ({process.returncode}) before answering; see its log")
        result, _ = Client(url, timeout=10).send(Request("start", "start", "GET", "/"))
        if result.status == 200:
            return
        time.sleep(1)
    raise SystemExit(f"no answer from {url} within {seconds:.0f} s")


def _stop(process: subprocess.Popen, *, seconds: float) -> None:
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(seconds)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


@contextlib.contextmanager
def production_server(*, log_path: Path, environment: dict[str, str] | None = None):
    """gunicorn -c config/gunicorn.conf.py config.wsgi:application (the Dockerfile's command) with DEBUG off, a
    random secret key, HTTPS behind a proxy as docker-compose.yml sets it, and a Redis of its own for the cache
    and the broker; yields the URL and stops both afterwards."""
    if shutil.which("redis-server") is None:
        raise SystemExit("redis-server is needed (Debian: apt-get install redis-server)")
    if importlib.util.find_spec("gunicorn") is None:
        raise SystemExit("gunicorn is not installed: pip install gunicorn==23.0.0 (the Dockerfile's), or "
                         "pip install --target DIR gunicorn==23.0.0 and PYTHONPATH=DIR")
    work = Path(tempfile.mkdtemp(prefix="council-load-"))
    redis_port, web_port = free_port(), free_port()
    redis = subprocess.Popen(
        ["redis-server", "--port", str(redis_port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
         "--dir", str(work)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    data_dir = Path(os.environ.get("COUNCIL_DATA_DIR", BASE_DIR / "var")).resolve()
    # Page images rendered during the run go to a folder of the run (the originals are read where they are), so
    # that the run leaves the data folder as it found it.
    media = work / "media"
    media.mkdir()
    (media / "originals").symlink_to(data_dir / "media" / "originals")
    env = {
        **os.environ,
        "COUNCIL_DATA_DIR": str(data_dir),
        "MEDIA_ROOT": str(media),
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_ALLOWED_HOSTS": f"127.0.0.1:{web_port},127.0.0.1",
        "DJANGO_HTTPS": "1",
        "DJANGO_BEHIND_PROXY": "1",
        "CACHE_URL": f"redis://127.0.0.1:{redis_port}/1",
        "CELERY_BROKER_URL": f"redis://127.0.0.1:{redis_port}/0",
        "GUNICORN_BIND": f"127.0.0.1:{web_port}",
        **(environment or {}),
    }
    shown = {k: env[k] for k in ("COUNCIL_DATA_DIR", "MEDIA_ROOT", "DJANGO_DEBUG", "DJANGO_ALLOWED_HOSTS", "DJANGO_HTTPS",
                                  "DJANGO_BEHIND_PROXY", "CACHE_URL", "CELERY_BROKER_URL", "GUNICORN_BIND")}
    shown.update({k: v for k, v in env.items() if k in ("WEB_CONCURRENCY", "GUNICORN_THREADS", "ASK_RATE_LIMIT_PER_MINUTE",
                                                         "SEARCH_RATE_LIMIT_PER_MINUTE", "EMBEDDINGS_BIND_THREADS")})
    print("server environment: " + " ".join(f"{k}={v}" for k, v in shown.items()) + " DJANGO_SECRET_KEY=<random>")
    log_path.parent.mkdir(parents=True, exist_ok=True)
    log = open(log_path, "w")
    web = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "-c", "config/gunicorn.conf.py", "config.wsgi:application"],
        cwd=BASE_DIR, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    url = f"http://127.0.0.1:{web_port}"
    try:
        _wait_until_up(url, web, seconds=180)
        print(f"serving {url} (gunicorn {web.pid}, redis {redis.pid}, log {log_path})", flush=True)
        yield url
    finally:
        _stop(web, seconds=40)
        _stop(redis, seconds=10)
        log.close()
        shutil.rmtree(work, ignore_errors=True)
        errors = [line for line in log_path.read_text(errors="replace").splitlines()
                  if "Internal Server Error" in line or "Traceback" in line or "[CRITICAL]" in line]
        print(f"server stopped; server log {log_path}: {len(errors)} line(s) with a traceback or a 500")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.load", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    serve = commands.add_parser("serve", help="start gunicorn and Redis as in production and wait")
    serve.add_argument("--log", default="var-load/gunicorn.log")
    runs = []
    hostile = commands.add_parser("hostile", help="hostile inputs on every public entry point")
    hostile.add_argument("--count", type=int, default=1200)
    hostile.add_argument("--concurrency", type=int, default=4)
    hostile.add_argument("--clients", type=int, default=64, help="distinct client addresses the requests come from")
    hostile.add_argument("--timeout", type=float, default=30.0)
    runs.append(hostile)
    users = commands.add_parser("users", help="simulated citizens browsing, searching and asking")
    users.add_argument("--users", type=int, default=50)
    users.add_argument("--minutes", type=float, default=5.0)
    users.add_argument("--think-min", type=float, default=1.0)
    users.add_argument("--think-max", type=float, default=3.0)
    users.add_argument("--timeout", type=float, default=60.0)
    runs.append(users)
    for sub in runs:
        target = sub.add_mutually_exclusive_group(required=True)
        target.add_argument("--url", help="a running server, e.g. http://127.0.0.1:8000")
        target.add_argument("--serve", action="store_true", help="start gunicorn and Redis as production does, for this run")
        sub.add_argument("--seed", type=int, default=15)
        sub.add_argument("--output", help="JSON summary written here")
        sub.add_argument("--log", default="var-load/gunicorn.log", help="server log, with --serve")
    args = parser.parse_args(argv)
    os.chdir(BASE_DIR)
    run = {"hostile": hostile_run, "users": users_run}.get(args.command)
    if run is None:
        with production_server(log_path=Path(args.log)) as url:
            print("Ctrl-C (or SIGTERM) stops it.", flush=True)
            signal.signal(signal.SIGTERM, signal.default_int_handler)
            with contextlib.suppress(KeyboardInterrupt):
                signal.pause()
        return 0
    if args.url:
        return run(args, args.url.rstrip("/"))
    with production_server(log_path=Path(args.log)) as url:
        return run(args, url)


if __name__ == "__main__":
    sys.exit(main())
