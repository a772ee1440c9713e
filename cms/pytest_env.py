"""Environment for the test suite, loaded by pytest before Django reads its settings.

Tests run with DEBUG off, like production, but over plain HTTP and without
collectstatic; real environment variables (DATABASE_URL, REDIS_URL) still win.
"""

import os

os.environ.setdefault("DJANGO_SECRET_KEY", "test-only-secret-key-not-for-production-use-0123456789")
os.environ.setdefault("DJANGO_ALLOWED_HOSTS", "testserver,localhost,127.0.0.1")
os.environ.setdefault("DJANGO_INSECURE_HTTP", "1")
os.environ.setdefault("DJANGO_PLAIN_STATIC", "1")
os.environ.setdefault("WAGTAILADMIN_BASE_URL", "http://testserver")
os.environ.setdefault("FORM_MIN_SECONDS", "0")
# The page cache stays off for the suite (its own tests turn it on), so tests that change data
# behind the ORM's back and count queries see every request rendered.
os.environ.setdefault("PAGE_CACHE", "0")
