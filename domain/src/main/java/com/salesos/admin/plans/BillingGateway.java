package com.salesos.admin.plans;

/**
 * Port: where charges go. The default adapter records them in the store; a payment provider can
 * replace it. {@link #record} must be idempotent by {@link Charge#id()}: it may be called again
 * for a charge it already has (a retry after a crash).
 */
public interface BillingGateway {

    void record(Charge charge);

    final class BillingUnavailable extends RuntimeException {
        public BillingUnavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
