package com.salesos.admin.emulator;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.salesos.admin.emulator.calls.Caller;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * Does for a function what Lambda's SQS event source mapping does, against the emulator's real
 * queues: receives from every queue the template wires to the function (batch size as declared),
 * invokes the handler with an SQS event and a context carrying the function's time budget, deletes
 * what succeeded and leaves the reported failures on the queue. Unlike AWS, which leaves a failed
 * message invisible for the queue's visibility timeout, failures become visible again after
 * {@code retryDelay}, so that retries (and the move to the dead-letter queue after maxReceiveCount,
 * which moto applies) happen in seconds locally.
 */
public final class QueueDriver {

    private record Source(String url, String arn, int batchSize) {
    }

    private final SqsClient sqs;
    private final RequestHandler<SQSEvent, SQSBatchResponse> handler;
    private final List<Source> sources;
    private final String region;
    private final String functionName;
    private volatile Duration budget;
    private final Duration retryDelay;

    public QueueDriver(ProvisionedStack stack, SqsClient sqs, String functionLogicalId,
                       RequestHandler<SQSEvent, SQSBatchResponse> handler, Duration retryDelay) {
        this.sqs = sqs;
        this.handler = handler;
        this.region = stack.region();
        this.functionName = functionLogicalId;
        this.budget = Duration.ofSeconds(stack.template().timeoutSeconds(functionLogicalId));
        this.retryDelay = retryDelay;
        this.sources = stack.template().queueSources(functionLogicalId).stream()
                .map(q -> new Source(stack.physicalId(q.queueLogicalId()), stack.physicalId(q.queueLogicalId() + ".Arn"), q.batchSize()))
                .toList();
    }

    /** The time each invocation is told it has left (the function's timeout unless a test shrinks it). */
    public void budget(Duration budget) {
        this.budget = budget;
    }

    /** One receive per queue (waiting up to {@code wait} for messages); returns how many messages were handled. */
    public int pollOnce(Duration wait) {
        int handled = 0;
        for (Source source : sources) {
            // Lambda's pollers receive and delete with the function's execution role.
            List<Message> messages = Caller.eventSource(functionName).run(() -> sqs.receiveMessage(r -> r.queueUrl(source.url())
                    .maxNumberOfMessages(source.batchSize())
                    .waitTimeSeconds((int) wait.toSeconds())
                    .messageSystemAttributeNames(MessageSystemAttributeName.ALL)).messages());
            if (!messages.isEmpty()) {
                invoke(source, messages);
                handled += messages.size();
            }
        }
        return handled;
    }

    /** Polls without waiting until no queue has a visible message; returns how many messages were handled. */
    public int drain() {
        int total = 0;
        for (int round = 0; round < 10_000; round++) {
            int handled = pollOnce(Duration.ZERO);
            if (handled == 0) {
                return total;
            }
            total += handled;
        }
        throw new IllegalStateException("the queues never ran dry");
    }

    private void invoke(Source source, List<Message> messages) {
        SQSEvent event = new SQSEvent();
        event.setRecords(messages.stream().map(m -> record(source, m)).toList());
        Set<String> failed;
        try {
            SQSBatchResponse response = Caller.code(functionName).run(
                    () -> handler.handleRequest(event, new BudgetContext(functionName, budget)));
            failed = response == null || response.getBatchItemFailures() == null ? Set.of()
                    : response.getBatchItemFailures().stream().map(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
                    .collect(Collectors.toSet());
        } catch (RuntimeException crashed) {
            failed = messages.stream().map(Message::messageId).collect(Collectors.toSet());
        }
        for (Message message : messages) {
            if (failed.contains(message.messageId())) {
                // Not what Lambda does (it lets the visibility timeout run out): the emulator's
                // shortcut, so made as the test rather than as the function.
                sqs.changeMessageVisibility(r -> r.queueUrl(source.url()).receiptHandle(message.receiptHandle())
                        .visibilityTimeout((int) retryDelay.toSeconds()));
            } else {
                Caller.eventSource(functionName).run(
                        () -> sqs.deleteMessage(r -> r.queueUrl(source.url()).receiptHandle(message.receiptHandle())));
            }
        }
    }

    private SQSEvent.SQSMessage record(Source source, Message message) {
        SQSEvent.SQSMessage record = new SQSEvent.SQSMessage();
        record.setMessageId(message.messageId());
        record.setReceiptHandle(message.receiptHandle());
        record.setBody(message.body());
        record.setMd5OfBody(message.md5OfBody());
        Map<String, String> attributes = new HashMap<>();
        message.attributes().forEach((name, value) -> attributes.put(name.toString(), value));
        record.setAttributes(attributes);
        record.setEventSource("aws:sqs");
        record.setEventSourceArn(source.arn());
        record.setAwsRegion(region);
        return record;
    }

    /** The Lambda context an invocation sees: mainly how much time it has. */
    private static final class BudgetContext implements Context {
        private final String functionName;
        private final long deadline;

        BudgetContext(String functionName, Duration budget) {
            this.functionName = functionName;
            this.deadline = System.currentTimeMillis() + budget.toMillis();
        }

        @Override
        public String getAwsRequestId() {
            return java.util.UUID.randomUUID().toString();
        }

        @Override
        public String getLogGroupName() {
            return "/local/" + functionName;
        }

        @Override
        public String getLogStreamName() {
            return "local";
        }

        @Override
        public String getFunctionName() {
            return functionName;
        }

        @Override
        public String getFunctionVersion() {
            return "$LATEST";
        }

        @Override
        public String getInvokedFunctionArn() {
            return "arn:aws:lambda:local:123456789012:function:" + functionName;
        }

        @Override
        public CognitoIdentity getIdentity() {
            return null;
        }

        @Override
        public ClientContext getClientContext() {
            return null;
        }

        @Override
        public int getRemainingTimeInMillis() {
            return (int) Math.max(0, deadline - System.currentTimeMillis());
        }

        @Override
        public int getMemoryLimitInMB() {
            return 1024;
        }

        @Override
        public LambdaLogger getLogger() {
            return new LambdaLogger() {
                @Override
                public void log(String message) {
                    System.out.print(message);
                }

                @Override
                public void log(byte[] message) {
                    System.out.write(message, 0, message.length);
                }
            };
        }
    }
}
