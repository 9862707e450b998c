package com.salesos.admin.support;

/**
 * What support asks for: a workspace with this name on this tier, optionally a seat limit other
 * than the tier's, its first Admin (who is invited), and the support ticket it is done for.
 */
public record ProvisionRequest(String name, String tier, Long seatLimit, String adminEmail, String adminName,
                               String ticket) {
}
