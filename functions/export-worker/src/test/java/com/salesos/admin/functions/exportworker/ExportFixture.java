package com.salesos.admin.functions.exportworker;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.salesos.admin.emulator.LambdaApi;
import com.salesos.admin.emulator.LocalAws;
import com.salesos.admin.testing.MovableClock;
import com.salesos.admin.emulator.QueueDriver;
import com.salesos.admin.emulator.SentEmails;
import com.salesos.admin.emulator.TestWorkspace;
import com.salesos.admin.exports.CsvRow;
import com.salesos.admin.exports.ExportEntity;
import io.micronaut.function.aws.LambdaApplicationContextBuilder;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * One emulated account with both export functions as Lambda runs them: the HTTP function through
 * {@link LambdaApi}, the worker through a {@link QueueDriver} on the real queues, one clock.
 */
final class ExportFixture implements AutoCloseable {

    final LocalAws aws;
    final MovableClock clock;
    final LambdaApi api;
    final ExportWorkerHandler handler;
    /** Pages a second for the workers under test: far more than these tests read. */
    static final String UNPACED = "1000000";
    final QueueDriver driver;
    final SqsClient sqs;
    final S3Client s3;
    final SentEmails emails;
    final String bucket;
    final String queueUrl;

    /** On the class's account, clock, exports function (on that clock) and sent emails, as LocalAwsExtension injects them. */
    ExportFixture(LocalAws aws, MovableClock clock, LambdaApi api, SentEmails emails) {
        this.aws = aws;
        this.clock = clock;
        this.api = api;
        this.emails = emails;
        // The template's pace (4 pages a second) would add seconds of sleeps to every large export
        // and prove nothing here: ExportWorkerTest and PacerTest prove the pacing itself. The next
        // class's LocalAws sets the template's value again.
        System.setProperty(ExportWorkerSettings.EXPORT_PAGES_PER_SECOND, UNPACED);
        handler = newHandler();
        sqs = aws.clients().sqs();
        s3 = aws.clients().s3();
        bucket = aws.stack().physicalId("ExportsBucket");
        queueUrl = aws.stack().physicalId("ExportQueue");
        driver = driverFor(handler);
    }

    /** A worker handler built the way Lambda builds it, on this fixture's clock, with the current configuration. */
    ExportWorkerHandler newHandler() {
        return new ExportWorkerHandler(new LambdaApplicationContextBuilder().singletons(clock));
    }

    /** Drives the handler from the template's queues; failed messages come back at once. */
    QueueDriver driverFor(ExportWorkerHandler worker) {
        return new QueueDriver(aws.stack(), sqs, "ExportWorkerFunction", worker, Duration.ZERO);
    }

    String admin(String ws) {
        return TestWorkspace.on(aws, ws).tier("team").seatLimit(10)
                .user("usr_" + ws + "_admin", "admin@" + ws + ".test", "Admin Ådne", "admin")
                .build().admin().subject();
    }

    String requestExport(String subject, List<String> entities) {
        var accepted = api.call("POST", "/v1/exports", LambdaApi.json("entities", entities), subject);
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        return accepted.json().path("id").asText();
    }

    JsonNode job(String subject, String id) {
        var response = api.call("GET", "/v1/exports/" + id, null, subject);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    /** Takes the next message off the export queue without deleting it (as Lambda's poller would). */
    Message receive() {
        List<Message> messages = sqs.receiveMessage(r -> r.queueUrl(queueUrl).maxNumberOfMessages(1)
                .messageSystemAttributeNames(MessageSystemAttributeName.ALL)).messages();
        assertThat(messages).hasSize(1);
        return messages.get(0);
    }

    /** The SQS event Lambda would build for these messages of the export queue. */
    SQSEvent event(Message... messages) {
        String arn = aws.stack().physicalId("ExportQueue.Arn");
        List<SQSEvent.SQSMessage> records = new ArrayList<>();
        for (Message message : messages) {
            SQSEvent.SQSMessage record = new SQSEvent.SQSMessage();
            record.setMessageId(message.messageId());
            record.setReceiptHandle(message.receiptHandle());
            record.setBody(message.body());
            record.setEventSource("aws:sqs");
            record.setEventSourceArn(arn);
            records.add(record);
        }
        SQSEvent event = new SQSEvent();
        event.setRecords(records);
        return event;
    }

    /** A message with the body a wake-up for this job has (to deliver a duplicate of one already consumed). */
    Message wakeUpMessage(String jobId, String ws) {
        return Message.builder().messageId("duplicate-" + jobId).receiptHandle("none")
                .body("{\"workspaceId\":\"" + ws + "\",\"jobId\":\"" + jobId + "\"}").build();
    }

    byte[] download(String subject, String id) {
        var redirect = api.call("GET", "/v1/exports/" + id + "/download", null, subject);
        assertThat(redirect.status()).as(redirect.body()).isEqualTo(302);
        assertThat(redirect.header("Cache-Control")).isEqualTo("no-store");
        try {
            HttpResponse<byte[]> file = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(redirect.header("Location"))).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(file.statusCode()).isEqualTo(200);
            return file.body();
        } catch (IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    List<String> objectKeys(String ws) {
        return s3.listObjectsV2(r -> r.bucket(bucket).prefix("exports/" + ws + "/")).contents().stream()
                .map(o -> o.key()).toList();
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Each CSV file of the zip, parsed by Commons CSV (RFC 4180, header row), in file order. */
    static Map<String, List<CSVRecord>> unzip(byte[] zip) {
        Map<String, List<CSVRecord>> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                byte[] content = in.readAllBytes();
                try (CSVParser parser = CSVParser.parse(new InputStreamReader(new ByteArrayInputStream(content), StandardCharsets.UTF_8),
                        CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get())) {
                    files.put(entry.getName(), parser.getRecords());
                    assertThat(parser.getHeaderNames()).as(entry.getName() + " header")
                            .isEqualTo(ExportEntity.fromWireName(entry.getName().replace(".csv", "")).orElseThrow().columns());
                }
            }
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return files;
    }

    /** What the export must contain for the entity: the store's items in key order, cells as a spreadsheet gets them. */
    List<List<String>> storeRows(String ws, ExportEntity entity, String sortKeyPrefix) {
        List<List<String>> rows = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            QueryResponse page = aws.dynamo().query(r -> {
                r.tableName(aws.tableName()).keyConditionExpression("pk = :p and begins_with(sk, :s)")
                        .expressionAttributeValues(Map.of(":p", AttributeValue.fromS("WS#" + ws), ":s", AttributeValue.fromS(sortKeyPrefix)));
                if (from != null) {
                    r.exclusiveStartKey(from);
                }
            });
            for (Map<String, AttributeValue> item : page.items()) {
                List<String> row = new ArrayList<>();
                for (String column : entity.columns()) {
                    row.add(CsvRow.neutralised(expectedCell(entity, column, item)));
                }
                rows.add(row);
            }
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return rows;
    }

    /** A cell as docs/exports.md describes it, worked out here from the raw item rather than by the adapter's code. */
    private static String expectedCell(ExportEntity entity, String column, Map<String, AttributeValue> item) {
        if (column.equals("roleName")) {
            return com.salesos.admin.access.BuiltInRoles.find(item.get("roleId").s()).orElseThrow().name();
        }
        AttributeValue value = item.get(column.equals("amountMinor") ? "amount" : column);
        String text = value == null ? "" : value.s() != null ? value.s() : value.n();
        return entity == ExportEntity.USERS && column.equals("status") ? text.toLowerCase(java.util.Locale.ROOT) : text;
    }

    static List<List<String>> csvRows(List<CSVRecord> records) {
        return records.stream().map(r -> r.stream().toList()).toList();
    }

    /** Writes {@code count} deals with an incompressible name of {@code nameLength} characters, 25 per request. */
    void seedLargeDeals(String ws, int count, int nameLength, long seed) {
        java.util.Random random = new java.util.Random(seed);
        List<WriteRequest> batch = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            byte[] noise = new byte[nameLength * 3 / 4];
            random.nextBytes(noise);
            String id = String.format("d%06d", i);
            batch.add(WriteRequest.builder().putRequest(p -> p.item(Map.of(
                    "pk", AttributeValue.fromS("WS#" + ws), "sk", AttributeValue.fromS("DEAL#" + id),
                    "type", AttributeValue.fromS("deal"), "id", AttributeValue.fromS(id),
                    "name", AttributeValue.fromS(java.util.Base64.getEncoder().encodeToString(noise)),
                    "amount", AttributeValue.fromN(Integer.toString(random.nextInt(1_000_000))),
                    "currency", AttributeValue.fromS("EUR"), "stage", AttributeValue.fromS("proposal")))).build());
            if (batch.size() == 25 || i == count - 1) {
                List<WriteRequest> items = List.copyOf(batch);
                var unprocessed = aws.dynamo().batchWriteItem(r -> r.requestItems(Map.of(aws.tableName(), items))).unprocessedItems();
                assertThat(unprocessed).isEmpty();
                batch.clear();
            }
        }
    }

    /**
     * Writes {@code count} audit records (their own partition, sorted by time) whose {@code after}
     * holds an incompressible note of {@code noteLength} characters, 25 per request.
     */
    void seedLargeAudit(String ws, int count, int noteLength, long seed) {
        java.util.Random random = new java.util.Random(seed);
        List<WriteRequest> batch = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            byte[] noise = new byte[noteLength * 3 / 4];
            random.nextBytes(noise);
            String id = String.format("aud_%06d", i);
            String at = Instant.parse("2026-11-01T00:00:00Z").plusSeconds(i).toString();
            String target = "bdg_" + i;
            batch.add(WriteRequest.builder().putRequest(p -> p.item(Map.of(
                    "pk", AttributeValue.fromS("WS#" + ws + "#AUDIT"), "sk", AttributeValue.fromS(at + "#" + id),
                    "id", AttributeValue.fromS(id), "actor", AttributeValue.fromS("usr_" + ws + "_admin"),
                    "action", AttributeValue.fromS("badge.updated"), "targetType", AttributeValue.fromS("badge"),
                    "targetId", AttributeValue.fromS(target), "at", AttributeValue.fromS(at),
                    "after", AttributeValue.fromM(Map.of("note",
                            AttributeValue.fromS(java.util.Base64.getEncoder().encodeToString(noise))))))).build());
            if (batch.size() == 25 || i == count - 1) {
                List<WriteRequest> items = List.copyOf(batch);
                var unprocessed = aws.dynamo().batchWriteItem(r -> r.requestItems(Map.of(aws.tableName(), items))).unprocessedItems();
                assertThat(unprocessed).isEmpty();
                batch.clear();
            }
        }
    }

    @Override
    public void close() {
        handler.close();
        sqs.close();
        s3.close();
    }

}
