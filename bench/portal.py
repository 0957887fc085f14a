#!/usr/bin/env python3
"""Drives the portal through its real forms for the bench scripts (python3 standard library only, loopback only).

  python3 bench/portal.py fixtures PORT DB     records that province data lacks, so every page type has an id:
                                               a published 2025 report, an inspection on a pairing of demo.liaison's
                                               unit and one on demo.secretary's community, an activity with a PNG as
                                               evidence, a draft amendment of an agreement of the liaison's unit.
                                               Idempotent; prints shell assignments (KEY=value) for pages.sh.
  python3 bench/portal.py writers PORT DB N EACH   N concurrent liaison sessions each log EACH activities through
                                               GET /Activities/Log + POST; prints per-POST latency figures.
"""
import re
import html.parser
import http.cookiejar
import sqlite3
import statistics
import struct
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
import zlib
from datetime import date, timedelta

PASSWORD = "Demo@2026pass"


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Forms(html.parser.HTMLParser):
    """Every form of a page with the values a browser would send unchanged (inputs, checked boxes, selected options)."""

    def __init__(self):
        super().__init__()
        self.forms, self._form, self._select = [], None, None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            self._form = {"action": a.get("action", ""), "method": a.get("method", "get").lower(),
                          "enctype": a.get("enctype", ""), "fields": []}
            self.forms.append(self._form)
        elif self._form is None:
            return
        elif tag == "input" and a.get("name"):
            kind = a.get("type", "text")
            if kind in ("checkbox", "radio") and "checked" not in a:
                return
            if kind not in ("file", "submit", "button"):
                self._form["fields"].append((a["name"], a.get("value", "on" if kind == "checkbox" else "")))
        elif tag == "textarea" and a.get("name"):
            self._form["fields"].append((a["name"], ""))
        elif tag == "select" and a.get("name"):
            self._select = [a["name"], None, None]
        elif tag == "option" and self._select is not None:
            if self._select[1] is None:
                self._select[1] = a.get("value", "")
            if "selected" in a:
                self._select[2] = a.get("value", "")

    def handle_endtag(self, tag):
        if tag == "select" and self._select is not None and self._form is not None:
            name, first, chosen = self._select
            self._form["fields"].append((name, chosen if chosen is not None else (first or "")))
            self._select = None
        elif tag == "form":
            self._form = None


class Session:
    def __init__(self, port, user):
        self.base = f"http://127.0.0.1:{port}"
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar), NoRedirect())
        page = self.get("/Account/Login")
        status, location = self.submit(page, "/Account/Login", {"UserName": user, "Password": PASSWORD})
        if status != 302:
            raise RuntimeError(f"login of {user} failed: HTTP {status}")

    def request(self, path, data=None, headers=None, timeout=120):
        req = urllib.request.Request(self.base + path, data=data, headers=headers or {})
        try:
            with self.opener.open(req, timeout=timeout) as r:
                return r.status, r.read().decode("utf-8", "replace"), r.headers.get("Location")
        except urllib.error.HTTPError as e:
            return e.code, e.read().decode("utf-8", "replace"), e.headers.get("Location")

    def get(self, path):
        status, body, _ = self.request(path)
        if status != 200:
            raise RuntimeError(f"GET {path}: HTTP {status}")
        return body

    @staticmethod
    def form(page, action_contains):
        parser = Forms()
        parser.feed(page)
        for f in parser.forms:
            if f["method"] == "post" and action_contains.lower() in f["action"].lower():
                return f
        raise RuntimeError(f"no form posting to {action_contains}")

    def submit(self, page, action_contains, overrides=None, files=None):
        """Posts the form of `page` whose action contains `action_contains`, some fields replaced; returns (status, Location)."""
        return self.send(self.prepare(page, action_contains, overrides, files))

    def prepare(self, page, action_contains, overrides=None, files=None):
        """The request a browser would send for that form (path, body, headers): the page is parsed here, not while timed."""
        f = self.form(page, action_contains)
        overrides = dict(overrides or {})
        fields = [(k, overrides.pop(k) if k in overrides else v) for k, v in f["fields"]]
        fields += list(overrides.items())
        action = urllib.parse.unquote(f["action"].replace("&amp;", "&"))
        if "multipart" in f["enctype"]:
            boundary = uuid.uuid4().hex
            body = b""
            for k, v in fields:
                body += f'--{boundary}\r\nContent-Disposition: form-data; name="{k}"\r\n\r\n{v}\r\n'.encode()
            for k, (name, content_type, data) in (files or {}).items():
                body += f'--{boundary}\r\nContent-Disposition: form-data; name="{k}"; filename="{name}"\r\nContent-Type: {content_type}\r\n\r\n'.encode() + data + b"\r\n"
            body += f"--{boundary}--\r\n".encode()
            headers = {"Content-Type": f"multipart/form-data; boundary={boundary}"}
        else:
            body = urllib.parse.urlencode(fields).encode()
            headers = {"Content-Type": "application/x-www-form-urlencoded"}
        return urllib.parse.quote(action, safe="/?=&"), body, headers

    def send(self, prepared):
        path, body, headers = prepared
        status, page, location = self.request(path, body, headers)
        self.last_refusal = " / ".join(dict.fromkeys(m.strip() for m in re.findall(r'class="[^"]*(?:field-validation-error|validation-summary-errors)[^"]*"[^>]*>(?:<ul>)?(?:<li>)?([^<]+)', page or ""))) if status == 200 else ""
        return status, location


def png(width=4, height=4):
    raw = b"".join(b"\x00" + bytes([200, 60, 60]) * width for _ in range(height))
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)) + \
        chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")


def last_id(location):
    return int(location.rstrip("/").split("/")[-1].split("?")[0])


def liaison_pairings(db):
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as c:
        return c.execute("SELECT p.Id, p.StartDate FROM Pairings p JOIN AspNetUsers u ON u.UnitId = p.UnitId "
                         "WHERE u.UserName = 'demo.liaison' AND p.Status = 2 ORDER BY p.Id").fetchall()


def fixtures(port, db):
    c = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    one = lambda sql: (c.execute(sql).fetchone() or [None])[0]
    unit = one("SELECT UnitId FROM AspNetUsers WHERE UserName = 'demo.liaison'")
    community = one("SELECT CommunityId FROM AspNetUsers WHERE UserName = 'demo.secretary'")
    unit_pairing = one(f"SELECT Id FROM Pairings WHERE UnitId = {unit} AND Status = 2 ORDER BY Id")
    community_pairing = one(f"SELECT Id FROM Pairings WHERE CommunityId = {community} AND Status = 2 ORDER BY Id")
    out = {}
    office = liaison = None

    period = one("SELECT p.Id FROM AssessmentPeriods p WHERE EXISTS (SELECT 1 FROM PublishedReports r WHERE r.PeriodId = p.Id) ORDER BY p.Year DESC LIMIT 1")
    if period is None:
        office = office or Session(port, "demo.office")
        existing = one("SELECT Id FROM AssessmentPeriods WHERE Year = 2025 AND Quarter IS NULL")
        if existing is None:
            status, location = office.submit(office.get("/Assessment"), "/Assessment/Create", {"year": "2025", "quarter": ""})
            existing = last_id(location)
        for step in ("Close", "Publish"):
            page = office.get(f"/Assessment/Details/{existing}")
            try:
                office.submit(page, f"/Assessment/{step}/")
            except RuntimeError:
                pass  # that step was done by an earlier run
        period = existing
    out["PERIOD_ID"] = period
    if one(f"SELECT COUNT(*) FROM PublishedReports WHERE PeriodId = {period} AND IsPublic") == 0:
        # 公示: the public pages are timed for anonymous visitors.
        office = office or Session(port, "demo.office")
        office.submit(office.get(f"/Assessment/Details/{period}"), f"/Assessment/SetPublic/")

    for key, pairing in (("INSPECTION_UNIT", unit_pairing), ("INSPECTION_COMMUNITY", community_pairing)):
        found = one(f"SELECT Id FROM Inspections WHERE PairingId = {pairing} ORDER BY Id LIMIT 1")
        if found is None:
            office = office or Session(port, "demo.office")
            page = office.get(f"/Inspections/Record?pairingId={pairing}")
            status, location = office.submit(page, "/Inspections/Record", {"Score": "86", "Date": "2025-11-20"})
            found = last_id(location)
        out[key] = found

    row = c.execute(f"SELECT e.Id, e.ActivityId FROM EvidenceFiles e JOIN Activities a ON a.Id = e.ActivityId "
                    f"WHERE a.PairingId = {unit_pairing} LIMIT 1").fetchone()
    if row is not None:  # a row whose file is in another evidence store (Evidence:Root) does not count
        liaison = liaison or Session(port, "demo.liaison")
        if liaison.request(f"/Evidence/{row[0]}")[0] != 200:
            row = None
    if row is None:
        liaison = liaison or Session(port, "demo.liaison")
        page = liaison.get(f"/Activities/Log?pairingId={unit_pairing}")
        status, location = liaison.submit(page, "/Activities/Log", {
            "PairingId": str(unit_pairing), "Date": "2025-06-18", "Category": "EnvironmentalCleanup",
            "Title": "bench fixture: clean-up with a photo", "PeopleSent": "6", "PersonHours": "18", "Funds": "0", "PeopleServed": "40"},
            files={"files": ("photo.png", "image/png", png())})
        if status != 302:
            raise RuntimeError(f"logging the evidence fixture: HTTP {status}")
        activity = last_id(location)
        row = sqlite3.connect(f"file:{db}?mode=ro", uri=True).execute(
            f"SELECT Id, ActivityId FROM EvidenceFiles WHERE ActivityId = {activity}").fetchone()
    out["EVIDENCE_ID"], out["EVIDENCE_ACTIVITY"] = row

    draft = one(f"SELECT g.Id FROM Agreements g JOIN Pairings p ON p.Id = g.PairingId WHERE p.UnitId = {unit} AND g.Status = 1 ORDER BY g.Id LIMIT 1")
    if draft is None:
        liaison = liaison or Session(port, "demo.liaison")
        filed = one(f"SELECT Id FROM Agreements WHERE PairingId = {unit_pairing} AND Status = 4 ORDER BY Id LIMIT 1")
        status, location = liaison.submit(liaison.get(f"/Agreements/Details/{filed}"), f"/Agreements/Amend/{filed}")
        draft = last_id(location)
    out["DRAFT_AGREEMENT"] = draft
    for k, v in out.items():
        print(f"{k}={v}")


def writers(port, db, n, each):
    """n liaisons logging activities at once, each in its own process (threads of one Python would wait on each other's
    parsing under the GIL and count it as the portal's time). Each writer signs in and logs one activity untimed first
    (the portal's first post compiles its queries, once per process lifetime), then the timed posts: the timer covers
    the POST's round trip only; the form page is fetched and parsed before it, as a browser has the form on screen."""
    import multiprocessing
    pairings = liaison_pairings(db)
    today = date.today()
    run = uuid.uuid4().hex[:6]
    context = multiprocessing.get_context("fork")
    gate = context.Barrier(n)
    results = context.Queue()

    def post(s, w, i, k):
        # distinct (pairing, date) for every post of the run: no near-duplicate refusal, never before the pairing's start
        pairing, started = pairings[k % len(pairings)]
        day = today - timedelta(days=1 + k // len(pairings))
        if day.isoformat() < started:
            return None, f"writer {w}: ran out of dates"
        page = s.get(f"/Activities/Log?pairingId={pairing}")
        prepared = s.prepare(page, "/Activities/Log", {
            "PairingId": str(pairing), "Date": day.isoformat(), "Category": "Visits",
            "Title": f"bench {run} writer {w} visit {i}", "Description": "load test", "PeopleSent": "3",
            "PersonHours": "9", "Funds": "0", "PeopleServed": "12"}, files={})
        t0 = time.perf_counter()
        status, location = s.send(prepared)
        elapsed = (time.perf_counter() - t0) * 1000
        if status == 302 and "/Activities/Details/" in (location or ""):
            return elapsed, None
        return None, f"writer {w} post {i}: HTTP {status} {s.last_refusal}"

    def work(w):
        latencies, errors = [], []
        try:
            s = Session(port, "demo.liaison")
            _, error = post(s, w, -1, n * each + w)  # the warm-up post, on dates after the timed ones'
            if error:
                errors.append(error)
            gate.wait()
            for i in range(each):
                try:
                    elapsed, error = post(s, w, i, i * n + w)
                except Exception as e:  # timeouts, refused connections
                    elapsed, error = None, f"writer {w} post {i}: {e}"
                if elapsed is not None:
                    latencies.append(elapsed)
                if error:
                    errors.append(error)
                    if "ran out of dates" in error:
                        break
        except Exception as e:
            errors.append(f"writer {w}: {e}")
            gate.abort()
        results.put((latencies, errors))

    processes = [context.Process(target=work, args=(w,)) for w in range(n)]
    began = time.perf_counter()
    for p in processes:
        p.start()
    gathered = [results.get() for _ in processes]
    for p in processes:
        p.join()
    wall = time.perf_counter() - began
    latencies = sorted(x for l, _ in gathered for x in l)
    errors = [e for _, es in gathered for e in es]
    p = lambda q: latencies[min(len(latencies) - 1, int(round(q * (len(latencies) - 1))))] if latencies else float("nan")
    print(f"writers={n} posts_each={each} ok={len(latencies)} errors={len(errors)} wall_s={wall:.1f} (sign-in and one warm-up post each included)")
    print(f"post_ms median={statistics.median(latencies) if latencies else float('nan'):.1f} p90={p(0.90):.1f} p99={p(0.99):.1f} max={latencies[-1] if latencies else float('nan'):.1f}")
    for e in errors[:10]:
        print(f"error: {e}")


if __name__ == "__main__":
    command = sys.argv[1]
    if command == "fixtures":
        fixtures(int(sys.argv[2]), sys.argv[3])
    elif command == "writers":
        writers(int(sys.argv[2]), sys.argv[3], int(sys.argv[4]), int(sys.argv[5]))
    else:
        sys.exit(__doc__)
