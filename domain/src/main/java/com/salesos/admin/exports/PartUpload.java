package com.salesos.admin.exports;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The receiving end of the zip: hashes every byte and gathers them into parts of at least
 * {@code partSize} bytes (S3 wants 5 MiB for every part but the last), uploading each as it fills.
 * Holds one part in memory at most, whatever the export's size.
 */
final class PartUpload implements ZipStreamWriter.Output {

    private final ExportFiles files;
    private final String key;
    private final String uploadId;
    private final List<ExportCheckpoint.UploadedPart> parts;
    private final ResumableSha256 sha256;
    private final int partSize;
    private byte[] buffer;
    private int buffered;

    PartUpload(ExportFiles files, String key, String uploadId, List<ExportCheckpoint.UploadedPart> parts,
               ResumableSha256 sha256, int partSize) {
        this.files = files;
        this.key = key;
        this.uploadId = uploadId;
        this.parts = new ArrayList<>(parts);
        this.sha256 = sha256;
        this.partSize = partSize;
        // A part is cut at the first record boundary past partSize; the slack avoids regrowing.
        this.buffer = new byte[partSize + 256 * 1024];
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
        sha256.update(bytes, offset, length);
        if (buffered + length > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, buffered + length));
        }
        System.arraycopy(bytes, offset, buffer, buffered, length);
        buffered += length;
    }

    boolean full() {
        return buffered >= partSize;
    }

    /** Uploads what is buffered as the next part (the last part may be small). */
    void uploadBuffered() {
        if (buffered == 0) {
            return;
        }
        int number = parts.size() + 1;
        parts.add(new ExportCheckpoint.UploadedPart(number, files.uploadPart(key, uploadId, number, buffer, buffered)));
        buffered = 0;
    }

    List<ExportCheckpoint.UploadedPart> parts() {
        return List.copyOf(parts);
    }

    String key() {
        return key;
    }

    String uploadId() {
        return uploadId;
    }
}
