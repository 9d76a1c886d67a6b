package org.backprop.engine.data;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.zip.ZipException;

/**
 * MNIST's IDX format: a big-endian magic number (0x00000803 for unsigned-byte images of
 * count x rows x columns, 0x00000801 for unsigned-byte labels), one 32-bit size per
 * dimension, then the bytes. Every problem is reported with the file's name and what is wrong.
 */
final class IdxFile {
    static final int IMAGES = 0x00000803;
    static final int LABELS = 0x00000801;
    // 2 GB arrays are Java's limit; far before that the double[][] the loader builds is too big.
    private static final long MAX_BYTES = Integer.MAX_VALUE - 64;

    private IdxFile() {}

    /**
     * @param count  the number of images the header announces
     * @param pixels the first {@code min(count, limit)} images, one row of rows*cols values 0..255 each
     */
    record Images(int count, int rows, int cols, double[][] pixels) {}

    /** @param count the number of labels the header announces */
    record Labels(int count, int[] values) {}

    /** Reads the first {@code limit} images (all for {@code limit <= 0}). */
    static Images readImages(Path file, int limit) throws DataException {
        String name = file.getFileName().toString();
        try (InputStream in = DataFiles.open(file)) {
            int[] dims = header(in, name, IMAGES, 3);
            int count = dims[0], rows = dims[1], cols = dims[2];
            long rowBytes = (long) rows * cols;
            if (rowBytes == 0) throw new DataException(name + ": the header says the images are " + rows + "x" + cols);
            int take = limit > 0 ? Math.min(limit, count) : count;
            if (take * rowBytes > MAX_BYTES) {
                throw new DataException(name + ": " + take + " images of " + rows + "x" + cols + " are too many to load at once; set \"limit\"");
            }
            byte[] body = readUpTo(in, take * rowBytes, name);
            if (body.length < take * rowBytes) {
                throw new DataException(name + ": truncated: header says " + count + " images of " + rows + "x" + cols
                        + ", file holds " + body.length / rowBytes);
            }
            double[][] pixels = new double[take][(int) rowBytes];
            for (int i = 0, k = 0; i < take; i++) {
                double[] row = pixels[i];
                for (int j = 0; j < row.length; j++) row[j] = body[k++] & 0xFF;
            }
            return new Images(count, rows, cols, pixels);
        } catch (IOException e) {
            throw unreadable(name, e);
        }
    }

    /** Reads the first {@code limit} labels (all for {@code limit <= 0}). */
    static Labels readLabels(Path file, int limit) throws DataException {
        String name = file.getFileName().toString();
        try (InputStream in = DataFiles.open(file)) {
            int count = header(in, name, LABELS, 1)[0];
            int take = limit > 0 ? Math.min(limit, count) : count;
            byte[] body = readUpTo(in, take, name);
            if (body.length < take) {
                throw new DataException(name + ": truncated: header says " + count + " labels, file holds " + body.length);
            }
            int[] values = new int[take];
            for (int i = 0; i < take; i++) values[i] = body[i] & 0xFF;
            return new Labels(count, values);
        } catch (IOException e) {
            throw unreadable(name, e);
        }
    }

    /** Checks the magic number and returns the sizes. */
    private static int[] header(InputStream in, String name, int magic, int dims) throws IOException, DataException {
        byte[] h = readUpTo(in, 4 + 4L * dims, name);
        if (h.length < 4 + 4 * dims) {
            throw new DataException(name + ": truncated: " + h.length + " bytes, too short for an IDX header");
        }
        int found = intAt(h, 0);
        if (found != magic) {
            String expected = magic == IMAGES ? "an IDX image file" : "an IDX label file";
            String hint = found == IMAGES ? " (that is an image file)" : found == LABELS ? " (that is a label file)"
                    : (found & 0xFFFF0000) == 0x1F8B0000 ? " (gzip data inside gzip?)" : "";
            throw new DataException(String.format("%s: not %s: wrong magic number 0x%08X, expected 0x%08X%s",
                    name, expected, found, magic, hint));
        }
        int[] sizes = new int[dims];
        for (int i = 0; i < dims; i++) {
            sizes[i] = intAt(h, 4 + 4 * i);
            if (sizes[i] < 0) throw new DataException(name + ": damaged header: size " + Integer.toUnsignedString(sizes[i]));
        }
        return sizes;
    }

    private static int intAt(byte[] b, int at) {
        return (b[at] & 0xFF) << 24 | (b[at + 1] & 0xFF) << 16 | (b[at + 2] & 0xFF) << 8 | (b[at + 3] & 0xFF);
    }

    /** Reads {@code n} bytes or until the data ends; a cut-off gzip stream ends the data too. */
    private static byte[] readUpTo(InputStream in, long n, String name) throws IOException, DataException {
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(n, 1 << 20));
        byte[] buf = new byte[1 << 16];
        long left = n;
        try {
            while (left > 0) {
                int r = in.read(buf, 0, (int) Math.min(buf.length, left));
                if (r < 0) break;
                out.write(buf, 0, r);
                left -= r;
            }
        } catch (EOFException e) {
            // GZIPInputStream's "Unexpected end of ZLIB input stream": the file was cut off.
        } catch (ZipException e) {
            throw new DataException(name + ": damaged gzip data: " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    private static DataException unreadable(String name, IOException e) {
        if (e instanceof EOFException) return new DataException(name + ": truncated: the gzip header is cut off", e);
        if (e instanceof ZipException) return new DataException(name + ": damaged gzip data: " + e.getMessage(), e);
        return new DataException(name + ": cannot be read: " + e.getMessage(), e);
    }
}
