package com.salesos.admin.exports;

import java.util.List;
import java.util.Optional;

/**
 * Where a zip being written stands, enough to carry on in another process: bytes written so far,
 * the entries already closed (for the central directory), and the entry still open with its
 * running CRC and sizes. Only taken at a flush point, where the compressed stream is byte-aligned
 * and a fresh compressor can continue it.
 */
public record ArchiveState(long offset, int dosTime, int dosDate, List<ClosedEntry> closed, Optional<OpenEntry> open) {

    public ArchiveState {
        closed = List.copyOf(closed);
    }

    public static ArchiveState empty(int dosTime, int dosDate) {
        return new ArchiveState(0, dosTime, dosDate, List.of(), Optional.empty());
    }

    /** An entry whose data and descriptor are written. */
    public record ClosedEntry(String name, long crc, long compressedSize, long size, long headerOffset) {
    }

    /** The entry being written: its local header is out, its data partly. */
    public record OpenEntry(String name, long headerOffset, long crc, long size, long compressedSize) {
    }
}
