package com.salesos.admin.emulator.calls;

/**
 * ARNs as they would be in a deployed stack, in one canonical form shared by the recorder and the
 * IAM contract test: partition {@code aws}, region {@code us-east-1}, account {@code 123456789012},
 * and every resource named by its logical id (CloudFormation would append a random suffix, which
 * no policy of ours depends on). Parameters keep their default values.
 */
public final class DeployedArns {

    public static final String PARTITION = "aws";
    public static final String REGION = "us-east-1";
    public static final String ACCOUNT = "123456789012";

    private DeployedArns() {
    }

    /** The ARN of a resource (the {@code .Arn} attribute) from its logical id and CloudFormation type. */
    public static String of(String logicalId, String type) {
        return switch (type) {
            case "AWS::DynamoDB::Table" -> regional("dynamodb", "table/" + logicalId);
            case "AWS::Cognito::UserPool" -> regional("cognito-idp", "userpool/" + logicalId);
            case "AWS::KMS::Key" -> regional("kms", "key/" + logicalId);
            case "AWS::S3::Bucket" -> "arn:" + PARTITION + ":s3:::" + logicalId;
            case "AWS::SQS::Queue" -> regional("sqs", logicalId);
            case "AWS::IAM::Role" -> "arn:" + PARTITION + ":iam::" + ACCOUNT + ":role/" + logicalId;
            case "AWS::Lambda::Function" -> regional("lambda", "function:" + logicalId);
            default -> throw new IllegalArgumentException("No ARN form for " + type + " (" + logicalId + ")");
        };
    }

    /** What {@code !Ref} gives for a resource, where that differs from the logical id. */
    public static String ref(String logicalId, String type) {
        return switch (type) {
            case "AWS::SQS::Queue" -> "https://sqs." + REGION + ".amazonaws.com/" + ACCOUNT + "/" + logicalId;
            default -> logicalId;
        };
    }

    public static String sesIdentity(String identity) {
        return regional("ses", "identity/" + identity);
    }

    public static String lambdaAlias(String functionLogicalId, String alias) {
        return regional("lambda", "function:" + functionLogicalId + ":" + alias);
    }

    private static String regional(String service, String resource) {
        return "arn:" + PARTITION + ":" + service + ":" + REGION + ":" + ACCOUNT + ":" + resource;
    }
}
