package com.salesos.admin.exports;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.MessageDigest;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ResumableSha256Test {

    @Test
    void matches_the_jdk_for_every_length_around_block_boundaries() throws Exception {
        Random random = new Random(7);
        for (int length = 0; length < 300; length++) {
            byte[] data = new byte[length];
            random.nextBytes(data);
            ResumableSha256 sha = new ResumableSha256();
            sha.update(data, 0, length);
            assertThat(sha.digest()).as("length " + length).isEqualTo(MessageDigest.getInstance("SHA-256").digest(data));
        }
    }

    @Test
    void a_saved_state_continues_in_a_new_instance_to_the_same_digest() throws Exception {
        Random random = new Random(11);
        byte[] data = new byte[100_000];
        random.nextBytes(data);
        for (int split : new int[] {0, 1, 63, 64, 65, 4_097, 99_999}) {
            ResumableSha256 first = new ResumableSha256();
            first.update(data, 0, split);
            ResumableSha256 second = new ResumableSha256(first.state());
            second.update(data, split, data.length - split);
            assertThat(second.digest()).as("split at " + split).isEqualTo(MessageDigest.getInstance("SHA-256").digest(data));
        }
    }
}
