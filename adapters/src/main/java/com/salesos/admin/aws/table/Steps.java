package com.salesos.admin.aws.table;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * Builds a transaction step by step and remembers where each named step landed, so that a
 * cancellation reason (reported by position) can be traced back to the rule that refused.
 */
public final class Steps {

    private final List<TransactWriteItem> items = new ArrayList<>();
    private final java.util.Map<String, Integer> positions = new java.util.HashMap<>();

    public Steps add(String name, TransactWriteItem step) {
        positions.put(name, items.size());
        items.add(step);
        return this;
    }

    public Steps add(String name, Optional<TransactWriteItem> step) {
        step.ifPresent(s -> add(name, s));
        return this;
    }

    public List<TransactWriteItem> items() {
        return items;
    }

    public boolean failed(List<software.amazon.awssdk.services.dynamodb.model.CancellationReason> reasons, String name) {
        Integer position = positions.get(name);
        return position != null && Transactions.failedCondition(reasons, position);
    }
}
