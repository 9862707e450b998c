package com.salesos.admin.testing;

import com.salesos.admin.exports.ExportCheckpoint;
import com.salesos.admin.exports.ExportFiles;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A bucket with multipart uploads: an object appears only when its upload completes, from the parts it names. */
public final class InMemoryExportFiles implements ExportFiles {

    private final Map<String, Map<Integer, byte[]>> uploads = new HashMap<>();
    private final Map<String, String> completedUploads = new HashMap<>();
    private final Map<String, byte[]> objects = new HashMap<>();
    private int started;

    @Override
    public String startUpload(String key) {
        String id = "upload-" + (++started);
        uploads.put(id, new HashMap<>());
        return id;
    }

    @Override
    public String uploadPart(String key, String uploadId, int partNumber, byte[] bytes, int length) {
        Map<Integer, byte[]> parts = uploads.get(uploadId);
        if (parts == null) {
            throw new IllegalStateException("no such upload " + uploadId);
        }
        parts.put(partNumber, Arrays.copyOf(bytes, length));
        return "etag-" + uploadId + "-" + partNumber;
    }

    @Override
    public void complete(String key, String uploadId, List<ExportCheckpoint.UploadedPart> parts) {
        if (key.equals(completedUploads.get(uploadId))) {
            return;
        }
        Map<Integer, byte[]> uploaded = uploads.remove(uploadId);
        if (uploaded == null) {
            throw new IllegalStateException("no such upload " + uploadId);
        }
        ByteArrayOutputStream object = new ByteArrayOutputStream();
        for (ExportCheckpoint.UploadedPart part : parts) {
            if (!part.etag().equals("etag-" + uploadId + "-" + part.number())) {
                throw new IllegalStateException("part " + part.number() + " has another ETag");
            }
            object.writeBytes(uploaded.get(part.number()));
        }
        objects.put(key, object.toByteArray());
        completedUploads.put(uploadId, key);
    }

    @Override
    public void abort(String key, String uploadId) {
        uploads.remove(uploadId);
    }

    public Optional<byte[]> object(String key) {
        return Optional.ofNullable(objects.get(key));
    }

    public int objectCount() {
        return objects.size();
    }

    public int uploadsStarted() {
        return started;
    }

    public int unfinishedUploads() {
        return uploads.size();
    }
}
