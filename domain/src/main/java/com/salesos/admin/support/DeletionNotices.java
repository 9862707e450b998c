package com.salesos.admin.support;

/**
 * Port: tells the workspace's Admins about each step of a deletion request (every active Admin, by
 * email). A mail that cannot be sent does not undo the step.
 */
public interface DeletionNotices {

    /** @throws com.salesos.admin.common.MailNotSent when some Admin could not be mailed (all were tried) */
    void tell(DeletionRequest request, String workspaceName);
}
