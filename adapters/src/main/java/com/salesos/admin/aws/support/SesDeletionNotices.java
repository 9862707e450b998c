package com.salesos.admin.aws.support;

import com.salesos.admin.access.BuiltInRoles;
import com.salesos.admin.access.UserStatus;
import com.salesos.admin.aws.mail.MailText;
import com.salesos.admin.aws.mail.SesTextEmails;
import com.salesos.admin.common.MailNotSent;
import com.salesos.admin.common.Page;
import com.salesos.admin.common.PageRequest;
import com.salesos.admin.support.DeletionNotices;
import com.salesos.admin.support.DeletionRequest;
import com.salesos.admin.support.DeletionState;
import com.salesos.admin.users.User;
import com.salesos.admin.users.UserStore;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/**
 * Emails every active Admin of the workspace at each step of its deletion. Every Admin is tried;
 * if any could not be mailed, {@link MailNotSent} says so once all were tried.
 */
public final class SesDeletionNotices implements DeletionNotices {

    private final UserStore users;
    private final SesTextEmails emails;
    private final String appUrl;

    public SesDeletionNotices(UserStore users, SesV2Client ses, String sender, String appUrl) {
        this.users = users;
        this.emails = new SesTextEmails(ses, sender);
        this.appUrl = appUrl;
    }

    @Override
    public void tell(DeletionRequest request, String workspaceName) {
        String name = MailText.inert(workspaceName);
        String subject = "SalesOS: deletion of workspace " + name + " " + request.state().code();
        String text = "Hello,\n\n" + body(request, name) + "\n\nDeletion request: " + request.id()
                + " (support ticket " + MailText.inert(request.ticket()) + ")\n"
                + "Review it in SalesOS: " + appUrl + "/workspace/deletion-requests/" + request.id() + "\n";
        MailNotSent failure = null;
        UserStore.UserFilter admins = new UserStore.UserFilter(Optional.of(UserStatus.ACTIVE),
                Optional.of(BuiltInRoles.ADMIN.id()), Optional.empty());
        Optional<String> cursor = Optional.empty();
        do {
            Page<User> page = users.list(request.workspaceId(), admins, new PageRequest(PageRequest.MAX_LIMIT, cursor));
            for (User admin : page.items()) {
                try {
                    emails.send(admin.email().value(), subject, text);
                } catch (SdkException e) {
                    failure = new MailNotSent("SES did not accept a deletion notice: " + e.getClass().getSimpleName(), e);
                }
            }
            cursor = page.nextCursor();
        } while (cursor.isPresent());
        if (failure != null) {
            throw failure;
        }
    }

    private static String body(DeletionRequest request, String name) {
        DeletionState state = request.state();
        if (state instanceof DeletionState.Open) {
            return "SalesOS support opened a request to delete the workspace " + name + " and all of its data for good.\n"
                    + "Nothing happens unless an Admin confirms it by typing the workspace's name. If you did not ask"
                    + " for this, cancel the request.";
        }
        if (state instanceof DeletionState.Confirmed confirmed) {
            return "An Admin confirmed the deletion of the workspace " + name + ". The workspace is read-only from now on.\n"
                    + "Support may delete it from " + confirmed.executableAt() + " (UTC); until then an Admin or support"
                    + " can still cancel.";
        }
        if (state instanceof DeletionState.Running) {
            return "SalesOS support started deleting the workspace " + name + ". Its data, users and configuration"
                    + " are being removed; this cannot be undone.";
        }
        if (state instanceof DeletionState.Cancelled) {
            return "The request to delete the workspace " + name + " was cancelled. The workspace can be changed again.";
        }
        return "The workspace " + name + " was deleted.";
    }
}
