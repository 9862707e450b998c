package com.salesos.admin.runtime;

import java.util.ArrayList;
import java.util.List;

/**
 * A throwable for a log line: the class of each cause and where it was thrown, without the
 * messages, because a message may echo input (an email address, a token in a malformed body).
 */
final class Failures {

    private static final int FRAMES_PER_CAUSE = 8;

    private Failures() {
    }

    static List<String> describe(Throwable failure) {
        List<String> lines = new ArrayList<>();
        for (Throwable t = failure; t != null && lines.size() < 64; t = t.getCause() == t ? null : t.getCause()) {
            lines.add((t == failure ? "" : "caused by ") + t.getClass().getName());
            StackTraceElement[] frames = t.getStackTrace();
            for (int i = 0; i < Math.min(FRAMES_PER_CAUSE, frames.length); i++) {
                lines.add("  at " + frames[i]);
            }
        }
        return lines;
    }
}
