package com.salesos.admin.exports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;

class Crc32CombinationTest {

    @Test
    void the_crc_of_a_concatenation_follows_from_the_crcs_of_its_parts() {
        Random random = new Random(3);
        byte[] data = new byte[70_000];
        random.nextBytes(data);
        CRC32 whole = new CRC32();
        whole.update(data);
        for (int split : new int[] {0, 1, 2, 3, 1_000, 65_536, 69_999, 70_000}) {
            CRC32 a = new CRC32();
            a.update(data, 0, split);
            CRC32 b = new CRC32();
            b.update(data, split, data.length - split);
            assertThat(Crc32Combination.combine(a.getValue(), b.getValue(), data.length - split))
                    .as("split at " + split).isEqualTo(whole.getValue());
        }
    }
}
