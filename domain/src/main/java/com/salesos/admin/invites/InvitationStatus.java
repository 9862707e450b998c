package com.salesos.admin.invites;

public enum InvitationStatus {
    PENDING, ACCEPTED, REVOKED
}
