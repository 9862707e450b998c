"""Starts moto's server for SalesOS Admin's local stack and tests.

moto applies a DynamoDB TransactWriteItems as a sequence of checks and writes without a lock, so
two concurrent transactions on its threaded server can both pass a condition that only one of
them should (for example two invitations taking the last free seat). Real DynamoDB is
serialisable per item; we restore that by letting one DynamoDB request run at a time. Every other
service keeps moto's threaded concurrency.

Usage: python3 moto_launcher.py [--host 127.0.0.1] [--port 4599]
"""
import argparse
import signal
import sys
import threading

from werkzeug.serving import run_simple

from moto.moto_server.threaded_moto_server import DomainDispatcherApplication
from moto.moto_server.werkzeug_app import create_backend_app


class SerialisedDynamoDb:
    """WSGI middleware: DynamoDB requests (X-Amz-Target DynamoDB_*) run one at a time."""

    def __init__(self, app):
        self._app = app
        self._lock = threading.Lock()

    def __call__(self, environ, start_response):
        if not environ.get("HTTP_X_AMZ_TARGET", "").startswith("DynamoDB_"):
            return self._app(environ, start_response)
        with self._lock:
            # Drain the body inside the lock: werkzeug may produce it lazily.
            return [b"".join(self._app(environ, start_response))]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=4599)
    args = parser.parse_args()
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    app = DomainDispatcherApplication(create_backend_app)
    run_simple(args.host, args.port, SerialisedDynamoDb(app), threaded=True)


if __name__ == "__main__":
    main()
