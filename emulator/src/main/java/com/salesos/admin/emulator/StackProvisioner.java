package com.salesos.admin.emulator;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.SchemaAttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UsernameAttributeType;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/**
 * Creates, in an emulator, every stateful resource template.yaml declares, with the properties
 * declared there (keys, indexes, password policy, auth flows...). Resource types it does not know
 * (functions, the API, log groups) are left to the local server or have no local counterpart.
 */
public final class StackProvisioner {

    /**
     * The emulator deploys the template as stage {@code local}: the template's {@code IsLocal}
     * condition then allows what only the local stack needs (password sign-in for seeded people).
     */
    public static final Map<String, String> EMULATOR_PARAMETERS = Map.of("Stage", "local");

    private final SamTemplate template;
    private final EmulatorClients clients;

    public StackProvisioner(SamTemplate template, EmulatorClients clients) {
        this.template = template.withParameters(EMULATOR_PARAMETERS);
        this.clients = clients;
    }

    public ProvisionedStack provision() {
        Map<String, String> ids = new LinkedHashMap<>();
        ids.put("AWS::Region", clients.region());
        ids.put("AWS::AccountId", "123456789012");
        ids.put("AWS::Partition", "aws");
        ids.put("AWS::URLSuffix", "amazonaws.com");
        DynamoTables tables = new DynamoTables(clients.endpoint(), clients.region());
        try (CognitoIdentityProviderClient cognito = clients.cognito();
             SesV2Client ses = clients.ses();
             software.amazon.awssdk.services.kms.KmsClient kms = clients.kms();
             software.amazon.awssdk.services.s3.S3Client s3 = clients.s3();
             software.amazon.awssdk.services.sqs.SqsClient sqs = clients.sqs()) {
            template.resourcesOfType("AWS::DynamoDB::Table").forEach((id, p) -> createTable(tables, id, SamTemplate.cast(p), ids));
            template.resourcesOfType("AWS::Cognito::UserPool").forEach((id, p) -> createUserPool(cognito, id, SamTemplate.cast(p), ids));
            template.resourcesOfType("AWS::Cognito::UserPoolClient").forEach((id, p) -> createUserPoolClient(cognito, id, SamTemplate.cast(p), ids));
            template.resourcesOfType("AWS::Cognito::UserPoolGroup").forEach((id, p) -> createUserPoolGroup(cognito, id, SamTemplate.cast(p), ids));
            template.resourcesOfType("AWS::SES::EmailIdentity").forEach((id, p) -> createEmailIdentity(ses, id, SamTemplate.cast(p), ids));
            template.resourcesOfType("AWS::KMS::Key").forEach((id, p) -> createKey(kms, id, SamTemplate.cast(p), ids));
            template.resourcesOfType("AWS::S3::Bucket").forEach((id, p) -> createBucket(s3, id, SamTemplate.cast(p), ids));
            // Dead-letter queues first: a redrive policy names its target's ARN.
            Map<String, Object> queues = template.resourcesOfType("AWS::SQS::Queue");
            queues.forEach((id, p) -> {
                if (!SamTemplate.<Map<String, Object>>cast(p).containsKey("RedrivePolicy")) {
                    createQueue(sqs, id, SamTemplate.cast(p), ids);
                }
            });
            queues.forEach((id, p) -> {
                if (SamTemplate.<Map<String, Object>>cast(p).containsKey("RedrivePolicy")) {
                    createQueue(sqs, id, SamTemplate.cast(p), ids);
                }
            });
        }
        return new ProvisionedStack(template, clients.endpoint(), clients.region(), Map.copyOf(ids));
    }

    private void createTable(DynamoTables tables, String id, Map<String, Object> p, Map<String, String> ids) {
        String name = p.containsKey("TableName") ? template.resolve(p.get("TableName"), ids) : "salesos-" + id;
        String arn = tables.create(name, p);
        ids.put(id, name);
        ids.put(id + ".Arn", arn);
    }

    private void createUserPool(CognitoIdentityProviderClient cognito, String id, Map<String, Object> p,
                                Map<String, String> ids) {
        Map<String, Object> policies = SamTemplate.cast(p.getOrDefault("Policies", Map.of()));
        Map<String, Object> password = SamTemplate.cast(policies.getOrDefault("PasswordPolicy", Map.of()));
        List<String> usernameAttributes = SamTemplate.cast(p.getOrDefault("UsernameAttributes", List.of()));
        List<Map<String, Object>> schema = SamTemplate.cast(p.getOrDefault("Schema", List.of()));
        UserPoolType pool = cognito.createUserPool(r -> r
                .poolName(template.resolve(p.getOrDefault("UserPoolName", id), ids))
                .schema(schema.stream().map(StackProvisioner::schemaAttribute).toList())
                .usernameAttributes(usernameAttributes.stream().map(UsernameAttributeType::fromValue).toList())
                .policies(pp -> pp.passwordPolicy(pw -> pw
                        .minimumLength((Integer) password.getOrDefault("MinimumLength", 8))
                        .requireLowercase((Boolean) password.getOrDefault("RequireLowercase", false))
                        .requireUppercase((Boolean) password.getOrDefault("RequireUppercase", false))
                        .requireNumbers((Boolean) password.getOrDefault("RequireNumbers", false))
                        .requireSymbols((Boolean) password.getOrDefault("RequireSymbols", false))))).userPool();
        ids.put(id, pool.id());
        ids.put(id + ".Arn", pool.arn());
    }

    private static SchemaAttributeType schemaAttribute(
            Map<String, Object> a) {
        Map<String, Object> strings = SamTemplate.cast(a.getOrDefault("StringAttributeConstraints", Map.of()));
        return SchemaAttributeType.builder()
                .name((String) a.get("Name"))
                .attributeDataType((String) a.get("AttributeDataType"))
                .mutable((Boolean) a.getOrDefault("Mutable", true))
                .stringAttributeConstraints(c -> c.minLength((String) strings.get("MinLength"))
                        .maxLength((String) strings.get("MaxLength")))
                .build();
    }

    private void createUserPoolClient(CognitoIdentityProviderClient cognito, String id, Map<String, Object> p,
                                      Map<String, String> ids) {
        List<String> flows = SamTemplate.cast(template.evaluate(p.getOrDefault("ExplicitAuthFlows", List.of())));
        String clientId = cognito.createUserPoolClient(r -> r
                .userPoolId(template.resolve(p.get("UserPoolId"), ids))
                .clientName(template.resolve(p.getOrDefault("ClientName", id), ids))
                .generateSecret(Boolean.TRUE.equals(p.get("GenerateSecret")))
                .explicitAuthFlows(flows.stream().map(ExplicitAuthFlowsType::fromValue).toList()))
                .userPoolClient().clientId();
        ids.put(id, clientId);
    }

    private void createUserPoolGroup(CognitoIdentityProviderClient cognito, String id, Map<String, Object> p,
                                     Map<String, String> ids) {
        String name = template.resolve(p.get("GroupName"), ids);
        cognito.createGroup(r -> r.userPoolId(template.resolve(p.get("UserPoolId"), ids)).groupName(name)
                .description(p.containsKey("Description") ? template.resolve(p.get("Description"), ids) : null));
        ids.put(id, name);
    }

    private void createKey(software.amazon.awssdk.services.kms.KmsClient kms, String id, Map<String, Object> p,
                           Map<String, String> ids) {
        var key = kms.createKey(r -> r.keySpec(String.valueOf(p.getOrDefault("KeySpec", "SYMMETRIC_DEFAULT")))
                .keyUsage(String.valueOf(p.getOrDefault("KeyUsage", "ENCRYPT_DECRYPT")))
                .description(String.valueOf(p.getOrDefault("Description", id)))).keyMetadata();
        ids.put(id, key.keyId());
        ids.put(id + ".Arn", key.arn());
    }

    private void createBucket(software.amazon.awssdk.services.s3.S3Client s3, String id, Map<String, Object> p,
                              Map<String, String> ids) {
        String name = p.containsKey("BucketName") ? template.resolve(p.get("BucketName"), ids)
                : "salesos-" + id.toLowerCase(java.util.Locale.ROOT);
        s3.createBucket(r -> r.bucket(name));
        ids.put(id, name);
        ids.put(id + ".Arn", "arn:aws:s3:::" + name);
    }

    private void createQueue(software.amazon.awssdk.services.sqs.SqsClient sqs, String id, Map<String, Object> p,
                             Map<String, String> ids) {
        String name = p.containsKey("QueueName") ? template.resolve(p.get("QueueName"), ids) : "salesos-" + id;
        Map<software.amazon.awssdk.services.sqs.model.QueueAttributeName, String> attributes = new LinkedHashMap<>();
        if (p.containsKey("VisibilityTimeout")) {
            attributes.put(software.amazon.awssdk.services.sqs.model.QueueAttributeName.VISIBILITY_TIMEOUT,
                    String.valueOf(p.get("VisibilityTimeout")));
        }
        Map<String, Object> redrive = SamTemplate.cast(p.get("RedrivePolicy"));
        if (redrive != null) {
            attributes.put(software.amazon.awssdk.services.sqs.model.QueueAttributeName.REDRIVE_POLICY,
                    "{\"deadLetterTargetArn\":\"" + template.resolve(redrive.get("deadLetterTargetArn"), ids)
                            + "\",\"maxReceiveCount\":" + redrive.get("maxReceiveCount") + "}");
        }
        String url = sqs.createQueue(r -> r.queueName(name).attributes(attributes)).queueUrl();
        String arn = sqs.getQueueAttributes(r -> r.queueUrl(url)
                .attributeNames(software.amazon.awssdk.services.sqs.model.QueueAttributeName.QUEUE_ARN))
                .attributes().get(software.amazon.awssdk.services.sqs.model.QueueAttributeName.QUEUE_ARN);
        ids.put(id, url);
        ids.put(id + ".Arn", arn);
        ids.put(id + ".QueueName", name);
    }

    private void createEmailIdentity(SesV2Client ses, String id, Map<String, Object> p, Map<String, String> ids) {
        String identity = template.resolve(p.get("EmailIdentity"), ids);
        ses.createEmailIdentity(r -> r.emailIdentity(identity));
        ids.put(id, identity);
    }
}
