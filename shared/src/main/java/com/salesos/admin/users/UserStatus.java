package com.salesos.admin.users;

public enum UserStatus {
    ACTIVE, DEACTIVATED
}
