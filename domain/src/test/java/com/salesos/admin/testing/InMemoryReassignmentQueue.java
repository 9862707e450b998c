package com.salesos.admin.testing;

import com.salesos.admin.users.ReassignmentQueue;
import com.salesos.admin.users.ReassignmentRef;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/** Wake-ups as a queue; {@link #down} makes sending fail. */
public final class InMemoryReassignmentQueue implements ReassignmentQueue {

    private final Deque<ReassignmentRef> messages = new ArrayDeque<>();
    private final List<ReassignmentRef> sent = new ArrayList<>();
    public boolean down;

    @Override
    public void wakeUp(ReassignmentRef ref) {
        if (down) {
            throw new QueueUnavailable("queue down", null);
        }
        messages.add(ref);
        sent.add(ref);
    }

    /** The next message to deliver, taken off the queue. */
    public Optional<ReassignmentRef> receive() {
        return Optional.ofNullable(messages.poll());
    }

    /** Every wake-up ever sent, delivered or not. */
    public List<ReassignmentRef> sent() {
        return List.copyOf(sent);
    }
}
