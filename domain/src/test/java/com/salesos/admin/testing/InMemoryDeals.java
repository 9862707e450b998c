package com.salesos.admin.testing;

import com.salesos.admin.access.UserStatus;
import com.salesos.admin.audit.AuditEvent;
import com.salesos.admin.common.Page;
import com.salesos.admin.common.PageRequest;
import com.salesos.admin.users.DealOwnership;
import com.salesos.admin.users.User;
import com.salesos.admin.users.UserStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Deal owners, and an owner index that may trail them: a move happens only if the deal is still
 * owned by {@code from} and {@code to} is an active user, as the table's conditions do, whatever
 * the index lists. {@link #listStale} leaves an index entry behind, as DynamoDB's index may for a
 * moment. Pages hold at most {@code pageSize} entries, so tests can force many pages.
 */
public final class InMemoryDeals implements DealOwnership {

    private final Map<String, String> owners = new LinkedHashMap<>();
    private final Map<String, String> staleListings = new HashMap<>();
    private final int pageSize;
    private final InMemoryAuditLog audit;
    private final UserStore users;
    private int interruptAfter = -1;
    private RuntimeException interruption;

    public InMemoryDeals(int pageSize, InMemoryAuditLog audit, UserStore users) {
        this.pageSize = pageSize;
        this.audit = audit;
        this.users = users;
    }

    /** The next transfers of more than {@code deals} deals move that many, then stop on {@code failure}. */
    public void interruptAfter(int deals, RuntimeException failure) {
        this.interruptAfter = deals;
        this.interruption = failure;
    }

    public void add(String workspaceId, String dealId, String ownerUserId) {
        owners.put(workspaceId + "#" + dealId, ownerUserId);
    }

    /** The CRM (or another request) gives the deal to someone else; the index still lists it under {@code listedOwner}. */
    public void listStale(String workspaceId, String dealId, String listedOwner, String actualOwner) {
        owners.put(workspaceId + "#" + dealId, actualOwner);
        staleListings.put(workspaceId + "#" + dealId, listedOwner);
    }

    public String ownerOf(String workspaceId, String dealId) {
        return owners.get(workspaceId + "#" + dealId);
    }

    public long countOwned(String workspaceId, String userId) {
        return owned(workspaceId, userId).size();
    }

    @Override
    public OwnedPage ownedBy(String workspaceId, String userId, Optional<String> after, int limit) {
        // Positions are index sort keys: moving deals away does not shift the next page.
        TreeMap<String, String> listed = new TreeMap<>();
        for (String id : owned(workspaceId, userId)) {
            listed.put("DEAL#" + id, id);
        }
        staleListings.forEach((key, owner) -> {
            if (key.startsWith(workspaceId + "#") && owner.equals(userId)) {
                String id = key.substring(workspaceId.length() + 1);
                listed.put("DEAL#" + id, id);
            }
        });
        var rest = after.map(a -> listed.tailMap(a, false)).orElse(listed);
        int take = Math.min(limit, pageSize);
        List<OwnedDeal> page = new ArrayList<>();
        for (var entry : rest.entrySet()) {
            if (page.size() == take) {
                break;
            }
            page.add(new OwnedDeal(entry.getValue(), entry.getKey()));
        }
        boolean more = rest.size() > page.size();
        return new OwnedPage(page, more ? Optional.of(page.get(page.size() - 1).position()) : Optional.empty());
    }

    @Override
    public long countOwnedBy(String workspaceId, String userId, long cap) {
        return Math.min(cap, owned(workspaceId, userId).size());
    }

    @Override
    public Transfer transfer(String workspaceId, List<String> dealIds, String from, String to, AuditEvent event) {
        if (!active(workspaceId, to)) {
            return new Transfer(List.of(), true);
        }
        if (interruption != null && interruptAfter < dealIds.size()) {
            // As the table does when a later transaction of the transfer fails: the first ones stand.
            List<String> moved = move(workspaceId, dealIds.subList(0, interruptAfter), from, to);
            audit.append(withMoved(event, moved));
            return new Transfer(moved, false, Optional.of(interruption));
        }
        List<String> moved = move(workspaceId, dealIds, from, to);
        if (!moved.isEmpty()) {
            audit.append(withMoved(event, moved));
        }
        return new Transfer(moved, false);
    }

    /** Moves the deals {@code from} still owns; no audit (the caller commits its own). */
    List<String> move(String workspaceId, List<String> dealIds, String from, String to) {
        List<String> moved = new ArrayList<>();
        for (String id : dealIds) {
            if (from.equals(owners.get(workspaceId + "#" + id))) {
                owners.put(workspaceId + "#" + id, to);
                staleListings.remove(workspaceId + "#" + id);
                moved.add(id);
            }
        }
        return moved;
    }

    boolean active(String workspaceId, String userId) {
        return users.find(workspaceId, userId).map(User::status).filter(s -> s == UserStatus.ACTIVE).isPresent();
    }

    static AuditEvent withMoved(AuditEvent event, List<String> moved) {
        Map<String, Object> after = new HashMap<>(event.after());
        after.put("count", moved.size());
        after.put("dealIds", List.copyOf(moved));
        return new AuditEvent(event.workspaceId(), event.actorUserId(), event.action(), event.targetType(),
                event.targetId(), event.at(), event.before(), after);
    }

    @Override
    public Page<Deal> dealsOf(String workspaceId, String userId, PageRequest page) {
        return Pages.of(owned(workspaceId, userId), page).map(id -> new Deal(id, "Deal " + id, "open", Optional.empty(), "EUR"));
    }

    private List<String> owned(String workspaceId, String userId) {
        String prefix = workspaceId + "#";
        return owners.entrySet().stream()
                .filter(e -> e.getKey().startsWith(prefix) && e.getValue().equals(userId))
                .map(e -> e.getKey().substring(prefix.length()))
                .sorted()
                .toList();
    }
}
