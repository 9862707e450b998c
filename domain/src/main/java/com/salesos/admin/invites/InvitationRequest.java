package com.salesos.admin.invites;

/** What an admin asks for: invite this person, in this role (id or name), optionally in a team. */
public record InvitationRequest(String email, String name, String role, String teamId) {
}
