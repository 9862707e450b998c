package com.salesos.admin.local.deploy;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The AWS managed policies SAM attaches to function roles, with their statements as the AWS
 * Managed Policy Reference documents them (the transformed template names them only by ARN). A
 * policy SAM attaches that is missing here fails the IAM check, so the list cannot fall behind.
 */
final class ManagedPolicies {

    record Managed(String name, String attachedFor, String documentation, List<Grant> statements) {
    }

    private static final Map<String, Managed> BY_ARN = Map.of(
            "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole", new Managed("AWSLambdaBasicExecutionRole",
                    "every function (logs)", "https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AWSLambdaBasicExecutionRole.html",
                    List.of(grant("AWSLambdaBasicExecutionRole", "logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents"))),
            "arn:aws:iam::aws:policy/AWSXrayWriteOnlyAccess", new Managed("AWSXrayWriteOnlyAccess",
                    "Tracing: Active", "https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AWSXrayWriteOnlyAccess.html",
                    List.of(grant("AWSXrayWriteOnlyAccess", "xray:PutTraceSegments", "xray:PutTelemetryRecords",
                            "xray:GetSamplingRules", "xray:GetSamplingTargets", "xray:GetSamplingStatisticSummaries"))),
            "arn:aws:iam::aws:policy/service-role/AWSLambdaSQSQueueExecutionRole", new Managed("AWSLambdaSQSQueueExecutionRole",
                    "an SQS event source", "https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AWSLambdaSQSQueueExecutionRole.html",
                    List.of(grant("AWSLambdaSQSQueueExecutionRole", "sqs:ReceiveMessage", "sqs:DeleteMessage",
                            "sqs:GetQueueAttributes", "logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents"))));

    private ManagedPolicies() {
    }

    /** The policy of this ARN (any partition), if its statements are recorded here. */
    static Optional<Managed> of(String arn) {
        return Optional.ofNullable(BY_ARN.get(arn.replaceFirst("^arn:[^:]+:", "arn:aws:")));
    }

    private static Grant grant(String name, String... actions) {
        return new Grant("managed " + name, true, true, List.of(actions), List.of("*"));
    }
}
