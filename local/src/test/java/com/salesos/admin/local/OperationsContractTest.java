package com.salesos.admin.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.salesos.admin.emulator.SamTemplate;
import com.salesos.admin.runtime.EmfMetrics;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * What operators rely on is declared in template.yaml: JSON logs for every function, API access
 * logs in JSON in their own group, an errors and a throttles alarm for every function (a new
 * function fails this test until it has both), the queue, API and business alarms, all notifying
 * the one topic whose subscription address is a parameter.
 */
class OperationsContractTest {

    static final SamTemplate TEMPLATE = SamTemplate.ofRepository();

    @Test
    @SuppressWarnings("unchecked")
    void every_function_logs_json_to_its_own_group() {
        for (SamTemplate.Function function : TEMPLATE.functions()) {
            Map<String, Object> properties = properties(function.logicalId());
            Map<String, Object> logging = (Map<String, Object>) properties.get("LoggingConfig");
            assertThat(logging).as("%s LoggingConfig", function.logicalId()).containsEntry("LogFormat", "JSON")
                    .containsKey("LogGroup");
        }
    }

    @Test
    void every_function_has_an_errors_and_a_throttles_alarm_notifying_the_topic() {
        Set<String> watched = alarms().values().stream()
                .filter(a -> "AWS/Lambda".equals(a.get("Namespace")))
                .map(a -> a.get("MetricName") + " " + refOf(dimension(a, "FunctionName")))
                .collect(Collectors.toSet());
        for (SamTemplate.Function function : TEMPLATE.functions()) {
            assertThat(watched).as(function.logicalId()).contains("Errors " + function.logicalId(),
                    "Throttles " + function.logicalId());
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void queue_api_and_business_alarms_exist_and_every_alarm_notifies_the_topic() {
        Map<String, Map<String, Object>> alarms = alarms();
        // Every dead-letter queue is watched: the workers report failures per message, so a message
        // given up on never shows as a function error.
        java.util.Set<String> watchedQueues = alarms.values().stream()
                .filter(alarm -> "AWS/SQS".equals(alarm.get("Namespace")))
                .map(alarm -> refOf(dimension(alarm, "QueueName")))
                .collect(Collectors.toSet());
        java.util.Set<String> deadLetterQueues = TEMPLATE.resourcesOfType("AWS::SQS::Queue").keySet().stream()
                .map(queue -> (Map<String, Object>) properties(queue).get("RedrivePolicy"))
                .filter(java.util.Objects::nonNull)
                .map(redrive -> refOf(redrive.get("deadLetterTargetArn")).replace(".Arn", ".QueueName"))
                .collect(Collectors.toSet());
        assertThat(deadLetterQueues).hasSize(4);
        assertThat(watchedQueues).containsAll(deadLetterQueues);
        assertThat(alarms.get("Api5xxRateAlarm").toString()).contains("5xx", "AdminApi");
        assertThat(alarms.get("ExportFailuresAlarm")).containsEntry("Namespace", EmfMetrics.NAMESPACE)
                .containsEntry("MetricName", "ExportFailures");
        assertThat(alarms.get("EmailSendFailuresAlarm").toString()).contains(EmfMetrics.NAMESPACE, "EmailSendFailures");
        alarms.forEach((id, alarm) -> assertThat(((List<Object>) alarm.get("AlarmActions")).stream().map(OperationsContractTest::refOf))
                .as("%s AlarmActions", id).containsExactly("AlarmTopic"));

        Map<String, Object> subscription = properties("AlarmEmailSubscription");
        assertThat(refOf(subscription.get("Endpoint"))).isEqualTo("AlarmEmail");
        assertThat(refOf(subscription.get("TopicArn"))).isEqualTo("AlarmTopic");
        assertThat(TEMPLATE.parameterDefaults()).containsKey("AlarmEmail");
    }

    @Test
    @SuppressWarnings("unchecked")
    void api_access_logs_are_json_in_their_own_log_group_without_headers() throws Exception {
        Map<String, Object> access = (Map<String, Object>) properties("AdminApi").get("AccessLogSettings");
        assertThat(refOf(access.get("DestinationArn"))).isEqualTo("ApiAccessLogGroup.Arn");
        assertThat(TEMPLATE.resources().get("ApiAccessLogGroup")).containsEntry("Type", "AWS::Logs::LogGroup");
        String format = String.valueOf(access.get("Format"));
        JsonNode fields = new ObjectMapper().readTree(format);
        assertThat(fields.isObject()).isTrue();
        assertThat(fields.path("requestId").asText()).isEqualTo("$context.requestId");
        assertThat(format.toLowerCase()).doesNotContain("header", "querystring", "$context.path");
    }

    private static Map<String, Map<String, Object>> alarms() {
        Map<String, Map<String, Object>> alarms = new java.util.TreeMap<>();
        TEMPLATE.resourcesOfType("AWS::CloudWatch::Alarm").keySet().forEach(id -> alarms.put(id, properties(id)));
        return alarms;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> properties(String logicalId) {
        return (Map<String, Object>) TEMPLATE.resources().get(logicalId).get("Properties");
    }

    @SuppressWarnings("unchecked")
    private static Object dimension(Map<String, Object> alarm, String name) {
        return ((List<Map<String, Object>>) alarm.getOrDefault("Dimensions", List.of())).stream()
                .filter(d -> name.equals(d.get("Name"))).map(d -> d.get("Value")).findFirst().orElse(null);
    }

    /** The target of a !Ref or !GetAtt, as the template names it. */
    private static String refOf(Object value) {
        return value instanceof SamTemplate.Intrinsic intrinsic ? String.valueOf(intrinsic.argument()) : String.valueOf(value);
    }
}
