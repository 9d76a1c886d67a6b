package org.backprop.engine.data;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/** Finding and opening the files a data spec names. */
final class DataFiles {
    private DataFiles() {}

    /**
     * The file {@code path} names, relative to the project's folder.
     *
     * @param what how the message names a missing field, e.g. "\"path\" (the images file)"
     */
    static Path resolve(Path baseDir, String path, String source, String what) throws DataException {
        if (path == null || path.isBlank()) throw new DataException("the " + source + " source needs " + what);
        Path p = (baseDir == null ? Path.of(path) : baseDir.resolve(path)).toAbsolutePath().normalize();
        if (!Files.isRegularFile(p)) throw new DataException("file not found: " + p);
        return p;
    }

    /**
     * Opens a file, decompressing it when it is gzipped. That is decided by the gzip magic bytes
     * (1f 8b), not by the name: downloads lose or gain ".gz" more often than their content changes.
     */
    static InputStream open(Path file) throws IOException {
        BufferedInputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        try {
            in.mark(2);
            int b0 = in.read();
            int b1 = in.read();
            in.reset();
            return b0 == 0x1f && b1 == 0x8b ? new GZIPInputStream(in, 1 << 16) : in;
        } catch (IOException e) {
            in.close();
            throw e;
        }
    }
}
