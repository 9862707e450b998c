package com.salesos.admin.exports;

/**
 * CRC-32 of a concatenation from the CRCs of its parts (zlib's {@code crc32_combine}). A zip entry
 * needs the CRC of the whole file; when an export resumes in a later invocation, the CRC of what
 * was written before is combined with the CRC of what follows, with the fast intrinsic
 * {@link java.util.zip.CRC32} doing the per-byte work.
 */
public final class Crc32Combination {

    private static final long POLYNOMIAL = 0xedb88320L;

    private Crc32Combination() {
    }

    /** The CRC-32 of A followed by B, given crc(A), crc(B) and B's length. */
    public static long combine(long crcA, long crcB, long lengthB) {
        if (lengthB <= 0) {
            return crcA;
        }
        long[] even = new long[32];
        long[] odd = new long[32];
        odd[0] = POLYNOMIAL;
        long row = 1;
        for (int n = 1; n < 32; n++) {
            odd[n] = row;
            row <<= 1;
        }
        square(even, odd);   // two zero bits
        square(odd, even);   // four zero bits
        long crc = crcA;
        long length = lengthB;
        do {
            square(even, odd);   // apply len2 zeros: the first square puts the operator for one zero byte in even
            if ((length & 1) != 0) {
                crc = times(even, crc);
            }
            length >>= 1;
            if (length == 0) {
                break;
            }
            square(odd, even);
            if ((length & 1) != 0) {
                crc = times(odd, crc);
            }
            length >>= 1;
        } while (length != 0);
        return (crc ^ crcB) & 0xffffffffL;
    }

    private static long times(long[] matrix, long vector) {
        long sum = 0;
        int i = 0;
        long v = vector;
        while (v != 0) {
            if ((v & 1) != 0) {
                sum ^= matrix[i];
            }
            v >>>= 1;
            i++;
        }
        return sum;
    }

    private static void square(long[] square, long[] matrix) {
        for (int n = 0; n < 32; n++) {
            square[n] = times(matrix, matrix[n]);
        }
    }
}
