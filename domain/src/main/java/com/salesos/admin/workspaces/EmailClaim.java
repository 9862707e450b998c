package com.salesos.admin.workspaces;

import com.salesos.admin.common.EmailAddress;
import java.util.Optional;

/**
 * Email uniqueness: within a workspace an address belongs to at most one user or pending
 * invitation, its holder. Every change that gives, takes back or hands on an address is one of
 * these claims, and {@link #allows} is the rule the store enforces in the same transaction (so two
 * concurrent invitations to one address cannot both succeed).
 */
public sealed interface EmailClaim {

    EmailAddress email();

    /** Whether the claim may go ahead while {@code current} holds the address (empty: nobody). */
    boolean allows(Optional<Holder> current);

    /** Who holds an address. */
    sealed interface Holder {
        String id();

        record PendingInvitation(String id) implements Holder {
        }

        record ActiveUser(String id) implements Holder {
        }
    }

    /** A new invitation or user takes an address nobody holds. */
    record Take(EmailAddress email, Holder by) implements EmailClaim {
        @Override
        public boolean allows(Optional<Holder> current) {
            return current.isEmpty();
        }
    }

    /** The holder gives the address back (a revoked invitation); nobody else can. */
    record Release(EmailAddress email, Holder holder) implements EmailClaim {
        @Override
        public boolean allows(Optional<Holder> current) {
            return current.equals(Optional.of(holder));
        }
    }

    /** The holder hands the address on (an accepted invitation to its user); nobody else can. */
    record Transfer(EmailAddress email, Holder from, Holder to) implements EmailClaim {
        @Override
        public boolean allows(Optional<Holder> current) {
            return current.equals(Optional.of(from));
        }
    }
}
