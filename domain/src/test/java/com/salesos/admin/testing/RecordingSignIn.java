package com.salesos.admin.testing;

import com.salesos.admin.users.SignInControl;
import com.salesos.admin.users.User;
import java.util.HashSet;
import java.util.Set;

/** The identity provider's side of sign-in: who is blocked. {@link #down} makes every call fail. */
public final class RecordingSignIn implements SignInControl {

    private final Set<String> blocked = new HashSet<>();
    public boolean down;

    @Override
    public void block(User user) {
        failIfDown();
        blocked.add(user.subject());
    }

    @Override
    public void allow(User user) {
        failIfDown();
        blocked.remove(user.subject());
    }

    public boolean isBlocked(User user) {
        return blocked.contains(user.subject());
    }

    private void failIfDown() {
        if (down) {
            throw new SignInControlFailed("identity provider unreachable", null);
        }
    }
}
