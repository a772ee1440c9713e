"""`make bench`: build the benchmark data set in its own database, serve it with gunicorn and load it with wrk.

    .venv/bin/python -m bench.run [--small] [--reuse] [--duration 20] [--port 8765]

With DATABASE_URL set it uses PostgreSQL: a database of its own named by BENCH_DATABASE_NAME
(default bench_cms) on the same server, created and dropped by the run. Otherwise a separate SQLite
file under bench/.data/. Results: a table on stdout and the same as JSON under bench/results/.
"""

import argparse
import datetime
import json
import os
import platform
import re
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from http.cookiejar import CookieJar
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "bench" / ".data"
RESULTS = ROOT / "bench" / "results"
PYTHON = sys.executable
TARGET_P95_MS = 150

# wrk reports mean and a few fixed percentiles; this script makes it print exact ones as JSON.
WRK_REPORT = """
done = function(summary, latency, requests)
  local errors = summary.errors
  io.write(string.format(
    "BENCH_JSON {\\"requests\\": %d, \\"duration_us\\": %d, \\"bytes\\": %d, "
    .. "\\"p50_us\\": %d, \\"p95_us\\": %d, \\"p99_us\\": %d, \\"max_us\\": %d, "
    .. "\\"non_2xx_3xx\\": %d, \\"socket_errors\\": %d}\\n",
    summary.requests, summary.duration, summary.bytes,
    latency:percentile(50), latency:percentile(95), latency:percentile(99), latency.max,
    errors.status, errors.connect + errors.read + errors.write + errors.timeout))
end
"""

# Each request posts a form with an address no other request uses.
WRK_FORM = """
local counter = 0
local threads = 0
setup = function(thread)
  -- setup runs in the main Lua state; the prefix becomes a global of the thread's own state.
  threads = threads + 1
  thread:set("prefix", "t" .. threads .. "-" .. os.time())
end
request = function()
  counter = counter + 1
  local email = prefix .. "-" .. counter .. "@bench.example.org"
  local body = string.gsub(BODY_TEMPLATE, "EMAIL_PLACEHOLDER", email)
  return wrk.format("POST", PATH, HEADERS, body)
end
"""


def log(message):
    print(message, file=sys.stderr, flush=True)


class Bench:
    def __init__(self, args):
        self.args = args
        self.size = "small" if args.small else "full"
        self.duration = args.duration or (3 if args.small else 20)
        self.warmup = args.warmup if args.warmup is not None else (1 if args.small else 5)
        self.env = dict(os.environ)
        self.env.update(
            {
                "DJANGO_DEBUG": "0",
                "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
                "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
                "DJANGO_INSECURE_HTTP": "1",
                "DJANGO_STATIC_ROOT": str(DATA / "static"),
                "DJANGO_LOG_LEVEL": "ERROR",
                "BENCH_REFERENCE_VIEW": "1",
                # One client address sends every form; the per-address limit would refuse most.
                "FORM_RATE_LIMIT": "100000000",
                "TASKS_BACKEND": "django_tasks.backends.dummy.DummyBackend",
                "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
            }
        )
        self.admin_url = None
        if os.environ.get("DATABASE_URL"):
            self.setup_postgres()
        else:
            DATA.mkdir(parents=True, exist_ok=True)
            self.db_label = "SQLite"
            self.sqlite = DATA / f"bench-{self.size}.sqlite3"
            self.env["SQLITE_PATH"] = str(self.sqlite)
        self.result = {
            "size": self.size,
            "database": self.db_label,
            "cache": "Redis" if os.environ.get("REDIS_URL") else "local memory (per worker)",
            "started": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
            "machine": machine(),
            "load": {"threads": 2, "connections": 8, "seconds": self.duration, "warmup_seconds": self.warmup},
            "server": "gunicorn, 2 sync workers, DEBUG off",
        }

    # --- database -----------------------------------------------------------------------------

    def setup_postgres(self):
        import psycopg

        url = urllib.parse.urlsplit(os.environ["DATABASE_URL"])
        name = os.environ.get("BENCH_DATABASE_NAME", "bench_cms")
        if not re.fullmatch(r"bench_[a-z0-9_]+", name):
            raise SystemExit("BENCH_DATABASE_NAME must start with bench_ (the run creates and drops it).")
        self.pg_name = name
        self.admin_url = os.environ["DATABASE_URL"]
        self.env["DATABASE_URL"] = urllib.parse.urlunsplit(url._replace(path=f"/{name}"))
        self.db_label = "PostgreSQL"
        self.psycopg = psycopg

    def pg_exec(self, sql):
        with self.psycopg.connect(self.admin_url, autocommit=True) as conn:
            conn.execute(sql)

    def build(self):
        if self.args.reuse and (self.admin_url is None and self.sqlite.exists()):
            log(f"== reusing {self.sqlite}")
            return
        if self.admin_url:
            self.pg_exec(f'DROP DATABASE IF EXISTS "{self.pg_name}"')
            self.pg_exec(f'CREATE DATABASE "{self.pg_name}"')
        else:
            for suffix in ("", "-wal", "-shm", "-journal"):
                Path(f"{self.sqlite}{suffix}").unlink(missing_ok=True)
        log(f"== building the {self.size} data set on {self.db_label}")
        self.manage("migrate", "--noinput", "-v0")
        self.manage("compile_catalogues")
        started = time.monotonic()
        generate = ["generate_bench_data"] + (["--small"] if self.args.small else [])
        output = self.manage(*generate, capture=True)
        log(output.strip())
        self.result["build_seconds"] = round(time.monotonic() - started, 1)
        self.manage("collectstatic", "--noinput", "-v0")

    def teardown(self):
        if self.admin_url and not self.args.keep:
            self.pg_exec(f'DROP DATABASE IF EXISTS "{self.pg_name}"')

    def manage(self, *args, capture=False, env=None):
        result = subprocess.run(
            [PYTHON, "manage.py", *args],
            cwd=ROOT,
            env=env or self.env,
            check=True,
            text=True,
            stdout=subprocess.PIPE if capture else None,
        )
        return result.stdout

    def measure(self, what, *extra):
        return json.loads(self.manage("bench_measure", what, *extra, capture=True))

    # --- server and load ----------------------------------------------------------------------

    def serve(self, page_cache):
        env = dict(self.env)
        env.update(
            {
                "PAGE_CACHE": "1" if page_cache else "0",
                "WEB_CONCURRENCY": "2",
                "GUNICORN_BIND": f"127.0.0.1:{self.args.port}",
                "GUNICORN_ACCESS_LOG": "/dev/null",
                "GUNICORN_LOG_LEVEL": "warning",
                # Recycling a worker mid-run would empty its local-memory cache.
                "GUNICORN_MAX_REQUESTS": "0",
            }
        )
        process = subprocess.Popen(
            [str(Path(PYTHON).parent / "gunicorn"), "-c", "deploy/gunicorn.conf.py", "cms.wsgi"],
            cwd=ROOT,
            env=env,
            start_new_session=True,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(self.url("/bench/minimal/"), timeout=2).read()
                return process
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                if process.poll() is not None:
                    raise SystemExit("gunicorn did not start") from None
                time.sleep(0.3)
        self.stop(process)
        raise SystemExit("gunicorn did not answer within 60 s")

    @staticmethod
    def stop(process):
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGTERM)
            try:
                process.wait(20)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()

    def url(self, path):
        return f"http://127.0.0.1:{self.args.port}{path}"

    def wrk(self, path, seconds, script_extra="", warmup=True):
        with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
            script.write(script_extra + WRK_REPORT)
        try:
            if warmup and self.warmup:
                subprocess.run(
                    ["wrk", "-t2", "-c8", f"-d{self.warmup}s", "-s", script.name, self.url(path)],
                    check=True,
                    capture_output=True,
                )
            run = subprocess.run(
                ["wrk", "-t2", "-c8", f"-d{seconds}s", "--timeout", "10s", "-s", script.name, self.url(path)],
                check=True,
                capture_output=True,
                text=True,
            )
        finally:
            os.unlink(script.name)
        line = next(line for line in run.stdout.splitlines() if line.startswith("BENCH_JSON "))
        raw = json.loads(line[len("BENCH_JSON ") :])
        seconds_run = raw["duration_us"] / 1e6
        return {
            "rps": round(raw["requests"] / seconds_run, 1),
            "p50_ms": round(raw["p50_us"] / 1000, 1),
            "p95_ms": round(raw["p95_us"] / 1000, 1),
            "p99_ms": round(raw["p99_us"] / 1000, 1),
            "requests": raw["requests"],
            "errors": raw["non_2xx_3xx"] + raw["socket_errors"],
        }

    def load_pages(self, targets, page_cache):
        label = "warm" if page_cache else "off"
        log(f"== page cache {label}: gunicorn with 2 workers")
        process = self.serve(page_cache)
        try:
            runs = {}
            for name, path in targets:
                runs[name] = self.wrk(path, self.duration)
                log(f"   {name:<22} {runs[name]['rps']:>8} req/s  p95 {runs[name]['p95_ms']} ms")
            if page_cache:
                self.result["forms"] = self.load_forms()
            return runs
        finally:
            self.stop(process)

    # --- forms --------------------------------------------------------------------------------

    def form_body(self, path, action_suffix, fields):
        """GET the page as a visitor, keep its cookies, and fill the form it shows."""
        jar = CookieJar()
        opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
        html = opener.open(self.url(path)).read().decode()
        hidden = dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', html))
        data = {**hidden, "website": "", **fields}
        cookies = "; ".join(f"{c.name}={c.value}" for c in jar)
        body = urllib.parse.urlencode(data).replace("EMAIL%5FPLACEHOLDER", "EMAIL_PLACEHOLDER")
        headers = {
            "Content-Type": "application/x-www-form-urlencoded",
            "Cookie": cookies,
            "Referer": self.url(path),
            "Origin": self.url(""),
        }
        return path + action_suffix, body, headers

    def wrk_form(self, path, body, headers, seconds):
        lua_headers = "{" + ", ".join(f'["{k}"] = "{v}"' for k, v in headers.items()) + "}"
        script = (
            f"local PATH = {json.dumps(path)}\nlocal BODY_TEMPLATE = {json.dumps(body)}\n"
            f"local HEADERS = {lua_headers}\n" + WRK_FORM
        )
        return self.wrk(path, seconds, script_extra=script, warmup=False)

    def load_forms(self):
        targets = self.measure("form-targets")
        seconds = max(2, self.duration // 2)
        result = {"seconds": seconds}
        # The time trap refuses forms sent sooner than FORM_MIN_SECONDS after they were shown.
        prepared = {}
        if targets["circle"]:
            fields = {"name": "Bench Learner", "email": "EMAIL_PLACEHOLDER", "consent": "on"}
            prepared["signups"] = self.form_body(targets["circle"]["path"], "", fields)
        if targets["gathering"]:
            fields = {
                "name": "Bench Guest",
                "email": "EMAIL_PLACEHOLDER",
                "circles_facilitated": "1",
                "privacy_consent": "on",
            }
            prepared["registrations"] = self.form_body(targets["gathering"]["path"], "register/", fields)
        time.sleep(4)
        for name, (path, body, headers) in prepared.items():
            result[name] = self.wrk_form(path, body, headers, seconds)
            log(f"   form: {name:<14} {result[name]['rps']:>8} req/s  p95 {result[name]['p95_ms']} ms")
        checks = self.measure(
            "form-results",
            f"--circle={(targets['circle'] or {}).get('id', 0)}",
            f"--gathering={(targets['gathering'] or {}).get('id', 0)}",
        )
        for name, check in checks.items():
            result.setdefault(name, {}).update(check)
        return result

    # --- the run ------------------------------------------------------------------------------

    def run(self):
        if not shutil.which("wrk"):
            raise SystemExit("wrk is missing: apt-get install wrk")
        self.build()
        try:
            targets = self.measure("targets")
            costs = self.measure("costs")
            warm = self.load_pages(targets, page_cache=True)
            off = self.load_pages(targets, page_cache=False)
            log("== publishing a guide chapter and searching, in process")
            self.result["publish_guide_chapter"] = self.measure("publish")
            self.result["search_in_process"] = self.measure("search")
        finally:
            self.teardown()
        pages = []
        for name, path in targets:
            pages.append({"name": name, "path": path, **costs.get(name, {}), "warm": warm[name], "off": off[name]})
        static_warm = warm["static stylesheet"]["rps"] or 1
        static_off = off["static stylesheet"]["rps"] or 1
        for page in pages:
            page["warm"]["ratio_to_static"] = round(page["warm"]["rps"] / static_warm, 2)
            page["off"]["ratio_to_static"] = round(page["off"]["rps"] / static_off, 2)
        self.result["pages"] = pages
        RESULTS.mkdir(exist_ok=True)
        out = RESULTS / f"bench-{self.size}-{self.db_label.lower()}.json"
        out.write_text(json.dumps(self.result, indent=2) + "\n")
        print(table(self.result))
        print(f"\nJSON: {out.relative_to(ROOT)}")
        problems = [p["name"] for p in pages if p["warm"]["errors"] or p["off"]["errors"]]
        if problems:
            print(f"Requests failed for: {', '.join(problems)}")
            return 1
        forms = self.result.get("forms", {})
        if any(not forms.get(kind, {}).get("capacity_held", True) for kind in ("signups", "registrations")):
            print("Capacity was exceeded under the form load.")
            return 1
        return 0


def machine():
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = ""
    try:
        kib = int(Path("/proc/meminfo").read_text().split()[1])
        memory = f", {kib / 1024 / 1024:.0f} GiB RAM"
    except (OSError, ValueError, IndexError):
        pass
    return f"{os.cpu_count()} CPUs ({cpu}){memory}, Python {platform.python_version()}"


def table(result):
    head = (
        f"{'page':<22} {'queries':>7} {'KB':>6} {'KB+css/js':>9} | "
        f"{'warm req/s':>10} {'p50':>6} {'p95':>6} {'p99':>6} {'ratio':>5} | "
        f"{'off req/s':>9} {'p50':>6} {'p95':>6} {'p99':>6} {'ratio':>5}"
    )
    lines = [
        f"{result['size']} data set on {result['database']}, cache {result['cache']}; {result['machine']}",
        f"wrk 2 threads, 8 connections, {result['load']['seconds']} s per URL; latency in ms; "
        "ratio = req/s / static file's req/s in the same server run",
        head,
        "-" * len(head),
    ]
    for page in result["pages"]:
        warm, off = page["warm"], page["off"]
        kb = page.get("bytes", 0) / 1024
        weight = page.get("weight_with_css_js", page.get("bytes", 0)) / 1024
        flag = " *" if off["p95_ms"] > TARGET_P95_MS else ""
        lines.append(
            f"{page['name']:<22} {page.get('queries', 0):>7} {kb:>6.1f} {weight:>9.1f} | "
            f"{warm['rps']:>10} {warm['p50_ms']:>6} {warm['p95_ms']:>6} {warm['p99_ms']:>6} "
            f"{warm['ratio_to_static']:>5} | "
            f"{off['rps']:>9} {off['p50_ms']:>6} {off['p95_ms']:>6} {off['p99_ms']:>6} "
            f"{off['ratio_to_static']:>5}{flag}"
        )
    lines.append(f"* uncached p95 above the {TARGET_P95_MS} ms target")
    forms = result.get("forms", {})
    for kind in ("signups", "registrations"):
        if kind in forms:
            data = forms[kind]
            limit = data.get("limit", data.get("capacity"))
            lines.append(
                f"form load, {kind}: {data.get('rps')} req/s, p95 {data.get('p95_ms')} ms; {data.get('rows')} rows, "
                f"{data.get('confirmed')} confirmed of {limit} places; capacity held: {data.get('capacity_held')}"
            )
    publish = result.get("publish_guide_chapter", {})
    lines.append(f"publish a guide chapter: median {publish.get('median_ms')} ms, max {publish.get('max_ms')} ms")
    search = result.get("search_in_process", {})
    again = search.get("again", {})
    lines.append(
        f"search in process ({search.get('requests')} queries, first after a change): "
        f"p50 {search.get('p50_ms')} ms, p95 {search.get('p95_ms')} ms; "
        f"searched again: p50 {again.get('p50_ms')} ms, p95 {again.get('p95_ms')} ms"
    )
    if "build_seconds" in result:
        lines.append(f"data set built in {result['build_seconds']} s")
    return "\n".join(lines)


def markdown(result):
    """The table for docs/performance.md."""
    lines = [
        "| page | queries | KB | KB with CSS/JS | cached req/s | p50 | p95 | p99 | ratio | uncached req/s | p50 | p95 "
        "| p99 | ratio |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for page in result["pages"]:
        warm, off = page["warm"], page["off"]
        mark = " ⚠" if off["p95_ms"] > TARGET_P95_MS else ""
        lines.append(
            f"| {page['name']} | {page.get('queries', 0)} | {page.get('bytes', 0) / 1024:.1f} "
            f"| {page.get('weight_with_css_js', page.get('bytes', 0)) / 1024:.1f} "
            f"| {warm['rps']} | {warm['p50_ms']} | {warm['p95_ms']} | {warm['p99_ms']} | {warm['ratio_to_static']} "
            f"| {off['rps']} | {off['p50_ms']} | {off['p95_ms']}{mark} | {off['p99_ms']} | {off['ratio_to_static']} |"
        )
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--small", action="store_true", help="small data set and short runs (CI smoke run)")
    parser.add_argument("--reuse", action="store_true", help="reuse the SQLite data set of an earlier run")
    parser.add_argument("--keep", action="store_true", help="keep the PostgreSQL benchmark database")
    parser.add_argument("--duration", type=int, help="seconds per URL (default 20, 3 with --small)")
    parser.add_argument("--warmup", type=int, help="warm-up seconds per URL (default 5, 1 with --small)")
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--markdown", metavar="JSON", help="print a results file as a Markdown table and stop")
    args = parser.parse_args()
    if args.markdown:
        print(markdown(json.loads(Path(args.markdown).read_text())))
        return
    sys.exit(Bench(args).run())


if __name__ == "__main__":
    main()
