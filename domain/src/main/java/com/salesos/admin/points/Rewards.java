package com.salesos.admin.points;

import java.util.List;

/**
 * Port: what booking an activity earned beyond its points. Points owns this port and the badges
 * feature implements it, so badges may build on the ledger while points knows nothing of badges.
 */
public interface Rewards {

    /** Awards whatever the user now qualifies for; the ids of the badges awarded by this call. */
    List<String> evaluate(String workspaceId, String userId);
}
