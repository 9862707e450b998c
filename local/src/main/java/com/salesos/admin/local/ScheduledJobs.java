package com.salesos.admin.local;

import com.salesos.admin.functions.plandowngrades.PlanDowngradesHandler;
import io.micronaut.function.aws.LambdaApplicationContextBuilder;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Plays EventBridge Scheduler locally: invokes the scheduled function's handler class on an
 * interval, with the input template.yaml gives it.
 */
final class ScheduledJobs implements AutoCloseable {

    static final Map<String, Object> INPUT = Map.of("job", "plan-downgrades");

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "local-scheduler");
        thread.setDaemon(true);
        return thread;
    });
    private final PlanDowngradesHandler handler;

    ScheduledJobs(Clock clock) {
        this.handler = new PlanDowngradesHandler(new LambdaApplicationContextBuilder().singletons(clock));
    }

    void every(long seconds) {
        timer.scheduleWithFixedDelay(this::runOnce, seconds, seconds, TimeUnit.SECONDS);
    }

    Map<String, Object> runOnce() {
        try {
            return handler.execute(INPUT);
        } catch (RuntimeException e) {
            System.err.println("plan-downgrades run failed: " + e);
            return Map.of("error", e.toString());
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        handler.close();
    }
}
