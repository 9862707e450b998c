package com.salesos.admin.seats;

/** Port: a workspace's seat counters as the store holds them now. */
public interface SeatAccount {

    Seats read(String workspaceId);
}
