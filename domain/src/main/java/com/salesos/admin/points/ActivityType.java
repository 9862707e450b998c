package com.salesos.admin.points;

import java.util.Arrays;
import java.util.Optional;

/** The CRM activities that earn points. */
public enum ActivityType {
    LEAD_CREATED, DEAL_CREATED, DEAL_WON, CALL_LOGGED, MEETING_HELD, EMAIL_SENT;

    public static Optional<ActivityType> of(String name) {
        return Arrays.stream(values()).filter(t -> t.name().equals(name)).findFirst();
    }
}
