package com.salesos.admin.users;

import java.util.List;
import java.util.Optional;

/** Port: who owns which deals, and moving them between owners. */
public interface DealOwnership {

    /** One page of the ids of deals the user owns, and the cursor of the next page. */
    DealPage ownedBy(String workspaceId, String userId, Optional<String> cursor);

    /**
     * Moves each listed deal from one owner to the other if, at that moment, it is still owned by
     * {@code from}. Answers the ids that moved; a deal moved earlier or owned by someone else is
     * left alone, so repeating a move never moves anything twice. Each committed batch writes its
     * own audit record (the given event plus the ids it moved) in the same transaction.
     */
    List<String> transfer(String workspaceId, List<String> dealIds, String from, String to,
                          com.salesos.admin.audit.AuditEvent audit);

    record DealPage(List<String> dealIds, Optional<String> nextCursor) {
    }

    /** One page of the deals the user owns, as the CRM recorded them. */
    com.salesos.admin.common.Page<Deal> dealsOf(String workspaceId, String userId, com.salesos.admin.common.PageRequest page);

    /** A deal as the admin sees it when choosing what to reassign; the amount in minor units, if the CRM gave one. */
    record Deal(String id, String name, String stage, Optional<Long> amount, String currency) {
    }
}
