package com.salesos.admin.access;

public enum UserStatus {
    ACTIVE, DEACTIVATED
}
