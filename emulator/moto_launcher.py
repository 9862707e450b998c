"""Starts moto's server for SalesOS Admin's local stack and tests.

moto applies a DynamoDB TransactWriteItems as a sequence of checks and writes without a lock, so
two concurrent transactions on its threaded server can both pass a condition that only one of
them should (for example two invitations taking the last free seat). Real DynamoDB is
serialisable per item; we restore that by letting one DynamoDB request run at a time. Every other
service keeps moto's threaded concurrency.

It also undoes a cancelled TransactWriteItems item by item instead of letting moto deep-copy the
whole table once per item of the transaction (see undo_transactions_item_by_item), which is what
made transactions on big tables slow, lets a Query read its partition instead of sorting the
whole table (see queries_read_their_partition_and_sort_by_values), writes DynamoDB's item answers
as JSON directly instead of walking their output shapes (see dynamodb_answers_serialised_directly),
and lets SendMessage skip counting the whole queue (see sqs_sends_without_counting_the_queue),
which made queuing thousands of messages quadratic.

Fault mode: with SALESOS_EMULATOR_CONFLICT_RATE=r (0..1) set, that fraction of TransactWriteItems
calls is cancelled with reason TransactionConflict before reaching moto, as DynamoDB cancels racing
transactions (see TransactionConflicts); POST /salesos-api/faults changes the rate while running.

Usage: python3 moto_launcher.py [--host 127.0.0.1] [--port 4599] [--instance <id>]
"""
import argparse
import hashlib
import io
import json
import os
import random
import signal
import sys
import threading
import time

from werkzeug.serving import run_simple

from moto.moto_server.threaded_moto_server import DomainDispatcherApplication
from moto.moto_server.werkzeug_app import create_backend_app



def read_json_body(environ):
    """The request body, left readable for moto, and its JSON object ({} if it is not JSON)."""
    length = int(environ.get("CONTENT_LENGTH") or 0)
    body = environ["wsgi.input"].read(length)
    environ["wsgi.input"] = io.BytesIO(body)
    try:
        parsed = json.loads(body)
    except ValueError:
        parsed = {}
    return body, parsed if isinstance(parsed, dict) else {}

class SerialisedDynamoDb:
    """WSGI middleware: DynamoDB requests (X-Amz-Target DynamoDB_*) run one at a time.

    It also honours TransactWriteItems' ClientRequestToken as DynamoDB does and moto does not: a
    repeat of a committed transaction with the same token within 10 minutes answers the first
    answer and writes nothing again. The AWS SDK fills the token in itself and reuses it when it
    retries, so a retry after a client-side timeout (the first attempt did commit) must not be
    applied a second time, where its conditions would now fail.
    """

    TRANSACT_WRITE = "DynamoDB_20120810.TransactWriteItems"
    TOKEN_TTL_SECONDS = 600

    def __init__(self, app, conflicts):
        self._app = app
        self._lock = threading.Lock()
        self._committed = {}  # token -> (request hash, expiry, status, headers, body)
        self._conflicts = conflicts

    def __call__(self, environ, start_response):
        if environ.get("PATH_INFO") == "/moto-api/reset":
            with self._lock:
                self._committed.clear()
        if not environ.get("HTTP_X_AMZ_TARGET", "").startswith("DynamoDB_"):
            return self._app(environ, start_response)
        with self._lock:
            if environ.get("HTTP_X_AMZ_TARGET") == self.TRANSACT_WRITE:
                return self._transact_write(environ, start_response)
            # Drain the body inside the lock: werkzeug may produce it lazily.
            return [b"".join(self._app(environ, start_response))]

    def _transact_write(self, environ, start_response):
        request, parsed = read_json_body(environ)
        token = parsed.get("ClientRequestToken")
        now = time.monotonic()
        self._committed = {t: v for t, v in self._committed.items() if v[1] > now}
        fingerprint = hashlib.sha256(request).hexdigest()
        if token in self._committed:
            seen, _, status, headers, body = self._committed[token]
            if seen == fingerprint:
                start_response(status, headers)
                return [body]
            body = json.dumps({"__type": "com.amazonaws.dynamodb.v20120810#IdempotentParameterMismatchException",
                               "message": "ClientRequestToken was used for a different request"}).encode("utf-8")
            start_response("400 Bad Request", [("Content-Type", "application/x-amz-json-1.0"),
                                               ("Content-Length", str(len(body)))])
            return [body]
        cancellation = self._conflicts.maybe_cancel(parsed)
        if cancellation is not None:
            start_response("400 Bad Request", [("Content-Type", "application/x-amz-json-1.0"),
                                               ("Content-Length", str(len(cancellation)))])
            return [cancellation]
        answer = {}

        def remember(status, headers, exc_info=None):
            answer["status"], answer["headers"] = status, headers
            return start_response(status, headers, exc_info)

        body = b"".join(self._app(environ, remember))
        if token and answer.get("status", "").startswith("200"):
            self._committed[token] = (fingerprint, now + self.TOKEN_TTL_SECONDS, answer["status"], answer["headers"], body)
        return [body]


class TransactionConflicts:
    """Fault mode: a fraction of TransactWriteItems calls is cancelled as real DynamoDB cancels a
    transaction that raced another one on the same item, before it reaches moto (so nothing is
    written): HTTP 400, TransactionCanceledException, one CancellationReasons entry per action,
    one of them TransactionConflict and the rest None.

    The rate comes from SALESOS_EMULATOR_CONFLICT_RATE (0..1, default 0); FaultsApi changes it
    while the server runs.
    """

    def __init__(self, rate):
        self._lock = threading.Lock()
        self.rate = rate
        self.cancelled = 0
        self._random = random.Random()

    def maybe_cancel(self, parsed):
        with self._lock:
            if self.rate <= 0 or self._random.random() >= self.rate:
                return None
            self.cancelled += 1
            actions = max(1, len(parsed.get("TransactItems", [])))
            conflicting = self._random.randrange(actions)
        reasons = [{"Code": "TransactionConflict", "Message": "Transaction is ongoing for the item"}
                   if i == conflicting else {"Code": "None"} for i in range(actions)]
        message = "Transaction cancelled, please refer cancellation reasons for specific reasons [" + \
            ", ".join(r["Code"] for r in reasons) + "]"
        return json.dumps({"__type": "com.amazonaws.dynamodb.v20120810#TransactionCanceledException",
                           "Message": message, "CancellationReasons": reasons}).encode("utf-8")

    def set_rate(self, rate):
        with self._lock:
            self.rate = min(1.0, max(0.0, rate))

    def state(self):
        with self._lock:
            return {"transactionConflictRate": self.rate, "cancelled": self.cancelled}


class FaultsApi:
    """WSGI middleware: POST /salesos-api/faults {"transactionConflictRate": r} sets the conflict
    rate of TransactionConflicts; GET (and POST) answer the rate and how many calls were cancelled."""

    PATH = "/salesos-api/faults"

    def __init__(self, app, conflicts):
        self._app = app
        self._conflicts = conflicts

    def __call__(self, environ, start_response):
        if environ.get("PATH_INFO") != self.PATH:
            return self._app(environ, start_response)
        if environ.get("REQUEST_METHOD") == "POST":
            self._conflicts.set_rate(float(read_json_body(environ)[1].get("transactionConflictRate", 0)))
        body = json.dumps(self._conflicts.state()).encode("utf-8")
        start_response("200 OK", [("Content-Type", "application/json"), ("Content-Length", str(len(body)))])
        return [body]


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


class Instance:
    """WSGI middleware: GET /salesos-api/instance answers the --instance this launcher was started with.

    Whoever starts a launcher waits for this answer, not for any server on the port: when two test
    JVMs (Maven modules built in parallel) pick the same free port, the launcher that loses the
    race exits, and its owner must not take the winner for its own server.
    """

    PATH = "/salesos-api/instance"

    def __init__(self, app, instance):
        self._app = app
        self._instance = instance.encode("utf-8")

    def __call__(self, environ, start_response):
        if environ.get("PATH_INFO") != self.PATH:
            return self._app(environ, start_response)
        start_response("200 OK", [("Content-Type", "text/plain"), ("Content-Length", str(len(self._instance)))])
        return [self._instance]


class CognitoPasswordLimits:
    """WSGI middleware: AdminSetUserPassword refuses what Cognito's API itself refuses.

    Cognito checks a password against the API's own limits (at most 256 characters, pattern
    ``^[\\S]+.*[\\S]+$``: no leading or trailing whitespace) before the pool's policy, and answers
    InvalidParameterException, not InvalidPasswordException. moto checks only the policy, so a
    password with a leading space passes there and the adapter's handling of the real error would
    go untested.
    """

    TARGET = "AWSCognitoIdentityProviderService.AdminSetUserPassword"
    MAX_LENGTH = 256

    def __init__(self, app):
        self._app = app

    def __call__(self, environ, start_response):
        if environ.get("HTTP_X_AMZ_TARGET") != self.TARGET:
            return self._app(environ, start_response)
        password = read_json_body(environ)[1].get("Password")
        if isinstance(password, str) and (len(password) > self.MAX_LENGTH or password != password.strip()):
            body = json.dumps({"__type": "InvalidParameterException",
                               "message": "1 validation error detected: Value at 'password' failed to satisfy "
                                          "constraint"}).encode("utf-8")
            start_response("400 Bad Request", [("Content-Type", "application/x-amz-json-1.1"),
                                               ("Content-Length", str(len(body)))])
            return [body]
        return self._app(environ, start_response)


class CognitoDeleteRevokesTokens:
    """WSGI middleware: AdminDeleteUser revokes the deleted user's tokens, as Cognito does.

    moto keeps an access token mapped to the internal username and does not drop it when the user
    is deleted, so an old token would keep passing GetUser (and would even answer for a new
    account of the same address). Cognito ties a token to the user it was issued to.
    """

    TARGET = "AWSCognitoIdentityProviderService.AdminDeleteUser"

    def __init__(self, app):
        self._app = app

    def __call__(self, environ, start_response):
        if environ.get("HTTP_X_AMZ_TARGET") != self.TARGET:
            return self._app(environ, start_response)
        params = read_json_body(environ)[1]
        from moto.cognitoidp.models import cognitoidp_backends

        for account in cognitoidp_backends.values():
            for backend in account.values():
                pool = backend.user_pools.get(params.get("UserPoolId"))
                if pool is None:
                    continue
                try:
                    user = backend.admin_get_user(pool.id, params.get("Username"))
                except Exception:  # not found: the delete itself answers that
                    continue
                # moto files a token under the name its sign-in used: the username or the email.
                emails = {a["Value"] for a in user.attributes if a["Name"] == "email"}
                for name in {user.username, params.get("Username")} | emails:
                    pool.sign_out(name)
        return self._app(environ, start_response)


def undo_transactions_item_by_item():
    """moto keeps a transaction's rollback copy of a table by deep-copying the whole table once per
    item of the transaction: a 100-item TransactWriteItems (a bulk invitation batch) on a table of
    10,000 items copies a million items, and a 5,000-row file took hours. Instead, the items the
    transaction writes are remembered before it runs and put back if it is cancelled; moto's own
    table copies become no-ops. Safe because SerialisedDynamoDb runs one DynamoDB request at a
    time, so nothing else reads the table while a cancelled transaction is being undone."""
    from moto.dynamodb import models as dynamodb_models
    from moto.dynamodb.models.table import Table

    real_copy = dynamodb_models.copy
    original = dynamodb_models.DynamoDBBackend.transact_write_items

    class NoTableCopies:
        def deepcopy(self, obj, *args, **kwargs):
            return obj if isinstance(obj, Table) else real_copy.deepcopy(obj, *args, **kwargs)

        def __getattr__(self, name):
            return getattr(real_copy, name)

    def transact_write_items(self, transact_items):
        undo = []
        try:
            for entry in transact_items:
                op_type, op = next(iter(entry.items()))
                if op_type not in ("Put", "Delete", "Update"):
                    continue
                table = self.get_table(op["TableName"])
                if op_type == "Put":
                    key = {table.hash_key_attr: op["Item"][table.hash_key_attr]}
                    if table.range_key_attr is not None:
                        key[table.range_key_attr] = op["Item"][table.range_key_attr]
                else:
                    key = op["Key"]
                current = self.get_item(op["TableName"], key)
                undo.append((op["TableName"], key, current.to_json()["Attributes"] if current else None))
        except Exception:
            undo = None  # malformed: moto's own checks answer it, and it wrote nothing yet
        dynamodb_models.copy = NoTableCopies()
        try:
            return original(self, transact_items)
        except Exception:
            for table_name, key, before in reversed(undo or []):
                if before is None:
                    if self.get_item(table_name, key) is not None:
                        self.delete_item(table_name, key)
                else:
                    self.put_item(table_name, before)
            raise
        finally:
            dynamodb_models.copy = real_copy

    dynamodb_models.DynamoDBBackend.transact_write_items = transact_write_items


def queries_read_their_partition_and_sort_by_values():
    """moto answers every Query by sorting the whole table (Table.all_items sorts every item by
    its key, comparing DynamoType objects, each comparison converting both values again), then
    keeps the partition asked for and sorts that; on an index it sorts the matches once more. With
    a few thousand deals in the table (the reassignment, deletion and export tests) a Query took
    about half a second, most of it in those comparisons. Here a Query on the table reads only its
    partition, a Query on an index reads the items unsorted (moto sorts the matches itself), and
    the table-wide and index sorts convert each key once (Python's sort key) instead of per
    comparison. The order of every answer is unchanged: the comparisons are the same values' (DynamoType compares its
    converted values), and a query's own sort puts its items in key order whatever their order
    before (a throwaway probe of 2026-11-30 paged table and index queries, forwards, backwards and
    filtered, and a scan, with and without this: the same answers; 6,600 deals, one Query on the
    table 0.47 s to 0.18 s, on the owner index 0.50 s to 0.28 s; the reassignment worker's test
    class about 107 s to 99 s, the deletion worker's 52 s to 46 s). The query swaps the table's
    item list for its own call only, which is safe because SerialisedDynamoDb runs one DynamoDB
    request at a time (moto's table export reads the list from a thread of its own; nothing here
    exports a table)."""
    from moto.dynamodb.models.table import Table

    def item_key(item):
        return (item.hash_key.cast_value, item.range_key.cast_value) if item.range_key else (item.hash_key.cast_value,)

    def unsorted_items(table):
        if table.range_key_attr:
            return [item for partition in table.items.values() for item in partition.values()]
        return list(table.items.values())

    def all_items(self):
        return sorted(unsorted_items(self), key=item_key)

    def sorted_items(self, hash_key_attrs, range_key_attrs, items):
        attributes = self._generate_attr_to_sort_by(hash_key_attrs, range_key_attrs)
        items.sort(key=lambda item: tuple(item.attrs[name].cast_value for name in attributes))
        return items

    original_query = Table.query

    def query(self, hash_key, range_comparison, range_objs, limit, exclusive_start_key, scan_index_forward,
              projection_expressions, index_name=None, *args, **kwargs):
        candidates = None  # no partition to read: moto's own way
        if index_name:
            candidates = unsorted_items(self)
        elif hash_key is not None and self.range_key_attr:
            candidates = list(self.items.get(hash_key, {}).values())
        elif hash_key is not None:
            candidates = [self.items[hash_key]] if hash_key in self.items else []
        if candidates is not None:
            self.all_items = lambda: candidates  # for this call only: moto's query filters and sorts them
        try:
            return original_query(self, hash_key, range_comparison, range_objs, limit, exclusive_start_key,
                                  scan_index_forward, projection_expressions, index_name, *args, **kwargs)
        finally:
            if candidates is not None:
                del self.all_items

    Table.all_items = all_items
    Table.sorted_items = sorted_items
    Table.query = query


def dynamodb_answers_serialised_directly():
    """moto 5.2 serialises every answer by walking the operation's output shape in Python, value by
    value (picking each member through its alias rules), which made answering a Query of a
    thousand items cost more than running it: 43% of the emulator's busy time in the reassignment
    worker's tests (a sampling of its threads). A DynamoDB answer is already plain JSON data once
    moto turns its DynamoType values into dicts (DynamoResult), so for the item operations below it
    is written with json.dumps directly: top-level keys outside the output shape and None values at
    any depth are left out, as the shape walk leaves them out, and binary values are base64-encoded,
    as it encodes blobs. Only the operations the check below compared are listed.
    Anything else (another operation, an error, a value of another type, pretty-printing) keeps
    moto's own serialiser. A throwaway check of 2026-12-01 ran both serialisers on every such answer
    of the reassignment worker's test class and of the export-worker, users, deletion-worker and
    points modules' tests (about 3,200 answers: GetItem, PutItem, Query, Scan, UpdateItem) and
    compared status, headers and decoded bodies: no difference."""
    import base64

    from moto import settings
    from moto.core.responses import ActionResult
    from moto.dynamodb.responses import DynamoResult

    item_operations = {"GetItem", "Query", "Scan", "PutItem", "UpdateItem"}

    class NotPlain(Exception):
        pass

    def plain(value):
        kind = type(value)
        if kind is dict:
            return {key: plain(member) for key, member in value.items() if member is not None}
        if kind is list:
            return [plain(member) for member in value]
        if kind is str or kind is bool or kind is int or kind is float:
            return value
        if kind is bytes:
            return base64.b64encode(value).decode("utf-8")
        raise NotPlain(kind)

    def execute_result(self, context):
        operation = context.operation_model
        if operation.name in item_operations and type(self.result) is dict and not settings.PRETTIFY_RESPONSES:
            members = operation.output_shape.members if operation.output_shape is not None else {}
            try:
                body = {key: plain(value) for key, value in self.result.items() if key in members and value is not None}
            except NotPlain:
                return ActionResult.execute_result(self, context)
            content_type = "application/x-amz-json-" + operation.service_model.metadata.get("jsonVersion", "1.0")
            return operation.http.get("responseCode", 200), {"Content-Type": content_type}, json.dumps(body)
        return ActionResult.execute_result(self, context)

    DynamoResult.execute_result = execute_result


def sqs_sends_without_counting_the_queue():
    """moto's SendMessage reads the queue's attributes for one flag (ContentBasedDeduplication), and
    building them counts the queue's messages by visibility, each count asking the clock: every send
    costs O(messages queued), so the 5,000 emails of one bulk file took minutes to queue (1,000
    messages: 24 s, the last 250 of them 12 s). While a send runs, the queue's attributes answer
    just that flag, read as moto reads it; GetQueueAttributes and everything else see the real ones."""
    import threading

    from moto.sqs import models as sqs_models

    real_attributes = sqs_models.Queue.attributes
    sending = threading.local()

    def attributes(queue):
        if not getattr(sending, "active", False):
            return real_attributes.fget(queue)
        if not queue.fifo_queue:
            return {}
        flag = getattr(queue, "content_based_deduplication", False)
        return {"ContentBasedDeduplication": str(flag).lower() if isinstance(flag, bool) else flag}

    real_send = sqs_models.SQSBackend.send_message

    def send_message(self, *args, **kwargs):
        sending.active = True
        try:
            return real_send(self, *args, **kwargs)
        finally:
            sending.active = False

    sqs_models.Queue.attributes = property(attributes)
    sqs_models.SQSBackend.send_message = send_message


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=4599)
    parser.add_argument("--instance", default="", help="what GET /salesos-api/instance answers")
    args = parser.parse_args()
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    undo_transactions_item_by_item()
    queries_read_their_partition_and_sort_by_values()
    dynamodb_answers_serialised_directly()
    sqs_sends_without_counting_the_queue()
    app = DomainDispatcherApplication(create_backend_app)
    conflicts = TransactionConflicts(float(os.environ.get("SALESOS_EMULATOR_CONFLICT_RATE") or 0))
    served = SentEmails(CognitoDeleteRevokesTokens(CognitoPasswordLimits(SerialisedDynamoDb(app, conflicts))))
    run_simple(args.host, args.port, Instance(FaultsApi(served, conflicts), args.instance), threaded=True)


if __name__ == "__main__":
    main()
