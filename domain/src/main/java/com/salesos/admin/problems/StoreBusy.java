package com.salesos.admin.problems;

import java.util.List;
import java.util.Map;

/**
 * The store refused a write for contention or throttling, and retrying within the request did not
 * get it through. Nothing was written; the same request can simply be repeated (writes that must
 * happen once carry their own idempotency), so the answer is 503 with a short {@code Retry-After},
 * never a 500 and never a 409: no rule was broken.
 */
public final class StoreBusy {

    static final int RETRY_AFTER_SECONDS = 1;

    private StoreBusy() {
    }

    public static DomainException refusal() {
        return new DomainException(ProblemKind.UNAVAILABLE, "store-busy", "Busy, try again",
                "Other changes to the same records were being written at the same moment; nothing was changed. "
                        + "Repeat the request.", List.of(), Map.of(DomainException.RETRY_AFTER, RETRY_AFTER_SECONDS));
    }
}
