package com.salesos.admin.invites;

import java.util.List;
import java.util.Set;

/** Port: hands invitation emails to the sender (the invitation queue); only references travel, never a token. */
public interface InvitationQueue {

    /** Queues one email per invitation; answers the ids the queue did not take. */
    Set<String> enqueue(String workspaceId, List<String> invitationIds);
}
