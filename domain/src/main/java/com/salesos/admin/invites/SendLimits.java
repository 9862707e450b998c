package com.salesos.admin.invites;

import java.time.Duration;
import java.time.Instant;

/**
 * How many invitation emails (first sends and resends alike) may go out. Whoever may invite can
 * make the product mail any address from its own sender, so the volume of a workspace and the
 * share of each address are both capped.
 *
 * <p>Windows are fixed and aligned to the epoch (UTC hours, UTC days): one conditional write
 * counts and checks a send atomically, at the price of allowing up to twice a limit across a
 * window boundary.
 */
public record SendLimits(Limit perWorkspace, Limit perAddress) {

    /**
     * The product's limits.
     * <ul>
     *   <li>Per address (within a workspace): 5 in a UTC day. A first email and a few resends for a
     *       lost or expired link; nobody needs more in a day, and an outside address never gets
     *       more than a handful of mails from one workspace.</li>
     *   <li>Per workspace: 300 an hour. Above the largest plan's 250 seats, so an Enterprise can
     *       invite everybody at once and still resend some; far below a mailing service.</li>
     * </ul>
     * The address count is kept per workspace, so one workspace cannot use up an address's
     * allowance and block another workspace from inviting that person. It counts per mailbox
     * ({@link EmailAddress#mailbox()}), so {@code ann+1@}, {@code ann+2@}, ... share ann's five.
     */
    public static final SendLimits STANDARD = new SendLimits(
            new Limit(300, Duration.ofHours(1)), new Limit(5, Duration.ofDays(1)));

    /** Which limit a send ran into. */
    public enum Scope { WORKSPACE, ADDRESS }

    public Limit of(Scope scope) {
        return scope == Scope.WORKSPACE ? perWorkspace : perAddress;
    }

    /** At most {@code sends} emails in each fixed window of this length. */
    public record Limit(int sends, Duration window) {

        /** The window that holds this instant. */
        public Window windowAt(Instant at) {
            long length = window.toSeconds();
            long start = Math.floorDiv(at.getEpochSecond(), length) * length;
            return new Window(Instant.ofEpochSecond(start), Instant.ofEpochSecond(start + length));
        }
    }

    /** A counting window: from {@code start} (inclusive) to {@code end} (exclusive). */
    public record Window(Instant start, Instant end) {
    }
}
