package com.salesos.admin.invites;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class InvitationTokenTest {

    @Test
    void tokens_carry_at_least_128_random_bits_and_differ_every_time() {
        SecureRandom random = new SecureRandom();
        InvitationToken a = InvitationToken.generate(random);
        InvitationToken b = InvitationToken.generate(random);

        assertThat(Base64.getUrlDecoder().decode(a.value()).length * 8).isGreaterThanOrEqualTo(128);
        assertThat(a).isNotEqualTo(b);
    }

    @Test
    void only_the_sha256_hash_is_kept_and_it_identifies_the_token() {
        InvitationToken token = InvitationToken.generate(new SecureRandom());

        assertThat(token.hash().hex()).hasSize(64).doesNotContain(token.value());
        assertThat(token.hash()).isEqualTo(new InvitationToken(token.value()).hash());
    }

    @Test
    void a_token_never_prints_itself() {
        InvitationToken token = InvitationToken.generate(new SecureRandom());
        assertThat(token.toString()).doesNotContain(token.value());
    }
}
