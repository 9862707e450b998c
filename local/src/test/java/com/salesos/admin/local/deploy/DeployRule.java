package com.salesos.admin.local.deploy;

/**
 * The AWS rules the emulator skips, each with the documentation it comes from. moto creates no
 * event source mappings, runs no handler from a jar, validates no schedule and enforces no IAM,
 * so a template that passes every test could still fail `sam deploy` or fail in production.
 */
public enum DeployRule {
    SQS_VISIBILITY_AT_LEAST_TIMEOUT("https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-configure.html"
            + " (Lambda refuses an event source mapping whose queue's visibility timeout is below the function's timeout)"),
    SQS_VISIBILITY_SIX_TIMES_TIMEOUT("https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-configure.html"
            + " (AWS advises at least six times the function's timeout)"),
    SQS_BATCHING_WITHIN_LIMITS("https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-parameters.html"
            + " (BatchSize 1-10 without a batching window, up to 10,000 with one, 10 for FIFO; window 0-300 s)"),
    SQS_REPORTS_ITEM_FAILURES("https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-errorhandling.html"
            + " (a returned SQSBatchResponse is ignored unless FunctionResponseTypes has ReportBatchItemFailures)"),
    SQS_CONCURRENCY_BY_MAXIMUM_CONCURRENCY("https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-scaling.html"
            + " (cap with ScalingConfig.MaximumConcurrency, 2-1000; reserved concurrency throttles messages the pollers already took)"),
    HANDLER_IN_JAR("https://docs.aws.amazon.com/lambda/latest/dg/java-handler.html"
            + " (a public class with a public no-argument constructor implementing RequestHandler or RequestStreamHandler)"),
    HANDLER_TAKES_ITS_EVENTS("https://docs.aws.amazon.com/lambda/latest/dg/java-samples.html"
            + " (HTTP API payload 2.0 arrives as APIGatewayV2HTTPEvent, SQS as SQSEvent)"),
    CODE_URI_IS_THE_PACKAGED_JAR("https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-resource-function.html#sam-function-codeuri"
            + " (sam deploy uploads exactly the file CodeUri names)"),
    RUNTIME_SUPPORTED("https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtimes.html"
            + " (supported Java runtimes; the classes' bytecode must not be newer than the runtime)"),
    SNAPSTART_ON_PUBLISHED_VERSIONS("https://docs.aws.amazon.com/lambda/latest/dg/snapstart.html"
            + " (SnapStart applies only to published versions; invoking $LATEST starts cold)"),
    TIMEOUT_AND_MEMORY_WITHIN_LIMITS("https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html"
            + " (timeout 1-900 s, memory 128-10,240 MB) and https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-quotas.html"
            + " (an HTTP API waits at most 30 s for its integration)"),
    SCHEDULE_EXPRESSION_VALID("https://docs.aws.amazon.com/scheduler/latest/UserGuide/schedule-types.html"),
    SCHEDULE_ROLE_MAY_INVOKE("https://docs.aws.amazon.com/scheduler/latest/UserGuide/setting-up.html#setting-up-execution-role"
            + " (the schedule's role is assumed by scheduler.amazonaws.com and must allow lambda:InvokeFunction on the target)");

    private final String documentation;

    DeployRule(String documentation) {
        this.documentation = documentation;
    }

    public String documentation() {
        return documentation;
    }
}
