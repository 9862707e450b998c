package com.salesos.admin.testing;

import com.salesos.admin.plans.BillingGateway;
import com.salesos.admin.plans.Charge;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A payment provider that keeps charges by id (so a repeat records nothing new); {@link #down} refuses every call. */
public final class InMemoryBilling implements BillingGateway {

    private final Map<String, Charge> charges = new LinkedHashMap<>();
    public boolean down;

    @Override
    public void record(Charge charge) {
        if (down) {
            throw new BillingUnavailable("billing down", null);
        }
        charges.putIfAbsent(charge.id(), charge);
    }

    public List<Charge> charges() {
        return List.copyOf(charges.values());
    }
}
