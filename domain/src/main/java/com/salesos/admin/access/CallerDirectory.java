package com.salesos.admin.access;

import java.util.Optional;

/** Port: who the identity provider's subject ({@code sub} claim) is in SalesOS right now. */
public interface CallerDirectory {

    Optional<Caller> findBySubject(String subject);
}
