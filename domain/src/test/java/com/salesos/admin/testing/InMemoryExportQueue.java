package com.salesos.admin.testing;

import com.salesos.admin.exports.ExportQueue;
import com.salesos.admin.exports.ExportRef;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/** Wake-ups as a queue; {@link #down} makes sending fail. */
public final class InMemoryExportQueue implements ExportQueue {

    private final Deque<ExportRef> messages = new ArrayDeque<>();
    private final List<ExportRef> sent = new ArrayList<>();
    public boolean down;

    @Override
    public void wakeUp(ExportRef ref) {
        if (down) {
            throw new QueueUnavailable("queue down", null);
        }
        messages.add(ref);
        sent.add(ref);
    }

    /** The next message to deliver, taken off the queue. */
    public Optional<ExportRef> receive() {
        return Optional.ofNullable(messages.poll());
    }

    /** Every wake-up ever sent, delivered or not. */
    public List<ExportRef> sent() {
        return List.copyOf(sent);
    }
}
