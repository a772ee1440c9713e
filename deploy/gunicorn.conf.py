"""gunicorn settings for production: `gunicorn -c deploy/gunicorn.conf.py cms.wsgi`.

Every value can be overridden from the environment, so the same file serves
the reverse-proxy deployment, `make prod-smoke` and `make bench`.
"""

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("WEB_CONCURRENCY", str(multiprocessing.cpu_count() * 2 + 1)))
worker_class = "sync"
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 20
keepalive = 5
# Recycle workers now and then so a slow leak never takes a server down.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "2000"))
max_requests_jitter = 200
# Only the local reverse proxy may tell the app the original scheme and client address.
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1")
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-")
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
proc_name = "learning-circles"
# gunicorn's control socket lives in one fixed place per user; several instances on one
# machine (app, benchmark, smoke test) would share it. Nothing here uses it.
control_socket_disable = True
