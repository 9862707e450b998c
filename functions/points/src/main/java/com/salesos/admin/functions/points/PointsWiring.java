package com.salesos.admin.functions.points;

import com.salesos.admin.aws.DynamoAuditLog;
import com.salesos.admin.aws.DynamoPointSettingsStore;
import com.salesos.admin.aws.DynamoPointsLedger;
import com.salesos.admin.aws.DynamoSeatLedger;
import com.salesos.admin.aws.DynamoUserStore;
import com.salesos.admin.config.RuntimeSettings;
import com.salesos.admin.points.PointsService;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The points function's use case. */
@Factory
public class PointsWiring {

    @Singleton
    PointsService pointsService(DynamoDbClient dynamo, RuntimeSettings settings, DynamoSeatLedger seats,
                                DynamoAuditLog auditLog, Clock clock) {
        return new PointsService(new DynamoPointSettingsStore(dynamo, settings.tableName(), auditLog),
                new DynamoPointsLedger(dynamo, settings.tableName()),
                new DynamoUserStore(dynamo, settings.tableName(), seats, auditLog), clock);
    }
}
