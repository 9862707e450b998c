package com.salesos.admin.functions.points;

import static org.assertj.core.api.Assertions.assertThat;

import com.salesos.admin.audit.AuditEvent;
import com.salesos.admin.aws.audit.DynamoAuditLog;
import com.salesos.admin.aws.points.DynamoPointSettingsStore;
import com.salesos.admin.emulator.EmulatorClients;
import com.salesos.admin.emulator.LocalAws;
import com.salesos.admin.emulator.MotoServer;
import com.salesos.admin.points.ActivityType;
import com.salesos.admin.points.PointSettings;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Scoring an activity needs the point settings in force when it happened. The work must not grow
 * with the number of versions a workspace has saved: it reads one item, however long the history.
 */
class PointSettingsInForceTest {

    static final String WS = "ws-history";
    static final Instant FIRST = Instant.parse("2026-01-01T00:00:00Z");
    static final int VERSIONS = 300;

    static LocalAws aws;
    static final AtomicInteger itemsRead = new AtomicInteger();
    static DynamoPointSettingsStore counted;

    @BeforeAll
    static void setUp() {
        aws = LocalAws.fresh();
        aws.workspaces().createWorkspace(WS, "History", "team", 10);
        AtomicLong ids = new AtomicLong();
        DynamoAuditLog audit = new DynamoAuditLog(aws.tableName(), prefix -> prefix + "_" + ids.incrementAndGet());
        DynamoPointSettingsStore store = new DynamoPointSettingsStore(aws.dynamo(), aws.tableName(), audit);
        for (int version = 1; version <= VERSIONS; version++) {
            // Whole seconds and milliseconds mixed, so the time order of the keys is exercised too.
            Instant from = FIRST.plusSeconds(version * 60L).plusMillis(version % 2 == 0 ? 0 : 1);
            assertThat(store.saveNext(WS, version - 1, settings(version, from), new AuditEvent(WS, "usr_admin",
                    "point-settings.changed", "point-settings", WS, from, Map.of(), Map.of()))).isTrue();
        }
        counted = new DynamoPointSettingsStore(countingClient(), aws.tableName(), audit);
    }

    @Test
    void the_version_in_force_is_found_with_one_item_read_whatever_the_history() {
        itemsRead.set(0);
        PointSettings now = counted.inForceAt(WS, FIRST.plusSeconds(1_000_000));
        assertThat(now.version()).isEqualTo(VERSIONS);
        assertThat(itemsRead.get()).isEqualTo(1);

        itemsRead.set(0);
        // Version 150 takes effect at FIRST + 150 min; version 151 a minute later.
        PointSettings past = counted.inForceAt(WS, FIRST.plusSeconds(150 * 60L + 30));
        assertThat(past.version()).isEqualTo(150);
        assertThat(past.pointsByActivityType().get(ActivityType.DEAL_WON)).isEqualTo(150);
        assertThat(itemsRead.get()).isEqualTo(1);
    }

    @Test
    void an_activity_on_the_very_second_a_version_takes_effect_is_scored_with_it() {
        assertThat(counted.inForceAt(WS, FIRST.plusSeconds(2 * 60L)).version()).isEqualTo(2);
        assertThat(counted.inForceAt(WS, FIRST.plusSeconds(2 * 60L).minusNanos(1)).version()).isEqualTo(1);
        assertThat(counted.inForceAt(WS, FIRST).version()).isZero();
    }

    @Test
    void history_still_lists_every_version_once() {
        assertThat(counted.history(WS)).hasSize(VERSIONS + 1);
    }

    private static PointSettings settings(int version, Instant from) {
        Map<ActivityType, Integer> points = new EnumMap<>(PointSettings.defaults().pointsByActivityType());
        points.put(ActivityType.DEAL_WON, version);
        return new PointSettings(version, from, points, BigDecimal.ONE);
    }

    private static DynamoDbClient countingClient() {
        return DynamoDbClient.builder().endpointOverride(MotoServer.shared().endpoint()).region(Region.of(LocalAws.REGION))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        EmulatorClients.ACCESS_KEY, EmulatorClients.SECRET_KEY)))
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .overrideConfiguration(c -> c.addExecutionInterceptor(new ExecutionInterceptor() {
                    @Override
                    public void afterUnmarshalling(Context.AfterUnmarshalling context, ExecutionAttributes attributes) {
                        if (context.response() instanceof QueryResponse query) {
                            itemsRead.addAndGet(query.count());
                        }
                    }
                })).build();
    }
}
