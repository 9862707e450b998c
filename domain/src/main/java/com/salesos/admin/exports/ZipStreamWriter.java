package com.salesos.admin.exports;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Writes a zip (deflated entries, sizes in data descriptors) as a stream, so nothing needs to be
 * seeked back to, and can stop at a flush point and be resumed from an {@link ArchiveState} by a
 * later process. {@link java.util.zip.ZipOutputStream} can do neither: its compressor, CRC and
 * central directory live only in memory.
 *
 * <p>Entries and offsets stay below 4 GiB (no ZIP64); {@link ArchiveTooLarge} says when an export
 * would exceed that.
 */
public final class ZipStreamWriter {

    /** Where the archive's bytes go, in order. */
    public interface Output {
        void write(byte[] bytes, int offset, int length);
    }

    public static final class ArchiveTooLarge extends RuntimeException {
        ArchiveTooLarge() {
            super("the export exceeds the 4 GiB a zip without ZIP64 can hold");
        }
    }

    private static final int LOCAL_HEADER = 0x04034b50;
    private static final int DATA_DESCRIPTOR = 0x08074b50;
    private static final int CENTRAL_HEADER = 0x02014b50;
    private static final int END_OF_CENTRAL_DIRECTORY = 0x06054b50;
    /** Bit 3: sizes and CRC follow the data; bit 11: the name is UTF-8. */
    private static final int FLAGS = 0x0808;
    private static final int VERSION = 20;
    private static final int DEFLATED = 8;
    private static final long LIMIT = 0xffffffffL;

    private final Output output;
    private final Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
    private final byte[] buffer = new byte[64 * 1024];
    private final List<ArchiveState.ClosedEntry> closed;
    private final int dosTime;
    private final int dosDate;
    private long offset;

    // The open entry: the CRC is the combination of what earlier processes wrote (crcBefore over
    // sizeBefore bytes) and what this one wrote (crc over size - sizeBefore bytes).
    private String entryName;
    private long entryHeaderOffset;
    private long crcBefore;
    private long sizeBefore;
    private final CRC32 crc = new CRC32();
    private long size;
    private long compressedSize;

    public ZipStreamWriter(ArchiveState state, Output output) {
        this.output = output;
        this.closed = new ArrayList<>(state.closed());
        this.dosTime = state.dosTime();
        this.dosDate = state.dosDate();
        this.offset = state.offset();
        state.open().ifPresent(open -> {
            entryName = open.name();
            entryHeaderOffset = open.headerOffset();
            crcBefore = open.crc();
            sizeBefore = open.size();
            size = open.size();
            compressedSize = open.compressedSize();
        });
    }

    public boolean hasOpenEntry() {
        return entryName != null;
    }

    public void beginEntry(String name) {
        if (hasOpenEntry()) {
            throw new IllegalStateException("entry " + entryName + " is still open");
        }
        byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
        Bytes header = new Bytes(30 + nameBytes.length)
                .int32(LOCAL_HEADER).int16(VERSION).int16(FLAGS).int16(DEFLATED).int16(dosTime).int16(dosDate)
                .int32(0).int32(0).int32(0).int16(nameBytes.length).int16(0).raw(nameBytes);
        entryName = name;
        entryHeaderOffset = offset;
        crcBefore = 0;
        sizeBefore = 0;
        crc.reset();
        size = 0;
        compressedSize = 0;
        emit(header.toByteArray());
    }

    /** Compresses uncompressed entry data into the archive. */
    public void write(byte[] data, int start, int length) {
        // Checked before the bytes go in: an entity past ZIP32's 4 GiB fails now, not after it has all streamed.
        checkLimit(size + length);
        crc.update(data, start, length);
        size += length;
        deflater.setInput(data, start, length);
        while (!deflater.needsInput()) {
            drain(Deflater.NO_FLUSH);
        }
    }

    /** Completes the open entry: the final compressed block and the data descriptor. */
    public void endEntry() {
        deflater.finish();
        while (!deflater.finished()) {
            drain(Deflater.NO_FLUSH);
        }
        deflater.reset();
        long entryCrc = entryCrc();
        checkLimit(size);
        checkLimit(compressedSize);
        emit(new Bytes(16).int32(DATA_DESCRIPTOR).int32(entryCrc).int32(compressedSize).int32(size).toByteArray());
        closed.add(new ArchiveState.ClosedEntry(entryName, entryCrc, compressedSize, size, entryHeaderOffset));
        entryName = null;
    }

    /** Writes the central directory; the archive is complete afterwards. */
    public void finish() {
        if (hasOpenEntry()) {
            throw new IllegalStateException("entry " + entryName + " is still open");
        }
        long directoryStart = offset;
        for (ArchiveState.ClosedEntry entry : closed) {
            byte[] name = entry.name().getBytes(StandardCharsets.UTF_8);
            emit(new Bytes(46 + name.length)
                    .int32(CENTRAL_HEADER).int16(VERSION).int16(VERSION).int16(FLAGS).int16(DEFLATED)
                    .int16(dosTime).int16(dosDate).int32(entry.crc()).int32(entry.compressedSize()).int32(entry.size())
                    .int16(name.length).int16(0).int16(0).int16(0).int16(0).int32(0).int32(entry.headerOffset())
                    .raw(name).toByteArray());
        }
        long directorySize = offset - directoryStart;
        checkLimit(offset);
        emit(new Bytes(22).int32(END_OF_CENTRAL_DIRECTORY).int16(0).int16(0).int16(closed.size()).int16(closed.size())
                .int32(directorySize).int32(directoryStart).int16(0).toByteArray());
        deflater.end();
    }

    /**
     * Flushes the compressor to a byte boundary (a sync flush) and starts the next bytes with a
     * fresh dictionary, so that a new process can continue the entry from the returned state and
     * produce exactly the bytes this one would have.
     */
    public ArchiveState flushPoint() {
        Optional<ArchiveState.OpenEntry> open = Optional.empty();
        if (hasOpenEntry()) {
            drain(Deflater.SYNC_FLUSH);
            deflater.reset();
            open = Optional.of(new ArchiveState.OpenEntry(entryName, entryHeaderOffset, entryCrc(), size, compressedSize));
        }
        return new ArchiveState(offset, dosTime, dosDate, closed, open);
    }

    /** Releases the compressor's native memory without finishing the archive. */
    public void abandon() {
        deflater.end();
    }

    public long bytesWritten() {
        return offset;
    }

    private long entryCrc() {
        return Crc32Combination.combine(crcBefore, crc.getValue(), size - sizeBefore);
    }

    private void drain(int flush) {
        int produced;
        do {
            produced = deflater.deflate(buffer, 0, buffer.length, flush);
            if (produced > 0) {
                compressedSize += produced;
                emit(buffer, produced);
            }
        } while (produced == buffer.length);
    }

    private void emit(byte[] bytes) {
        emit(bytes, bytes.length);
    }

    private void emit(byte[] bytes, int length) {
        output.write(bytes, 0, length);
        offset += length;
        checkLimit(offset);
    }

    private static void checkLimit(long value) {
        if (value >= LIMIT) {
            throw new ArchiveTooLarge();
        }
    }

    /** Little-endian field writer for zip headers. */
    private static final class Bytes {
        private final ByteArrayOutputStream out;

        Bytes(int size) {
            out = new ByteArrayOutputStream(size);
        }

        Bytes int16(int value) {
            out.write(value & 0xff);
            out.write((value >>> 8) & 0xff);
            return this;
        }

        Bytes int32(long value) {
            int16((int) (value & 0xffff));
            return int16((int) ((value >>> 16) & 0xffff));
        }

        Bytes raw(byte[] bytes) {
            out.write(bytes, 0, bytes.length);
            return this;
        }

        byte[] toByteArray() {
            return out.toByteArray();
        }
    }
}
