package com.salesos.admin.access;

/**
 * The CRM's machine identity behind a request: not a person and not a workspace user (no seat, no
 * role). Its workspace is the one its sign-in subject was registered for, never anything the
 * request says.
 */
public record CrmClient(String workspaceId, String subject) {
}
