package com.salesos.admin.invites;

import java.util.List;

/**
 * What became of one row of a bulk file: invited, or rejected with every reason that applies
 * ({@code code} names the first, {@code reason} says them all).
 */
public record RowOutcome(int row, String email, boolean invited, String code, String reason) {

    public static RowOutcome invited(int row, String email) {
        return new RowOutcome(row, email, true, null, null);
    }

    public static RowOutcome rejected(int row, String email, List<RowFault> faults) {
        return new RowOutcome(row, email, false, faults.get(0).code(),
                String.join("; ", faults.stream().map(RowFault::message).toList()));
    }

    /** One reason a row is not invited: a stable code and a sentence for the admin. */
    public record RowFault(String code, String message) {
    }
}
