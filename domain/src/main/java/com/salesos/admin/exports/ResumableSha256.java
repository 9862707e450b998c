package com.salesos.admin.exports;

import java.util.Arrays;

/**
 * SHA-256 (FIPS 180-4) whose running state can be saved and restored. An export that spans
 * several Lambda invocations hashes its zip as it uploads it; {@link java.security.MessageDigest}
 * cannot be carried from one invocation to the next, this can ({@link #state()}).
 */
public final class ResumableSha256 {

    private static final int[] K = {
            0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
            0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
            0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
            0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
            0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
            0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
            0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
            0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2};

    private static final int[] INITIAL = {
            0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};

    /** The saved state: the eight working words, the bytes hashed so far and the unprocessed tail (under 64 bytes). */
    public record State(int[] words, long length, byte[] pending) {

        public State {
            if (words.length != 8 || pending.length >= 64 || length < 0 || length % 64 != pending.length) {
                throw new IllegalArgumentException("not a SHA-256 state");
            }
            words = words.clone();
            pending = pending.clone();
        }

        public static State initial() {
            return new State(INITIAL, 0, new byte[0]);
        }

        @Override
        public int[] words() {
            return words.clone();
        }

        @Override
        public byte[] pending() {
            return pending.clone();
        }
    }

    private final int[] h;
    private final byte[] block = new byte[64];
    private final int[] w = new int[64];
    private int blockLength;
    private long length;

    public ResumableSha256(State state) {
        this.h = state.words();
        this.length = state.length();
        byte[] pending = state.pending();
        System.arraycopy(pending, 0, block, 0, pending.length);
        this.blockLength = pending.length;
    }

    public ResumableSha256() {
        this(State.initial());
    }

    public State state() {
        return new State(h, length, Arrays.copyOf(block, blockLength));
    }

    public void update(byte[] data, int offset, int count) {
        length += count;
        int position = offset;
        int end = offset + count;
        if (blockLength > 0) {
            int take = Math.min(64 - blockLength, count);
            System.arraycopy(data, position, block, blockLength, take);
            blockLength += take;
            position += take;
            if (blockLength < 64) {
                return;
            }
            compress(block, 0);
            blockLength = 0;
        }
        while (end - position >= 64) {
            compress(data, position);
            position += 64;
        }
        System.arraycopy(data, position, block, 0, end - position);
        blockLength = end - position;
    }

    /** The digest of everything so far; this instance must not be used afterwards. */
    public byte[] digest() {
        long bits = length * 8;
        byte[] padding = new byte[(blockLength < 56 ? 56 : 120) - blockLength + 8];
        padding[0] = (byte) 0x80;
        for (int i = 0; i < 8; i++) {
            padding[padding.length - 1 - i] = (byte) (bits >>> (8 * i));
        }
        update(padding, 0, padding.length);
        byte[] out = new byte[32];
        for (int i = 0; i < 8; i++) {
            out[4 * i] = (byte) (h[i] >>> 24);
            out[4 * i + 1] = (byte) (h[i] >>> 16);
            out[4 * i + 2] = (byte) (h[i] >>> 8);
            out[4 * i + 3] = (byte) h[i];
        }
        return out;
    }

    private void compress(byte[] data, int offset) {
        for (int t = 0; t < 16; t++) {
            int i = offset + 4 * t;
            w[t] = (data[i] << 24) | ((data[i + 1] & 0xff) << 16) | ((data[i + 2] & 0xff) << 8) | (data[i + 3] & 0xff);
        }
        for (int t = 16; t < 64; t++) {
            int s0 = Integer.rotateRight(w[t - 15], 7) ^ Integer.rotateRight(w[t - 15], 18) ^ (w[t - 15] >>> 3);
            int s1 = Integer.rotateRight(w[t - 2], 17) ^ Integer.rotateRight(w[t - 2], 19) ^ (w[t - 2] >>> 10);
            w[t] = w[t - 16] + s0 + w[t - 7] + s1;
        }
        int a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], hh = h[7];
        for (int t = 0; t < 64; t++) {
            int t1 = hh + (Integer.rotateRight(e, 6) ^ Integer.rotateRight(e, 11) ^ Integer.rotateRight(e, 25))
                    + ((e & f) ^ (~e & g)) + K[t] + w[t];
            int t2 = (Integer.rotateRight(a, 2) ^ Integer.rotateRight(a, 13) ^ Integer.rotateRight(a, 22))
                    + ((a & b) ^ (a & c) ^ (b & c));
            hh = g;
            g = f;
            f = e;
            e = d + t1;
            d = c;
            c = b;
            b = a;
            a = t1 + t2;
        }
        h[0] += a;
        h[1] += b;
        h[2] += c;
        h[3] += d;
        h[4] += e;
        h[5] += f;
        h[6] += g;
        h[7] += hh;
    }
}
