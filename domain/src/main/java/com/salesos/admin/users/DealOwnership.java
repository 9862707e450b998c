package com.salesos.admin.users;

import com.salesos.admin.audit.AuditEvent;
import com.salesos.admin.common.Page;
import com.salesos.admin.common.PageRequest;
import java.util.List;
import java.util.Optional;

/**
 * Port: who owns which deals, and moving them between owners. Listings come from an index by
 * owner, so their cost follows the user's deals, not the workspace's; the index trails writes
 * slightly, which is why every move is conditioned on the deal's owner at that moment.
 */
public interface DealOwnership {

    /**
     * Up to {@code limit} deals the user owns, after {@code after} (a position from an earlier
     * page), and where to go on from; {@code after} of the answer is empty once the listing is done.
     */
    OwnedPage ownedBy(String workspaceId, String userId, Optional<String> after, int limit);

    /** How many deals the user owns, counted up to {@code cap} (an estimate: the index trails writes). */
    long countOwnedBy(String workspaceId, String userId, long cap);

    /**
     * Moves each listed deal from one owner to the other if, at that moment, it is still owned by
     * {@code from} and {@code to} is still an active user. Answers the ids that moved; a deal moved
     * earlier or owned by someone else is left alone, so repeating a move never moves anything
     * twice. Each committed batch writes its own audit record (the given event plus the ids it
     * moved) in the same transaction. If {@code to} stops being active, the moves stop there.
     */
    Transfer transfer(String workspaceId, List<String> dealIds, String from, String to, AuditEvent audit);

    /** One page of the deals the user owns, as the CRM recorded them. */
    Page<Deal> dealsOf(String workspaceId, String userId, PageRequest page);

    /** A deal the owner index lists for a user, and its position in that listing. */
    record OwnedDeal(String dealId, String position) {
    }

    record OwnedPage(List<OwnedDeal> deals, Optional<String> after) {
        public OwnedPage {
            deals = List.copyOf(deals);
        }

        public List<String> dealIds() {
            return deals.stream().map(OwnedDeal::dealId).toList();
        }
    }

    /**
     * What a transfer moved; {@code receiverInactive}: it stopped because {@code to} is no longer an
     * active user; {@code interruptedBy}: it stopped on this failure after moving {@code moved}
     * (a transfer that fails before moving anything throws instead).
     */
    record Transfer(List<String> moved, boolean receiverInactive, Optional<RuntimeException> interruptedBy) {
        public Transfer {
            moved = List.copyOf(moved);
        }

        public Transfer(List<String> moved, boolean receiverInactive) {
            this(moved, receiverInactive, Optional.empty());
        }
    }

    /** A deal as the admin sees it when choosing what to reassign; the amount in minor units, if the CRM gave one. */
    record Deal(String id, String name, String stage, Optional<Long> amount, String currency) {
    }
}
