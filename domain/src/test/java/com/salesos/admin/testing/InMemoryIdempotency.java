package com.salesos.admin.testing;

import com.salesos.admin.common.IdempotencyKey;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Idempotency records as the table keeps them: per workspace, scope, caller and key, the resource
 * the first request made and the fingerprint of what it asked.
 */
public final class InMemoryIdempotency {

    private record Stored(String resourceId, String fingerprint) {
    }

    private final Map<String, Stored> records = new HashMap<>();

    public Optional<IdempotencyKey.Replay> replay(String workspaceId, Optional<IdempotencyKey> key) {
        return key.map(k -> records.get(id(workspaceId, k)))
                .map(stored -> new IdempotencyKey.Replay(stored.resourceId(),
                        stored.fingerprint().equals(key.get().fingerprint())));
    }

    public void remember(String workspaceId, Optional<IdempotencyKey> key, String resourceId) {
        key.ifPresent(k -> records.put(id(workspaceId, k), new Stored(resourceId, k.fingerprint())));
    }

    public void forget(String workspaceId, Optional<IdempotencyKey> key) {
        key.ifPresent(k -> records.remove(id(workspaceId, k)));
    }

    private static String id(String workspaceId, IdempotencyKey key) {
        return workspaceId + "#" + key.scope() + "#" + key.callerUserId() + "#" + key.key();
    }
}
