package com.salesos.admin.invites;

/**
 * A bulk file's invitations have ids derived from the file and the row
 * ({@code inv_<file>_<row>}): a retry of the file finds what an interrupted request wrote, a row
 * can never be written twice, and the file's invitations are one key range of the workspace. The
 * file id is time-ordered, so these ids still sort in creation order.
 */
public final class BulkInvitationIds {

    private BulkInvitationIds() {
    }

    public static String of(String fileId, int row) {
        return prefix(fileId) + String.format("%05d", row);
    }

    /** What every invitation id of the file starts with. */
    public static String prefix(String fileId) {
        return "inv_" + fileId.substring(fileId.indexOf('_') + 1) + "_";
    }
}
