package com.salesos.admin.bench;

import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.core.metrics.CoreMetric;
import software.amazon.awssdk.metrics.MetricCollection;
import software.amazon.awssdk.metrics.MetricPublisher;

/** Adds up the time the AWS SDK spends in API calls (its own ApiCallDuration metric). */
final class SdkCallTime implements MetricPublisher {

    private final AtomicLong nanos = new AtomicLong();

    @Override
    public void publish(MetricCollection metrics) {
        metrics.metricValues(CoreMetric.API_CALL_DURATION).forEach(d -> nanos.addAndGet(d.toNanos()));
    }

    long totalNanos() {
        return nanos.get();
    }

    @Override
    public void close() {
    }
}
