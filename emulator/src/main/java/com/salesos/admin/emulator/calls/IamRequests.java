package com.salesos.admin.emulator.calls;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.sesv2.model.SendEmailRequest;

/**
 * What IAM authorizes for one SDK request: the actions and resource ARNs, which are not always the
 * operation's name. Sources: the Service Authorization Reference
 * (https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html)
 * for each service; DynamoDB authorizes each item of a transaction by its own action
 * (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/transaction-apis-iam.html); S3
 * multipart uploads and HEAD map to s3:PutObject and s3:GetObject
 * (https://docs.aws.amazon.com/AmazonS3/latest/userguide/mpuoverview.html#mpuAndPermissions); SQS batch
 * calls need the single-message action.
 */
public final class IamRequests {

    /** One IAM check a request triggers. */
    public record Access(String action, String resource) {
    }

    private static final Map<String, String> S3_ACTIONS = Map.of(
            "PutObject", "s3:PutObject",
            "CreateMultipartUpload", "s3:PutObject",
            "UploadPart", "s3:PutObject",
            "CompleteMultipartUpload", "s3:PutObject",
            "AbortMultipartUpload", "s3:AbortMultipartUpload",
            "GetObject", "s3:GetObject",
            "HeadObject", "s3:GetObject",
            "ListParts", "s3:ListMultipartUploadParts",
            "DeleteObject", "s3:DeleteObject");

    private static final Map<String, String> SQS_BATCH_ACTIONS = Map.of(
            "SendMessageBatch", "sqs:SendMessage",
            "DeleteMessageBatch", "sqs:DeleteMessage",
            "ChangeMessageVisibilityBatch", "sqs:ChangeMessageVisibility");

    private IamRequests() {
    }

    /** {@code service} is the SDK's service name (DynamoDb, S3, Sqs, ...). */
    public static List<Access> of(String service, SdkRequest request, DeployedNames names) {
        String operation = operation(request);
        String lower = service.toLowerCase(Locale.ROOT);
        return switch (lower) {
            case "dynamodb" -> dynamo(operation, request, names);
            case "s3" -> s3(operation, request, names);
            case "sqs" -> List.of(new Access(SQS_BATCH_ACTIONS.getOrDefault(operation, "sqs:" + operation),
                    names.arn(field(request, "QueueUrl"))));
            case "cognitoidentityprovider" -> List.of(new Access("cognito-idp:" + operation, names.arn(field(request, "UserPoolId"))));
            case "kms" -> List.of(new Access("kms:" + operation, names.arn(field(request, "KeyId"))));
            case "sesv2" -> List.of(new Access("ses:" + operation, DeployedArns.sesIdentity(sender(request))));
            default -> List.of(new Access(lower + ":unmapped-" + operation, "unknown-resource:" + service));
        };
    }

    /**
     * S3 checks: object actions on bucket/key; listing is s3:ListBucket on the bucket itself (its
     * unfinished uploads s3:ListBucketMultipartUploads), and a
     * batch delete is one s3:DeleteObject check per key (IAM has no DeleteObjects action).
     */
    private static List<Access> s3(String operation, SdkRequest request, DeployedNames names) {
        String bucket = names.arn(field(request, "Bucket"));
        if (operation.equals("ListObjectsV2") || operation.equals("ListObjects")) {
            return List.of(new Access("s3:ListBucket", bucket));
        }
        if (operation.equals("ListMultipartUploads")) {
            return List.of(new Access("s3:ListBucketMultipartUploads", bucket));
        }
        if (request instanceof software.amazon.awssdk.services.s3.model.DeleteObjectsRequest batch) {
            return batch.delete().objects().stream()
                    .map(object -> new Access("s3:DeleteObject", bucket + "/" + object.key())).toList();
        }
        return List.of(new Access(S3_ACTIONS.getOrDefault(operation, "s3:unmapped-" + operation), bucket + "/" + field(request, "Key")));
    }

    /** The operation a request class stands for: {@code GetItemRequest} is {@code GetItem}. */
    public static String operation(SdkRequest request) {
        String name = request.getClass().getSimpleName();
        return name.endsWith("Request") ? name.substring(0, name.length() - "Request".length()) : name;
    }

    private static List<Access> dynamo(String operation, SdkRequest request, DeployedNames names) {
        List<Access> accesses = new ArrayList<>();
        if (request instanceof TransactWriteItemsRequest transaction) {
            for (TransactWriteItem item : transaction.transactItems()) {
                if (item.put() != null) {
                    accesses.add(new Access("dynamodb:PutItem", names.arn(item.put().tableName())));
                }
                if (item.update() != null) {
                    accesses.add(new Access("dynamodb:UpdateItem", names.arn(item.update().tableName())));
                }
                if (item.delete() != null) {
                    accesses.add(new Access("dynamodb:DeleteItem", names.arn(item.delete().tableName())));
                }
                if (item.conditionCheck() != null) {
                    accesses.add(new Access("dynamodb:ConditionCheckItem", names.arn(item.conditionCheck().tableName())));
                }
            }
        } else if (operation.startsWith("Batch")) {
            Map<?, ?> items = request.getValueForField("RequestItems", Map.class).orElse(Map.of());
            items.keySet().forEach(table -> accesses.add(new Access("dynamodb:" + operation, names.arn(String.valueOf(table)))));
        } else {
            String table = names.arn(field(request, "TableName"));
            String index = request.getValueForField("IndexName", String.class).orElse(null);
            accesses.add(new Access("dynamodb:" + operation, index == null ? table : table + "/index/" + index));
        }
        return accesses;
    }

    private static String sender(SdkRequest request) {
        String from = request instanceof SendEmailRequest send ? send.fromEmailAddress() : field(request, "EmailIdentity");
        // "Name <address>" names the identity by its address.
        return from != null && from.contains("<") ? from.substring(from.indexOf('<') + 1, from.indexOf('>')) : from;
    }

    private static String field(SdkRequest request, String name) {
        return request.getValueForField(name, String.class).orElse(null);
    }
}
