package com.salesos.admin.testing;

import com.salesos.admin.audit.AuditEvent;
import com.salesos.admin.badges.Badge;
import com.salesos.admin.badges.BadgeStore;
import com.salesos.admin.common.IdempotencyKey;
import com.salesos.admin.common.Page;
import com.salesos.admin.common.PageRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Custom badges and awards. An award is made once per user and badge, and commits together with
 * its credential and its point reward in the {@link InMemoryLedger}: if the reward would pass the
 * ceiling, nothing is awarded.
 */
public final class InMemoryBadges implements BadgeStore {

    private final Map<String, Map<String, Badge>> custom = new HashMap<>();
    private final Map<String, Award> awards = new LinkedHashMap<>();
    private final Map<String, String> credentials = new HashMap<>();
    private final InMemoryIdempotency keys = new InMemoryIdempotency();
    private final InMemoryLedger ledger;
    private final InMemoryAuditLog audit;

    public InMemoryBadges(InMemoryLedger ledger, InMemoryAuditLog audit) {
        this.ledger = ledger;
        this.audit = audit;
    }

    @Override
    public List<Badge> listCustom(String workspaceId) {
        return new ArrayList<>(badges(workspaceId).values());
    }

    @Override
    public Optional<Badge> findCustom(String workspaceId, String badgeId) {
        return Optional.ofNullable(badges(workspaceId).get(badgeId));
    }

    @Override
    public Creation create(String workspaceId, Badge badge, AuditEvent event, Optional<IdempotencyKey> key, int max) {
        Optional<IdempotencyKey.Replay> replay = keys.replay(workspaceId, key);
        if (replay.isPresent()) {
            return new Creation.Replayed(replay.get());
        }
        if (badges(workspaceId).size() >= max) {
            return new Creation.LimitReached();
        }
        badges(workspaceId).put(badge.id(), badge);
        keys.remember(workspaceId, key, badge.id());
        audit.append(event);
        return new Creation.Created();
    }

    @Override
    public boolean update(String workspaceId, Badge current, Badge updated, AuditEvent event) {
        if (!badges(workspaceId).replace(current.id(), current, updated)) {
            return false;
        }
        audit.append(event);
        return true;
    }

    @Override
    public boolean delete(String workspaceId, Badge badge, AuditEvent event) {
        if (badges(workspaceId).remove(badge.id()) == null) {
            return false;
        }
        audit.append(event);
        return true;
    }

    @Override
    public boolean award(String workspaceId, String userId, Badge badge, Instant at, String credential) {
        String id = key(workspaceId, userId, badge.id());
        if (awards.containsKey(id)) {
            return false;
        }
        if (badge.pointReward() > 0 && !ledger.bookReward(workspaceId, userId, badge.id(), badge.pointReward(), at)) {
            return false;
        }
        awards.put(id, new Award("awd_" + (awards.size() + 1), badge.id(), badge.name(), userId, at));
        credentials.put(id, credential);
        return true;
    }

    @Override
    public Optional<String> findCredential(String workspaceId, String userId, String badgeId) {
        return Optional.ofNullable(credentials.get(key(workspaceId, userId, badgeId)));
    }

    @Override
    public Set<String> awardedBadgeIds(String workspaceId, String userId) {
        return awards.entrySet().stream().filter(e -> e.getKey().startsWith(workspaceId + "#" + userId + "#"))
                .map(e -> e.getValue().badgeId()).collect(Collectors.toSet());
    }

    @Override
    public Optional<Award> findAward(String workspaceId, String userId, String badgeId) {
        return Optional.ofNullable(awards.get(key(workspaceId, userId, badgeId)));
    }

    @Override
    public Page<Award> awards(String workspaceId, Optional<String> userId, PageRequest page) {
        return Pages.of(awards.entrySet().stream().filter(e -> e.getKey().startsWith(workspaceId + "#"))
                .map(Map.Entry::getValue).filter(a -> userId.map(a.userId()::equals).orElse(true)).toList(), page);
    }

    private Map<String, Badge> badges(String workspaceId) {
        return custom.computeIfAbsent(workspaceId, ws -> new LinkedHashMap<>());
    }

    private static String key(String workspaceId, String userId, String badgeId) {
        return workspaceId + "#" + userId + "#" + badgeId;
    }
}
