"""Starts moto's server for SalesOS Admin's local stack and tests.

moto applies a DynamoDB TransactWriteItems as a sequence of checks and writes without a lock, so
two concurrent transactions on its threaded server can both pass a condition that only one of
them should (for example two invitations taking the last free seat). Real DynamoDB is
serialisable per item; we restore that by letting one DynamoDB request run at a time. Every other
service keeps moto's threaded concurrency.

Usage: python3 moto_launcher.py [--host 127.0.0.1] [--port 4599]
"""
import argparse
import json
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


class SentEmails:
    """WSGI middleware: GET /salesos-api/sent-emails lists the emails SES accepted, as JSON.

    moto's own /moto-api/data.json serialises every model and fails (500) once S3 holds
    multipart parts, so the tests and the local stack read sent emails here instead.
    """

    PATH = "/salesos-api/sent-emails"

    def __init__(self, app):
        self._app = app

    def __call__(self, environ, start_response):
        if environ.get("PATH_INFO") != self.PATH:
            return self._app(environ, start_response)
        from moto.ses.models import ses_backends

        emails = []
        for account in ses_backends.values():
            for backend in account.values():
                for message in backend.sent_messages:
                    destinations = getattr(message, "destinations", None) or {}
                    emails.append({
                        "source": getattr(message, "source", None),
                        "subject": getattr(message, "subject", None),
                        "body": getattr(message, "body", None),
                        "destinations": destinations,
                    })
        body = json.dumps({"emails": emails}).encode("utf-8")
        start_response("200 OK", [("Content-Type", "application/json"), ("Content-Length", str(len(body)))])
        return [body]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=4599)
    args = parser.parse_args()
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    app = DomainDispatcherApplication(create_backend_app)
    run_simple(args.host, args.port, SentEmails(SerialisedDynamoDb(app)), threaded=True)


if __name__ == "__main__":
    main()
