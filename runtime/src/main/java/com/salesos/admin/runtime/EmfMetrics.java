package com.salesos.admin.runtime;

import com.salesos.admin.aws.clients.PrimingHttpClient;
import com.salesos.admin.metrics.BusinessMetrics;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link BusinessMetrics} as CloudWatch Embedded Metric Format: one log line per event, which
 * CloudWatch turns into metrics in the {@value #NAMESPACE} namespace with no API call and no agent.
 * Hand-rolled on {@link LogLine} (the library would add a jar and threads for what is a JSON object).
 *
 * <p>Dimension-light: the one dimension is {@code Function}, the Lambda function's name, which is
 * unique per stack, so dev and prod in one account never mix and an alarm can name the function
 * (CloudWatch bills per dimension combination, so never per workspace). The workspace id and the
 * request ids ride along as plain properties for Logs Insights queries per workspace.
 */
@Singleton
public final class EmfMetrics implements BusinessMetrics {

    public static final String NAMESPACE = "SalesOS/Admin";

    @Override
    public void invitationSent(String workspaceId) {
        emit(workspaceId, Map.of(), count("InvitationsSent", 1));
    }

    @Override
    public void invitationFailed(String workspaceId) {
        emit(workspaceId, Map.of(), count("InvitationsFailed", 1));
    }

    @Override
    public void invitationAccepted(String workspaceId) {
        emit(workspaceId, Map.of(), count("InvitationsAccepted", 1));
    }

    @Override
    public void seatsUsed(String workspaceId, long used, long limit) {
        emit(workspaceId, Map.of(), count("SeatsUsed", used), count("SeatLimit", limit));
    }

    @Override
    public void planChanged(String workspaceId, String toTier, String kind) {
        emit(workspaceId, Map.of("toTier", toTier, "kind", kind), count("PlanChanges", 1));
    }

    @Override
    public void downgradeApplied(String workspaceId) {
        emit(workspaceId, Map.of(), count("DowngradesApplied", 1));
    }

    @Override
    public void pointsBooked(String workspaceId, long points) {
        emit(workspaceId, Map.of(), count("PointsBooked", points));
    }

    @Override
    public void badgesAwarded(String workspaceId, int count) {
        if (count > 0) {
            emit(workspaceId, Map.of(), count("BadgesAwarded", count));
        }
    }

    @Override
    public void exportFinished(String workspaceId, Duration took, long records, long bytes) {
        emit(workspaceId, Map.of(), new Value("ExportDuration", "Milliseconds", BigDecimal.valueOf(took.toMillis())),
                count("ExportRecords", records), new Value("ExportBytes", "Bytes", BigDecimal.valueOf(bytes)));
    }

    @Override
    public void exportFailed(String workspaceId) {
        emit(workspaceId, Map.of(), count("ExportFailures", 1));
    }

    @Override
    public void emailSendFailed(String workspaceId, String purpose) {
        emit(workspaceId, Map.of("purpose", purpose), count("EmailSendFailures", 1));
    }

    private record Value(String name, String unit, BigDecimal value) {
    }

    private static Value count(String name, long value) {
        return new Value(name, "Count", BigDecimal.valueOf(value));
    }

    private static void emit(String workspaceId, Map<String, String> properties, Value... values) {
        List<Map<String, Object>> definitions = new java.util.ArrayList<>();
        for (Value value : values) {
            definitions.add(Map.of("Name", value.name(), "Unit", value.unit()));
        }
        Map<String, Object> directive = new LinkedHashMap<>();
        directive.put("Namespace", NAMESPACE);
        directive.put("Dimensions", List.of(List.of("Function")));
        directive.put("Metrics", definitions);
        Map<String, Object> aws = new LinkedHashMap<>();
        aws.put("Timestamp", System.currentTimeMillis());
        aws.put("CloudWatchMetrics", List.of(directive));

        Correlation ids = LogContext.current();
        LogLine line = LogLine.of("metric").message("metric " + values[0].name()).with("_aws", aws)
                .with("Function", ids.function() == null ? "local" : ids.function());
        if (ids.workspaceId() == null && workspaceId != null) {
            line.correlatedBy(ids.identified(workspaceId, ids.callerId()));
        }
        properties.forEach(line::with);
        for (Value value : values) {
            line.with(value.name(), value.value());
        }
        if (PrimingHttpClient.isOffline()) {
            // The SnapStart priming's made-up requests (AWS answered offline): built, never counted.
            line.toJson();
            return;
        }
        line.write();
    }
}
