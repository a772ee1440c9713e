"""`make prod-smoke`: start the production configuration locally and check it over HTTP.

gunicorn with DEBUG off, PostgreSQL, Redis, the database task worker and an SMTP sink
(aiosmtpd) run on 127.0.0.1 against a new database holding the demo; the checks are
what a visitor, a learner and an editor do first. Everything started is stopped, and
the database dropped, also when a check fails.

Needs PostgreSQL and Redis: SMOKE_POSTGRES (default postgres://postgres@127.0.0.1:5432)
and SMOKE_REDIS (default redis://127.0.0.1:6379/7).
"""

import http.cookiejar
import mailbox
import os
import re
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = str(ROOT / ".venv" / "bin" / "python")
POSTGRES = os.environ.get("SMOKE_POSTGRES", "postgres://postgres@127.0.0.1:5432")
REDIS = os.environ.get("SMOKE_REDIS", "redis://127.0.0.1:6379/7")
ADMIN_PASSWORD = secrets.token_urlsafe(16)


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def psql(sql):
    subprocess.run(["psql", f"{POSTGRES}/postgres", "-qtAc", sql], check=True, capture_output=True)


class Smoke:
    def __init__(self):
        self.port = free_port()
        self.smtp_port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.database = f"smoke_{secrets.token_hex(4)}"
        self.workdir = Path(tempfile.mkdtemp(prefix="prod-smoke-"))
        self.maildir = self.workdir / "mail"
        self.processes = []
        self.env = {
            **{k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_URL", "REDIS_URL"))},
            "DJANGO_DEBUG": "0",
            "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
            "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
            # TLS ends at the reverse proxy; locally there is none.
            "DJANGO_INSECURE_HTTP": "1",
            "DATABASE_URL": f"{POSTGRES}/{self.database}",
            "REDIS_URL": REDIS,
            "DJANGO_STATIC_ROOT": str(self.workdir / "static"),
            "DJANGO_MEDIA_ROOT": str(self.workdir / "media"),
            "EMAIL_HOST": "127.0.0.1",
            "EMAIL_PORT": str(self.smtp_port),
            "EMAIL_USE_TLS": "0",
            "TASKS_BACKEND": "django_tasks_db.DatabaseBackend",
            "WAGTAILADMIN_BASE_URL": self.base,
            "GUNICORN_BIND": f"127.0.0.1:{self.port}",
            "WEB_CONCURRENCY": "2",
            "GUNICORN_ACCESS_LOG": str(self.workdir / "access.log"),
            "DJANGO_SUPERUSER_PASSWORD": ADMIN_PASSWORD,
        }
        jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), NoRedirect)
        self.jar = jar

    # -- processes -------------------------------------------------------------------------

    def manage(self, *args):
        print("  manage.py", " ".join(args), flush=True)
        subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=self.env, check=True)

    def start(self, *command):
        log = open(self.workdir / f"{command[-1].replace('/', '_')}.log", "w")  # noqa: SIM115
        process = subprocess.Popen(command, cwd=ROOT, env=self.env, stdout=log, stderr=subprocess.STDOUT)
        self.processes.append(process)
        return process

    def wait_for(self, port, seconds=60):
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            with socket.socket() as sock:
                if sock.connect_ex(("127.0.0.1", port)) == 0:
                    return
            time.sleep(0.3)
        raise AssertionError(f"nothing listens on port {port} after {seconds}s")

    def setup(self):
        psql(f"CREATE DATABASE {self.database}")
        self.start(
            PYTHON, "-m", "aiosmtpd", "-n", "-l", f"127.0.0.1:{self.smtp_port}", "-c",
            "aiosmtpd.handlers.Mailbox", str(self.maildir),
        )  # fmt: skip
        self.manage("migrate", "--noinput", "-v0")
        self.manage("collectstatic", "--noinput", "-v0")
        self.manage("compile_catalogues")
        self.manage("load_demo", "-v0")
        self.manage("createsuperuser", "--noinput", "--username", "smoke-admin", "--email", "smoke@example.org")
        self.start(PYTHON, "-m", "gunicorn", "-c", "deploy/gunicorn.conf.py", "cms.wsgi")
        self.start(PYTHON, "manage.py", "db_worker", "--interval", "0.5")
        self.wait_for(self.smtp_port)
        self.wait_for(self.port)

    def teardown(self):
        for process in self.processes:
            process.terminate()
        for process in self.processes:
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()
        try:
            psql(f"DROP DATABASE IF EXISTS {self.database} WITH (FORCE)")
        finally:
            shutil.rmtree(self.workdir, ignore_errors=True)

    # -- HTTP ------------------------------------------------------------------------------

    def request(self, path, data=None, headers=None):
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        request = urllib.request.Request(self.base + path, data=body, headers=headers or {})
        try:
            response = self.opener.open(request, timeout=120)
        except urllib.error.HTTPError as error:
            response = error
        return response.status, dict(response.headers), response.read()

    def get_ok(self, path):
        status, headers, body = self.request(path)
        assert status == 200, f"GET {path} answered {status}"
        return headers, body.decode("utf-8", "replace")

    def csrf_token(self):
        return next(cookie.value for cookie in self.jar if cookie.name == "csrftoken")

    # -- checks ----------------------------------------------------------------------------

    def check_public_pages(self):
        status, headers, _body = self.request("/")
        assert status == 302 and headers["Location"].endswith("/en/"), f"/ answered {status}"
        for path in (
            "/en/",
            "/en/guide/",
            "/en/facilitate/",
            "/en/circles/",
            "/en/courses/",
            "/en/gatherings/",
            "/sw/",
            "/es/",
            "/fr/",
            "/en/about/",
            "/en/blog/",
            "/en/blog/feed/",
            "/en/search/?q=library",
        ):
            headers, html = self.get_ok(path)
            assert "Content-Security-Policy" in headers, f"{path} has no CSP header"
        self.get_ok("/sitemap.xml")
        self.get_ok("/robots.txt")
        status, _headers, _body = self.request("/en/no-such-page/")
        assert status == 404, f"a missing page answered {status}"

    def check_static_files(self):
        _headers, html = self.get_ok("/en/")
        stylesheet = re.search(r'href="(/static/css/site\.[0-9a-f]{12}\.css)"', html)
        assert stylesheet, "the home page links no hashed stylesheet (manifest storage)"
        headers, css = self.get_ok(stylesheet.group(1))
        assert "max-age=315360000" in headers.get("Cache-Control", ""), "hashed static files are cached for long"
        assert "--accent" in css

    def check_admin_login(self):
        self.get_ok("/admin/login/")
        status, headers, _body = self.request(
            "/admin/login/",
            {"username": "smoke-admin", "password": ADMIN_PASSWORD, "csrfmiddlewaretoken": self.csrf_token()},
            headers={"Referer": self.base + "/admin/login/"},
        )
        assert status == 302, f"admin login answered {status}"
        _headers, html = self.get_ok("/admin/")
        assert "Dashboard" in html or "dashboard" in html

    def check_signup_email(self):
        """A learner signs up for a circle; the task worker delivers the confirmation to the SMTP sink."""
        _headers, listing = self.get_ok("/en/circles/?status=upcoming&open=1")
        circle_path = re.search(r'class="card__title"><a href="([^"]+)"', listing).group(1)
        _headers, page = self.get_ok(circle_path)
        form = re.search(r'<form method="post"[^>]*class="signup-form".*?</form>', page, re.S).group(0)
        data = dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', form))
        recipient = f"smoke-{secrets.token_hex(3)}@example.org"
        data.update({"name": "Smoke Test", "email": recipient, "consent": "on"})
        time.sleep(float(self.env.get("FORM_MIN_SECONDS", "3")) + 0.5)  # the form's time trap
        status, headers, _body = self.request(circle_path, data, headers={"Referer": self.base + circle_path})
        assert status in (302, 303), f"the signup answered {status}"
        self.get_ok(headers["Location"])
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            if self.maildir.exists():
                for message in mailbox.Maildir(self.maildir, create=False):
                    if recipient in message.get("To", ""):
                        return f"{message['Subject']!r} delivered to the SMTP sink"
            time.sleep(0.5)
        raise AssertionError(f"no email reached {recipient} within 120s")

    def run(self):
        started = time.monotonic()
        try:
            print(f"== starting the production configuration in {self.workdir}", flush=True)
            self.setup()
            checks = ("check_public_pages", "check_static_files", "check_admin_login", "check_signup_email")
            for name in checks:
                result = getattr(self, name)()
                print(f"ok  {name.removeprefix('check_').replace('_', ' ')}{f': {result}' if result else ''}")
        except Exception:
            for log in sorted(self.workdir.glob("*.log")):
                print(f"--- {log.name} (last lines)")
                print("\n".join(log.read_text(errors="replace").splitlines()[-30:]))
            raise
        finally:
            self.teardown()
        print(f"== prod-smoke passed in {time.monotonic() - started:.0f}s")


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    Smoke().run()
