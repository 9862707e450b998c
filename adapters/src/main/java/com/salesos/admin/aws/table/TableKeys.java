package com.salesos.admin.aws.table;

import java.time.Instant;

/**
 * The single-table key scheme. Everything of a workspace shares the partition {@code WS#<id>};
 * lookups that start from outside a workspace (a token, a signed-in subject) have partitions of
 * their own. GSI1 lists a workspace's items by status. GSI {@code byOwner} lists CRM records by the
 * {@code ownerUserId} the CRM writes (sparse: only items with an owner), with their sort key.
 *
 * <pre>
 * pk                         sk                         what
 * WS#ws                      #WORKSPACE                 name, plan, seat counters, deletionLock while being deleted
 * WS#ws                      TEAM#id                    team
 * WS#ws                      ROLE#id                    custom role
 * WS#ws                      USER#id                    user
 * WS#ws                      EMAIL#address              uniqueness guard: who holds the address
 * WS#ws                      INVITATION#id              invitation (gsi1: WS#ws#INVITATIONS#STATUS / id)
 * WS#ws                      IDEMPOTENCY#user#key       what a creating request made
 * WS#ws                      BULK#file                  bulk invitation file: state, run, lease (gsi1 while open: BULK#OPEN / leaseEnd#ws#file)
 * WS#ws                      BULK#file#LANE#k           a lane of the file: seats it holds (total) and used (consumed)
 * WS#ws                      SENDS#WORKSPACE#start      invitation emails sent in the window from start (ttl)
 * WS#ws                      SENDS#ADDRESS#mbox#start   invitation emails sent to the mailbox in that window (ttl)
 * WS#ws                      DEAL#id, LEAD#id, ACTIVITY#id  CRM records (WorkspaceProvisioner.addRecord)
 * WS#ws                      POINTS#activityId          points ledger entry (activity or badge reward)
 * WS#ws                      USERPOINTS#user            a user's points total and per-type counts
 * WS#ws                      POINTSETTINGS#version      point-settings version (zero-padded, oldest first)
 * WS#ws                      BADGE#id                   custom badge
 * WS#ws                      AWARD#user#badge           award (with its signed credential)
 * WS#ws                      EXPORT#id                  export job (state, progress, checkpoint, result)
 * WS#ws                      #EXPORT_ACTIVE             the workspace's one queued or running export
 * WS#ws                      REASSIGN#id                background move of all of a user's deals (state, count, checkpoint)
 * WS#ws                      #REASSIGN_ACTIVE#user      the user's one queued or running background move
 * WS#ws                      ROLENAME#name              uniqueness guard: which custom role has the name
 * WS#ws                      POINTSFROM#time#version    point settings timeline (the version in force at a time)
 * WS#ws                      PLANCHANGE#id              an upgrade's charge (gsi1: CHARGES#UNRECORDED until billed)
 * WS#ws                      CHARGE#id                  a charge the billing gateway recorded
 * WS#ws                      CRM#sub                    the workspace's record of its CRM identity (to delete it)
 * WS#ws#AUDIT                time#id                    audit record (time: SortableTime, fixed width)
 * SUBJECT#sub                #PRINCIPAL                 which workspace user a sign-in subject is
 * SUBJECT#sub                #CRM                       which workspace a CRM machine identity posts for
 * INVITATION_TOKEN#sha256    #TOKEN                     which invitation a link token opens
 * SUPPORT#WORKSPACES         WS#id                      the workspaces support lists (one small partition)
 * SUPPORT#WORKSPACES         IDEMPOTENCY#...            support's provisioning retries
 * WS#id                      #DELETION_LIVE             the workspace's live deletion request and its purge's progress
 * DELETION#id                #DELETION                  a deletion request (kept as the workspace's tombstone)
 * </pre>
 */
public final class TableKeys {

    public static final String PK = "pk";
    public static final String SK = "sk";
    public static final String GSI1 = "gsi1";
    public static final String GSI1_PK = "gsi1pk";
    public static final String GSI1_SK = "gsi1sk";
    /** The owner index: partition {@link #OWNER}, sort key {@link #SK}; CRM records with an owner only. */
    public static final String BY_OWNER = "byOwner";
    /** The attribute the CRM writes on deals, leads and activities: the owning user's id. */
    public static final String OWNER = "ownerUserId";

    public static final String WORKSPACE_SK = "#WORKSPACE";
    public static final String PRINCIPAL_SK = "#PRINCIPAL";
    public static final String CRM_SK = "#CRM";
    public static final String TOKEN_SK = "#TOKEN";
    public static final String EXPORT_ACTIVE_SK = "#EXPORT_ACTIVE";
    public static final String EXPORT_PREFIX = "EXPORT#";
    public static final String DELETION_LIVE_SK = "#DELETION_LIVE";
    public static final String DELETION_SK = "#DELETION";
    /**
     * Where support finds every workspace without scanning the table. One partition: workspaces are
     * created by hand, a few a day, far below a partition's write limit.
     */
    public static final String WORKSPACE_DIRECTORY = "SUPPORT#WORKSPACES";

    private TableKeys() {
    }

    public static String workspace(String workspaceId) {
        return "WS#" + workspaceId;
    }

    public static String deletion(String requestId) {
        return "DELETION#" + requestId;
    }

    /** A workspace's entry in {@link #WORKSPACE_DIRECTORY}. */
    public static String directoryEntry(String workspaceId) {
        return "WS#" + workspaceId;
    }

    public static String audit(String workspaceId) {
        return "WS#" + workspaceId + "#AUDIT";
    }

    public static String team(String teamId) {
        return "TEAM#" + teamId;
    }

    public static String role(String roleId) {
        return "ROLE#" + roleId;
    }

    public static String user(String userId) {
        return "USER#" + userId;
    }

    public static String email(String canonicalEmail) {
        return "EMAIL#" + canonicalEmail;
    }

    public static String invitation(String invitationId) {
        return "INVITATION#" + invitationId;
    }

    public static String invitationsByStatus(String workspaceId, String status) {
        return "WS#" + workspaceId + "#INVITATIONS#" + status;
    }

    public static String export(String jobId) {
        return EXPORT_PREFIX + jobId;
    }

    public static String reassignment(String jobId) {
        return "REASSIGN#" + jobId;
    }

    /** The item that names a user's one active background move of all their deals. */
    public static String activeReassignment(String fromUserId) {
        return "#REASSIGN_ACTIVE#" + fromUserId;
    }

    public static String bulkFile(String fileId) {
        return "BULK#" + fileId;
    }

    public static String bulkLane(String fileId, int lane) {
        return "BULK#" + fileId + "#LANE#" + lane;
    }

    /** The GSI1 partition of bulk files still open: the sweep finds abandoned ones there by lease end. */
    public static final String BULK_OPEN = "BULK#OPEN";

    public static String idempotency(String userId, String scope, String key) {
        return "IDEMPOTENCY#" + userId + "#" + scope + "#" + key;
    }

    public static String workspaceSends(Instant windowStart) {
        return "SENDS#WORKSPACE#" + windowStart;
    }

    /** Keyed by {@link com.salesos.admin.common.EmailAddress#mailbox()}: every +tag of it counts together. */
    public static String addressSends(String mailbox, Instant windowStart) {
        return "SENDS#ADDRESS#" + mailbox + "#" + windowStart;
    }

    public static String subject(String subject) {
        return "SUBJECT#" + subject;
    }

    /** The workspace's record of a CRM identity it registered. */
    public static String crmRegistration(String subject) {
        return "CRM#" + subject;
    }

    public static String token(String tokenHashHex) {
        return "INVITATION_TOKEN#" + tokenHashHex;
    }
}
