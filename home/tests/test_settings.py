"""Start-up safety: production values pass `check --deploy`; missing secrets stop the site."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION = {
    "DJANGO_DEBUG": "0",
    "DJANGO_SECRET_KEY": "a-long-random-production-secret-" + "x9Qz" * 12,
    "DJANGO_ALLOWED_HOSTS": "learn.example.org",
    "WAGTAILADMIN_BASE_URL": "https://learn.example.org",
}


def run_manage(*args, env):
    base = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "WAGTAIL"))}
    return subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", *args], cwd=ROOT, env={**base, **env}, capture_output=True, text=True, timeout=120
    )


def test_check_deploy_is_clean_with_production_values():
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION)
    assert result.returncode == 0, result.stdout + result.stderr


def test_missing_secret_key_is_a_clear_start_up_error():
    env = {**PRODUCTION, "DJANGO_SECRET_KEY": ""}
    result = run_manage("check", env=env)
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY is not set" in result.stderr


def test_missing_allowed_hosts_is_a_clear_start_up_error():
    env = {**PRODUCTION, "DJANGO_ALLOWED_HOSTS": ""}
    result = run_manage("check", env=env)
    assert result.returncode != 0
    assert "DJANGO_ALLOWED_HOSTS is not set" in result.stderr


def test_debug_mode_needs_no_secrets():
    result = run_manage("check", env={"DJANGO_DEBUG": "1"})
    assert result.returncode == 0, result.stderr


def test_settings_read_the_environment():
    code = (
        "import django, json; django.setup(); from django.conf import settings as s; "
        "print(json.dumps([s.DATABASES['default']['ENGINE'], s.CACHES['default']['BACKEND'], "
        "s.STATIC_ROOT, s.MEDIA_ROOT, s.EMAIL_HOST, s.EMAIL_PORT, s.WAGTAILADMIN_BASE_URL, "
        "s.DATABASES['default']['OPTIONS'].get('options')]))"
    )
    env = {
        **PRODUCTION,
        "DJANGO_SETTINGS_MODULE": "cms.settings",
        "DATABASE_URL": "postgres://user:pw@db.example.org:5432/cms",
        "REDIS_URL": "redis://cache.example.org:6379/0",
        "DJANGO_STATIC_ROOT": "/srv/static",
        "DJANGO_MEDIA_ROOT": "/srv/media",
        "EMAIL_HOST": "smtp.example.org",
        "EMAIL_PORT": "2525",
    }
    base = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "WAGTAIL", "DATABASE", "REDIS"))}
    result = subprocess.run(  # noqa: S603
        [sys.executable, "-c", code], cwd=ROOT, env={**base, **env}, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == (
        '["django.db.backends.postgresql", "pagecache.redis.PooledClientRedisCache", "/srv/static", '
        '"/srv/media", "smtp.example.org", 2525, "https://learn.example.org", "-c jit=off"]'
    )


def test_sqlite_default_uses_immediate_transactions(settings):
    if settings.DATABASES["default"]["ENGINE"].endswith("sqlite3"):
        assert settings.DATABASES["default"]["OPTIONS"]["transaction_mode"] == "IMMEDIATE"


def test_search_url_switches_to_an_opensearch_backend():
    code = (
        "from django.conf import settings; "
        "b = settings.WAGTAILSEARCH_BACKENDS['default']; print(b['BACKEND'], b['URLS'])"
    )
    result = run_manage(
        "shell", "-v", "0", "-c", code, env={**PRODUCTION, "SEARCH_URL": "https://search.internal:9200"}
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "modelsearch.backends.opensearch3 ['https://search.internal:9200']"
    result = run_manage("shell", "-v", "0", "-c", code.replace(", b['URLS']", ""), env=PRODUCTION)
    assert result.stdout.strip() == "search.backends"
