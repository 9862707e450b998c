package com.salesos.admin.testing;

import com.salesos.admin.audit.AuditEvent;
import com.salesos.admin.common.Page;
import com.salesos.admin.common.PageRequest;
import com.salesos.admin.users.DealOwnership;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Deal owners; a transfer moves a deal only if it is still owned by {@code from}, as the table's condition does. */
public final class InMemoryDeals implements DealOwnership {

    private final Map<String, String> owners = new LinkedHashMap<>();
    private final int pageSize;
    private final InMemoryAuditLog audit;

    public InMemoryDeals(int pageSize, InMemoryAuditLog audit) {
        this.pageSize = pageSize;
        this.audit = audit;
    }

    public void add(String workspaceId, String dealId, String ownerUserId) {
        owners.put(workspaceId + "#" + dealId, ownerUserId);
    }

    public String ownerOf(String workspaceId, String dealId) {
        return owners.get(workspaceId + "#" + dealId);
    }

    @Override
    public DealPage ownedBy(String workspaceId, String userId, Optional<String> cursor) {
        // The cursor is the last key read, as DynamoDB's is: moving deals away does not shift the next page.
        List<String> after = owned(workspaceId, userId).stream()
                .filter(id -> cursor.map(c -> id.compareTo(c) > 0).orElse(true)).sorted().toList();
        List<String> page = after.subList(0, Math.min(pageSize, after.size()));
        return new DealPage(page, after.size() > pageSize ? Optional.of(page.get(page.size() - 1)) : Optional.empty());
    }

    @Override
    public List<String> transfer(String workspaceId, List<String> dealIds, String from, String to, AuditEvent event) {
        List<String> moved = new ArrayList<>();
        for (String id : dealIds) {
            if (from.equals(owners.get(workspaceId + "#" + id))) {
                owners.put(workspaceId + "#" + id, to);
                moved.add(id);
            }
        }
        if (!moved.isEmpty()) {
            audit.append(event);
        }
        return moved;
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
                .toList();
    }
}
