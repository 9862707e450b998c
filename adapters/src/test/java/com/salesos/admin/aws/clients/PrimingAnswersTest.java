package com.salesos.admin.aws.clients;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/**
 * The priming's offline answers go through the real SDK clients (marshalling, signing,
 * unmarshalling) and come back as the items and responses given; no call leaves the process (the
 * real HTTP client here refuses to be built).
 */
class PrimingAnswersTest {

    private final PrimingHttpClient http = new PrimingHttpClient(() -> {
        throw new IllegalStateException("the real HTTP client was asked for");
    });

    private final DynamoDbClient dynamo = DynamoDbClient.builder().httpClient(http).region(Region.EU_WEST_1)
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("priming", "priming"))).build();

    private static final Map<String, AttributeValue> USER = Map.of(
            "pk", AttributeValue.fromS("WS#ws_p"), "sk", AttributeValue.fromS("USER#usr \"quoted\"\\"),
            "name", AttributeValue.fromS("Zoë\nNewline\ttab\u0001"),
            "count", AttributeValue.fromN("42"),
            "active", AttributeValue.fromBool(true),
            "nothing", AttributeValue.fromNul(true),
            "permissions", AttributeValue.fromSs(List.of("users:manage", "deals:read")),
            "blob", AttributeValue.fromB(SdkBytes.fromUtf8String("bytes")),
            "nested", AttributeValue.fromM(Map.of("list", AttributeValue.fromL(List.of(AttributeValue.fromN("1"),
                    AttributeValue.fromS("two"))), "amounts", AttributeValue.fromNs(List.of("1.5", "2")))));

    @Test
    void a_get_item_of_a_given_key_answers_the_item_and_other_keys_find_nothing() {
        PrimingAnswers answers = PrimingAnswers.none().item(USER)
                .item(Map.of("pk", AttributeValue.fromS("WS#ws_p"), "sk", AttributeValue.fromS("#WORKSPACE")));

        Map<String, AttributeValue>[] found = found();
        PrimingHttpClient.offline(answers, () -> {
            found[0] = dynamo.getItem(r -> r.tableName("t").consistentRead(true)
                    .key(Map.of("pk", USER.get("pk"), "sk", USER.get("sk")))).item();
            found[1] = dynamo.getItem(r -> r.tableName("t")
                    .key(Map.of("pk", AttributeValue.fromS("WS#ws_p"), "sk", AttributeValue.fromS("USER#other")))).item();
        });

        assertThat(found[0]).isEqualTo(USER);
        assertThat(found[1]).isEmpty();
    }

    @Test
    void named_calls_get_their_answer_and_the_rest_an_empty_result() {
        PrimingAnswers answers = PrimingAnswers.none().answer("POST /v2/email/outbound-emails", "{\"MessageId\":\"m-1\"}");
        SesV2Client ses = SesV2Client.builder().httpClient(http).region(Region.EU_WEST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("priming", "priming"))).build();

        String[] messageId = new String[1];
        Object[] written = new Object[1];
        PrimingHttpClient.offline(answers, () -> {
            messageId[0] = ses.sendEmail(r -> r.fromEmailAddress("from@example.com")
                    .destination(d -> d.toAddresses("to@example.com"))
                    .content(c -> c.simple(m -> m.subject(t -> t.data("s")).body(b -> b.text(t -> t.data("b")))))).messageId();
            written[0] = dynamo.putItem(r -> r.tableName("t").item(USER)).attributes();
        });

        assertThat(messageId[0]).isEqualTo("m-1");
        assertThat((Map<?, ?>) written[0]).isEmpty();
    }

    @Test
    void outside_offline_calls_go_to_the_real_client() {
        assertThat(PrimingHttpClient.isOffline()).isFalse();
        PrimingHttpClient.offline(PrimingAnswers.none(), () -> assertThat(PrimingHttpClient.isOffline()).isTrue());
        assertThat(PrimingHttpClient.isOffline()).isFalse();
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(
                () -> dynamo.getItem(r -> r.tableName("t").key(Map.of("pk", USER.get("pk"), "sk", USER.get("sk")))));
        assertThat(java.util.stream.Stream.iterate(thrown, java.util.Objects::nonNull, Throwable::getCause))
                .anySatisfy(cause -> assertThat(cause).hasMessage("the real HTTP client was asked for"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, AttributeValue>[] found() {
        return new Map[2];
    }
}
