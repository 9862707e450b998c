package com.salesos.admin.exports;

import java.net.URI;

/** Port: links that let a browser fetch a finished export straight from storage for a few minutes. */
public interface ExportDownloads {

    /** A short-lived GET link that saves the object as {@code fileName}. */
    URI downloadLink(String key, String fileName);
}
