"""Settings for the learning-circles CMS, read from the environment.

Defaults suit a newcomer: SQLite, the local-memory cache and console email.
Production sets DJANGO_DEBUG=0 and must then give a secret key and hosts.
"""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DJANGO_DEBUG", False)

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS")

if DEBUG:
    SECRET_KEY = SECRET_KEY or "insecure-development-key-only-for-debug-mode"
    ALLOWED_HOSTS = ALLOWED_HOSTS or ["127.0.0.1", "localhost", "[::1]"]
else:
    if not SECRET_KEY:
        raise ImproperlyConfigured(
            "DJANGO_SECRET_KEY is not set. With DJANGO_DEBUG off the site needs a long random "
            "secret key; set DJANGO_DEBUG=1 for local development."
        )
    if not ALLOWED_HOSTS:
        raise ImproperlyConfigured(
            "DJANGO_ALLOWED_HOSTS is not set. With DJANGO_DEBUG off list the host names the "
            "site answers to, separated by commas (for example: learn.example.org)."
        )

INSTALLED_APPS = [
    "home",
    "guides",
    "circles",
    "gathering",
    "blog",
    "search",
    # Before accounts: its personal-data eraser finds people by the address that accounts then removes.
    "dashboard",
    "accounts",
    "workflows",
    "translations",
    "bench",
    "pagecache",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.settings",
    "wagtail.contrib.redirects",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.table_block",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail.api.v2",
    "wagtail",
    "rest_framework",
    "modelcluster",
    "taggit",
    "django_filters",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.sitemaps",
    "django.contrib.staticfiles",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_tasks_db",
    "axes",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Before the rest: a cached page is answered without sessions, CSRF or authentication; what it
    # stores is the response after every middleware below had added its headers.
    "pagecache.middleware.PageCacheMiddleware",
    "pagecache.sites.SiteMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "accounts.two_factor.AdminTwoFactorMiddleware",
    "accounts.private_pages.NoStoreAdminMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "accounts.csp.SiteCSPMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "axes.middleware.AxesMiddleware",
]

AUTHENTICATION_BACKENDS = [
    "accounts.backends.LoginLockoutBackend",
    "django.contrib.auth.backends.ModelBackend",
]

ROOT_URLCONF = "cms.urls"
WSGI_APPLICATION = "cms.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# Database: SQLite for a newcomer, PostgreSQL (or anything dj-database-url reads) in production.
DATABASE_URL = os.environ.get("DATABASE_URL", "")
if DATABASE_URL:
    DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=60)}
    if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
        # PostgreSQL compiles a query to machine code when its estimated cost is high; for the
        # listings' sorted queries that took longer (about 40 ms) than running them (docs/performance.md).
        DATABASES["default"].setdefault("OPTIONS", {})["options"] = "-c jit=off"
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": os.environ.get("SQLITE_PATH", str(BASE_DIR / "db.sqlite3")),
            # Concurrent writers queue for the lock instead of failing with "database is locked".
            "OPTIONS": {"transaction_mode": "IMMEDIATE", "timeout": 20},
            # Opening a connection (Django registers its SQL functions on each) costs more than a page's queries.
            "CONN_MAX_AGE": 60,
        }
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "pagecache.redis.PooledClientRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "cms"),
        }
    }
    CACHES["pages"] = {
        "BACKEND": "pagecache.redis.PooledClientRedisCache",
        "LOCATION": REDIS_URL,
        "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "cms") + "-pages",
    }
else:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        "pages": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "pages",
            "OPTIONS": {"MAX_ENTRIES": int(os.environ.get("PAGE_CACHE_MAX_ENTRIES", "2000"))},
        },
    }

# Whole public pages for anonymous visitors (pagecache/): emptied whenever content changes.
PAGE_CACHE_ENABLED = env_bool("PAGE_CACHE", True)
PAGE_CACHE_ALIAS = "pages"
# Where requests read the generation number (pagecache/generation.py): a counter in the shared page
# cache, or the database when each worker has a cache of its own.
PAGE_CACHE_GENERATION_IN_CACHE = bool(REDIS_URL)
# Circles move from upcoming to running with the date, so no page is kept longer than this.
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "300"))
# Parts of every page (menus, footer, language links, site settings) in the default cache, keyed by
# the same generation number; the time only bounds how long an unused entry stays.
FRAGMENT_CACHE_SECONDS = 3600
PAGE_CACHE_EXCLUDE_PREFIXES = ["/admin/", "/documents/", "/api/", "/i18n/", "/static/", "/media/", "/bench/"]
# Changes to rows of these apps empty the cache, except the models listed after them.
PAGE_CACHE_CONTENT_APPS = [
    "home",
    "guides",
    "circles",
    "gathering",
    "blog",
    "wagtailcore",
    "wagtailimages",
    "wagtaildocs",
    "wagtailsearchpromotions",
    "taggit",
    "translations",  # tag names, and glossary terms (which no public page shows, but cost nothing)
]
PAGE_CACHE_IGNORE_MODELS = [
    # Every search counts a hit: only editors' promotions change what search shows.
    "wagtailsearchpromotions.query",
    "wagtailsearchpromotions.querydailyhits",
    "home.outboundemail",
    "home.customrendition",
    "wagtailimages.rendition",
    "wagtailcore.revision",
    "wagtailcore.pagelogentry",
    "wagtailcore.modellogentry",
    "wagtailcore.workflowstate",
    "wagtailcore.taskstate",
    "wagtailcore.pagesubscription",
    "wagtailcore.referenceindex",
    "wagtailcore.comment",
    "wagtailcore.commentreply",
    "wagtailcore.uploadedfile",
]

# The benchmark's reference view (/bench/minimal/), only when `make bench` asks for it.
BENCH_REFERENCE_VIEW = env_bool("BENCH_REFERENCE_VIEW", False)

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: English is the source; every content language is also an interface language.
LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", "English"),
    ("sw", "Kiswahili"),
    ("es", "Español"),
    ("fr", "Français"),
]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
LOCALE_PATHS = [BASE_DIR / "locale"]
# Date and time formats for languages Django has none for (Kiswahili).
FORMAT_MODULE_PATH = ["translations.formats"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "UTC"

# New translations of live pages start as drafts, so nothing half-translated goes live.
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
# Machine translation is off: there is no network translation service. For demos,
# WAGTAILLOCALIZE_DUMMY_TRANSLATOR=1 turns on wagtail-localize's dummy translator, which
# only reverses words, so the "Translate automatically" button can be tried.
WAGTAILLOCALIZE_ENABLE_MACHINE_TRANSLATION = env_bool("WAGTAILLOCALIZE_DUMMY_TRANSLATOR", False)
if WAGTAILLOCALIZE_ENABLE_MACHINE_TRANSLATION:
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {"CLASS": "wagtail_localize.machine_translators.dummy.DummyTranslator"}

# Static and media files.
STATIC_URL = "/static/"
STATIC_ROOT = os.environ.get("DJANGO_STATIC_ROOT", str(BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = os.environ.get("DJANGO_MEDIA_ROOT", str(BASE_DIR / "media"))
WHITENOISE_ROOT = BASE_DIR / "static" / "public"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if env_bool("DJANGO_PLAIN_STATIC", False)
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
# Uploaded media on S3-compatible storage when a bucket is configured, so every app server sees
# the same files; credentials come from AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY.
if AWS_STORAGE_BUCKET_NAME := os.environ.get("AWS_STORAGE_BUCKET_NAME", ""):
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": AWS_STORAGE_BUCKET_NAME,
            "endpoint_url": os.environ.get("AWS_S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("AWS_S3_REGION_NAME") or None,
            "custom_domain": os.environ.get("AWS_S3_CUSTOM_DOMAIN") or None,
            "location": os.environ.get("AWS_LOCATION", "media"),
            "default_acl": None,
            "file_overwrite": False,
            "querystring_auth": env_bool("AWS_QUERYSTRING_AUTH", True),
        },
    }
# Debug runs serve files straight from the source folders; no collectstatic needed.
WHITENOISE_USE_FINDERS = DEBUG
WHITENOISE_AUTOREFRESH = DEBUG

# Email: printed to the console unless an SMTP server is configured.
EMAIL_HOST = os.environ.get("EMAIL_HOST", "")
EMAIL_BACKEND = os.environ.get(
    "EMAIL_BACKEND",
    "django.core.mail.backends.smtp.EmailBackend" if EMAIL_HOST else "django.core.mail.backends.console.EmailBackend",
)
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "587"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", bool(EMAIL_HOST))
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", False)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Learning circles <hello@localhost>")
SERVER_EMAIL = os.environ.get("SERVER_EMAIL", DEFAULT_FROM_EMAIL)

# Background work (email, search indexing) goes through Django's task API. The immediate backend
# runs a task at once, after the request's transaction has committed; production sets
# TASKS_BACKEND=django_tasks_db.DatabaseBackend and runs `manage.py db_worker`.
TASKS = {"default": {"BACKEND": os.environ.get("TASKS_BACKEND", "django_tasks.backends.immediate.ImmediateBackend")}}

# CDN purging when pages are published (Wagtail's frontend-cache app), when configured.
WAGTAILFRONTENDCACHE = {}
if os.environ.get("FRONTEND_CACHE_PURGE_URL"):
    WAGTAILFRONTENDCACHE["proxy"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": os.environ["FRONTEND_CACHE_PURGE_URL"],
    }
if os.environ.get("CLOUDFLARE_ZONE_ID"):
    WAGTAILFRONTENDCACHE["cloudflare"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "BEARER_TOKEN": os.environ.get("CLOUDFLARE_API_TOKEN", ""),
        "ZONEID": os.environ["CLOUDFLARE_ZONE_ID"],
    }
if WAGTAILFRONTENDCACHE:
    INSTALLED_APPS.append("wagtail.contrib.frontend_cache")

# Wagtail.
WAGTAIL_SITE_NAME = "Learning circles"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILIMAGES_IMAGE_MODEL = "home.CustomImage"
# The database's full-text search; on PostgreSQL with each language's text-search configuration.
# docs/search.md explains switching to OpenSearch or Elasticsearch.
WAGTAILSEARCH_BACKENDS = {
    "default": {
        "BACKEND": "search.backends",
        "SEARCH_CONFIG": "simple",
        "SEARCH_CONFIGS": {"en": "english", "es": "spanish", "fr": "french", "sw": "simple"},
    }
}
if SEARCH_URL := os.environ.get("SEARCH_URL", ""):
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": os.environ.get("SEARCH_BACKEND", "modelsearch.backends.opensearch3"),
            "URLS": [SEARCH_URL],
            "INDEX_PREFIX": os.environ.get("SEARCH_INDEX_PREFIX", "learning-"),
            "TIMEOUT": 5,
        }
    }
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_EXTENSIONS = ["pdf", "doc", "docx", "odt", "ppt", "pptx", "odp", "xls", "xlsx", "ods", "csv", "txt"]
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp", "avif"]
WAGTAILAPI_BASE_URL = WAGTAILADMIN_BASE_URL
WAGTAILAPI_LIMIT_MAX = 100
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Security: production values are the defaults, relaxed only for plain-HTTP debug runs.
SECURE = not DEBUG and not env_bool("DJANGO_INSECURE_HTTP", False)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = SECURE
SESSION_COOKIE_SECURE = SECURE
CSRF_COOKIE_SECURE = SECURE
SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_HSTS_SECONDS", "31536000")) if SECURE else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = SECURE
SECURE_HSTS_PRELOAD = SECURE
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
# Wagtail's preview views set SAMEORIGIN themselves for the admin's preview frame.
X_FRAME_OPTIONS = "DENY"
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")
SESSION_COOKIE_HTTPONLY = True

# Content-Security-Policy: no inline script or style on public pages; the admin needs both.
EMBED_FRAME_SOURCES = ["https://www.youtube-nocookie.com", "https://www.youtube.com", "https://player.vimeo.com"]
MEDIA_SOURCES = env_list("CSP_MEDIA_SOURCES")  # e.g. the S3 or CDN origin serving uploaded media
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:", *MEDIA_SOURCES],
        "media-src": ["'self'", *MEDIA_SOURCES],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-src": EMBED_FRAME_SOURCES,
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}
ADMIN_CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'", "'unsafe-inline'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "blob:", *MEDIA_SOURCES],
        "media-src": ["'self'", "blob:", *MEDIA_SOURCES],
        "font-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        "frame-src": ["'self'", *EMBED_FRAME_SOURCES],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'self'"],
    }
}

# Sign-in: lock out a username from an address after repeated failures (django-axes), and
# two-step verification (TOTP, django-otp) for admin users, required when ADMIN_REQUIRE_2FA is on.
AXES_FAILURE_LIMIT = int(os.environ.get("LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = float(os.environ.get("LOGIN_COOLOFF_MINUTES", "30")) / 60
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "home.spam.client_address"
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_VERBOSE = False
ADMIN_REQUIRE_2FA = env_bool("ADMIN_REQUIRE_2FA", False)
OTP_TOTP_ISSUER = os.environ.get("OTP_TOTP_ISSUER", "Learning circles")

# Uploads: no SVG or HTML; size limits; documents always download as attachments.
WAGTAILIMAGES_MAX_UPLOAD_SIZE = int(os.environ.get("IMAGE_MAX_UPLOAD_MB", "10")) * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 60_000_000
DOCUMENT_MAX_UPLOAD_SIZE = int(os.environ.get("DOCUMENT_MAX_UPLOAD_MB", "20")) * 1024 * 1024
WAGTAILDOCS_DOCUMENT_FORM_BASE = "home.uploads.SafeDocumentForm"
WAGTAILDOCS_INLINE_CONTENT_TYPES = []
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# Public forms: spam time trap and per-address rate limit (see home/spam.py).
FORM_MIN_SECONDS = float(os.environ.get("FORM_MIN_SECONDS", "3"))
FORM_MAX_AGE_SECONDS = int(os.environ.get("FORM_MAX_AGE_SECONDS", str(24 * 3600)))
FORM_RATE_LIMIT = int(os.environ.get("FORM_RATE_LIMIT", "10"))
FORM_RATE_WINDOW_SECONDS = int(os.environ.get("FORM_RATE_WINDOW_SECONDS", "600"))
TRUST_X_FORWARDED_FOR = env_bool("TRUST_X_FORWARDED_FOR", False)

# Personal-data retention, in days after a circle's last meeting or a gathering's end; the
# anonymise_* and purge_* commands apply them (see docs/deploy.md, "Periodic commands").
CIRCLE_SIGNUP_RETENTION_DAYS = int(os.environ.get("CIRCLE_SIGNUP_RETENTION_DAYS", "180"))
GATHERING_PURGE_SENSITIVE_AFTER_DAYS = int(os.environ.get("GATHERING_PURGE_SENSITIVE_AFTER_DAYS", "30"))
GATHERING_ANONYMISE_AFTER_DAYS = int(os.environ.get("GATHERING_ANONYMISE_AFTER_DAYS", "365"))

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "WARNING")},
    "loggers": {"django.request": {"level": "ERROR"}},
}
