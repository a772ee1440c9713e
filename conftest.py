"""Project-wide fixtures: the demo site in every test database, and the browser harness.

Browser tests (`@pytest.mark.browser`) drive Debian's Chromium with Playwright
against a live server of the test database, run axe-core on every page they
visit and validate its HTML with the Nu Html Checker. Without Chromium, Java or
the checker they are skipped with the reason; `REQUIRE_BROWSER=1` turns the skip
into a failure.
"""

import json
import os
import re
import shutil
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest
from django.core.management import call_command

ROOT = Path(__file__).resolve().parent
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
VNU_PORT = int(os.environ.get("VNU_PORT", "8891"))
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


@pytest.fixture(scope="session")
def django_db_setup(
    request, django_test_environment, django_db_modify_db_settings, django_db_blocker, django_db_keepdb
):
    """Every test database starts with the demo site, as a newcomer sees it.

    Replaces pytest-django's fixture, which creates no database when only browser
    tests (which use none of its markers) are collected.
    """
    from django.test.utils import setup_databases, teardown_databases

    verbosity = request.config.option.verbose
    with django_db_blocker.unblock():
        config = setup_databases(verbosity=verbosity, interactive=False, keepdb=django_db_keepdb, aliases={"default"})
        call_command("load_demo", verbosity=0)
    yield
    if not django_db_keepdb:
        with django_db_blocker.unblock():
            _close_other_connections()
            teardown_databases(config, verbosity=verbosity)


@pytest.fixture(autouse=True)
def _empty_caches():
    """Each test starts with empty caches. Its database is rolled back afterwards, so a later test
    can reach the same generation number an earlier one cached pages and fragments under."""
    from django.conf import settings
    from django.core.cache import caches

    for alias in settings.CACHES:
        caches[alias].clear()


@pytest.fixture(autouse=True)
def _default_language():
    """Each test starts in the default language: a request to a Kiswahili page in an earlier test
    leaves Kiswahili active in this thread, and messages checked without a request would follow it."""
    from django.utils import translation

    translation.deactivate()


@pytest.fixture
def cache_keys(monkeypatch):
    """`cache_keys(cache, "get")`: the list of keys that cache method is called with from now on."""

    def spy(cache, method):
        keys = []
        original = getattr(cache, method)

        def call(key, *args, **kwargs):
            keys.append(key)
            return original(key, *args, **kwargs)

        monkeypatch.setattr(cache, method, call)
        return keys

    return spy


@pytest.fixture
def read_sitemap(client):
    """The text of every part the sitemap index (/sitemap.xml) lists, one after the other."""
    import html
    from urllib.parse import urlsplit

    def read():
        index = client.get("/sitemap.xml").content.decode()
        parts = [urlsplit(html.unescape(url)) for url in re.findall(r"<loc>(.*?)</loc>", index)]
        return "".join(client.get(f"{part.path}?{part.query}").content.decode() for part in parts)

    return read


def _close_other_connections():
    """Live-server request threads can still hold PostgreSQL connections, which would stop the drop."""
    from django.db import connection

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(
                "select pg_terminate_backend(pid) from pg_stat_activity"
                " where datname = current_database() and pid <> pg_backend_pid()"
            )


def _browser_missing():
    missing = []
    if not Path(CHROMIUM).exists():
        missing.append(f"Chromium ({CHROMIUM}; apt-get install chromium)")
    if shutil.which("java") is None:
        missing.append("a Java runtime (apt-get install default-jre-headless)")
    if not VNU_JAR.exists():
        missing.append("the Nu Html Checker (npm install)")
    try:
        import axe_playwright_python  # noqa: F401
        import playwright  # noqa: F401
    except ImportError:
        missing.append("playwright and axe-playwright-python (make install-dev)")
    return missing


def _skip_or_fail(reason):
    if os.environ.get("REQUIRE_BROWSER") == "1":
        pytest.fail(f"REQUIRE_BROWSER=1 but {reason}")
    pytest.skip(reason)


def _port_open(port):
    with socket.socket() as sock:
        sock.settimeout(0.2)
        return sock.connect_ex(("127.0.0.1", port)) == 0


@pytest.fixture(scope="session")
def html_checker():
    """The Nu Html Checker as a local web service: one JVM for the whole run."""
    missing = _browser_missing()
    if missing:
        _skip_or_fail("browser tests need " + ", ".join(missing))
    process = None
    if not _port_open(VNU_PORT):
        process = subprocess.Popen(  # noqa: S603
            ["java", "-Xss1024k", "-cp", str(VNU_JAR), "nu.validator.servlet.Main", str(VNU_PORT)],  # noqa: S607
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 60
        while not _port_open(VNU_PORT):
            if time.monotonic() > deadline or process.poll() is not None:
                process.kill()
                pytest.fail("The Nu Html Checker did not start")
            time.sleep(0.3)

    def validate(html):
        request = urllib.request.Request(
            f"http://127.0.0.1:{VNU_PORT}/?out=json",
            data=html.encode("utf-8"),
            headers={"Content-Type": "text/html; charset=utf-8"},
        )
        with urllib.request.urlopen(request, timeout=60) as response:  # noqa: S310
            messages = json.load(response)["messages"]
        return [m for m in messages if m.get("type") == "error" or m.get("subType") == "fatal"]

    yield validate
    if process is not None:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture(scope="session")
def live_site(django_db_setup, django_db_blocker):
    """A live server of the test database (with the demo site) for the browser."""
    missing = _browser_missing()
    if missing:
        _skip_or_fail("browser tests need " + ", ".join(missing))
    # Playwright's sync API runs an event loop in this thread; Django's ORM must still work here.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    from django.contrib.staticfiles.handlers import StaticFilesHandler
    from django.db import connections
    from django.test.testcases import LiveServerThread

    django_db_blocker.unblock()
    # Transactional tests that ran before may have flushed the database; the demo is idempotent.
    call_command("load_demo", verbosity=0)
    shared = {conn.alias: conn for conn in connections.all() if conn.vendor == "sqlite" and conn.is_in_memory_db()}
    for conn in shared.values():
        conn.inc_thread_sharing()
    thread = LiveServerThread("127.0.0.1", StaticFilesHandler, connections_override=shared, port=0)
    thread.daemon = True
    thread.start()
    thread.is_ready.wait()
    if thread.error:
        raise thread.error
    yield f"http://127.0.0.1:{thread.port}"
    thread.terminate()
    for conn in shared.values():
        conn.dec_thread_sharing()
    django_db_blocker.restore()


@pytest.fixture(scope="session")
def chromium():
    missing = _browser_missing()
    if missing:
        _skip_or_fail("browser tests need " + ", ".join(missing))
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def browser_page(chromium):
    context = chromium.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def nojs_page(chromium):
    """A page with JavaScript off: every public page must work like this."""
    context = chromium.new_context(java_script_enabled=False)
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def check_page(chromium, html_checker):
    """Assert the page the browser shows passes axe (WCAG 2.2 AA), the HTML checker and its CSP.

    axe needs script, so it runs in a fresh context with JavaScript on, also for
    pages a no-JavaScript test is looking at.
    """
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()

    def check(page):
        context = chromium.new_context()
        csp_violations = []
        try:
            axe_page = context.new_page()
            axe_page.on(
                "console",
                lambda message: "Content Security Policy" in message.text and csp_violations.append(message.text),
            )
            axe_page.goto(page.url)
            axe_page.wait_for_load_state("load")
            results = axe.run(axe_page, options={"runOnly": {"type": "tag", "values": AXE_TAGS}})
            html = axe_page.request.get(page.url).text()
        finally:
            context.close()
        assert not csp_violations, f"Content-Security-Policy violations on {page.url}:\n" + "\n".join(csp_violations)
        assert results.violations_count == 0, f"axe on {page.url}:\n{results.generate_report()}"
        ARTIFACTS.mkdir(exist_ok=True)
        name = re.sub(r"[^a-z0-9]+", "-", page.url.split("//", 1)[-1].split("/", 1)[-1].lower()).strip("-")
        (ARTIFACTS / f"{name or 'root'}.html").write_text(html, encoding="utf-8")
        errors = html_checker(html)
        assert not errors, f"HTML errors on {page.url}:\n" + "\n".join(
            f"line {e.get('lastLine')}: {e.get('message')}" for e in errors
        )

    return check
