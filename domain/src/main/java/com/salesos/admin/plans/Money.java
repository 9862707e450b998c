package com.salesos.admin.plans;

/** An amount in integer minor units (cents) of a currency. */
public record Money(long amount, String currency) {

    public Money minus(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("Cannot subtract " + other.currency + " from " + currency);
        }
        return new Money(amount - other.amount, currency);
    }
}
