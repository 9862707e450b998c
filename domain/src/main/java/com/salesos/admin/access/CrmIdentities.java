package com.salesos.admin.access;

import java.util.Optional;

/** Port: which workspace a CRM machine identity ({@code sub} of its token) was registered for. */
public interface CrmIdentities {

    Optional<CrmClient> findBySubject(String subject);
}
