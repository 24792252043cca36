"""gunicorn settings for production (`gunicorn -c config/gunicorn.conf.py config.wsgi`; Dockerfile, docker-compose.yml).

gthread workers: a request waiting on the LLM endpoint (LLM_TIMEOUT_SECONDS, streamed in LLM mode) or on a slow
database holds one thread, not a whole process, so a few slow requests cannot take every worker as three long
semantic queries did with sync workers. The CPU-bound part of a request is bounded: the query embedding reads
at most 48 words (search.query), a connection attempt gives up after DATABASE_CONNECT_TIMEOUT, searches and
questions are rate limited per client.
"""

import os

# Every statement of a web request is bounded (config/settings.py, DATABASE_STATEMENT_TIMEOUT); set before the
# workers import the settings.
os.environ.setdefault("DATABASE_STATEMENT_TIMEOUT", "20")

bind = os.environ.get("GUNICORN_BIND", "0.0.0.0:8000")
workers = int(os.environ.get("WEB_CONCURRENCY", "3"))
worker_class = "gthread"
threads = int(os.environ.get("GUNICORN_THREADS", "4"))
# gthread: a worker that stops answering its arbiter for this long is restarted; requests run in its threads.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "90"))
graceful_timeout = 30
keepalive = 5
# Bounded request heads (gunicorn's defaults, written down): a hostile client cannot send megabytes of headers.
limit_request_line = 8190
limit_request_fields = 100
limit_request_field_size = 8190
# Workers are not recycled after N requests: with gthread workers a recycled worker drops the connections it
# holds (benoitc/gunicorn#3038, open): 2 resets in 7,278 requests of `bench.load users` (50 users, 5 min).
# GUNICORN_MAX_REQUESTS turns recycling back on where a leak is suspected.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "0"))
max_requests_jitter = max_requests // 10
# No access log: it would keep client addresses (as django.server's is dropped in LOGGING).
accesslog = None
errorlog = "-"
