package org.backprop.engine.data;

import org.backprop.engine.Samples;
import org.backprop.engine.project.DataSpec;
import org.backprop.engine.runtime.Nd4jRuntime;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.*;

class IdxSourceTest {
    static final Path SUBSET = Samples.root().resolve("data/fashion-mnist-subset");

    @TempDir
    Path dir;

    @BeforeAll
    static void nd4j() {
        Nd4jRuntime.configure();
    }

    static DataSpec idx(String images, String labels, String testImages, String testLabels, Integer limit, Double testFraction) {
        return DataSpec.builder("idx").path(images).labels(labels).testPath(testImages).testLabels(testLabels).limit(limit).testFraction(testFraction).build();
    }

    static PreparedData load(DataSpec spec, Path baseDir) throws DataException {
        return DataLoader.load(spec, baseDir, DataType.FLOAT, 10, "mcxent");
    }

    /** An IDX file: the magic, the sizes, then the bytes. */
    static byte[] idxFile(int magic, int[] sizes, byte[] body) {
        ByteBuffer b = ByteBuffer.allocate(4 + 4 * sizes.length + body.length);
        b.putInt(magic);
        for (int s : sizes) b.putInt(s);
        b.put(body);
        return b.array();
    }

    static byte[] gunzip(Path gz) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(gz))) {
            return in.readAllBytes();
        }
    }

    static byte[] gzip(byte[] plain) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(out)) {
            z.write(plain);
        }
        return out.toByteArray();
    }

    @Test
    void theShippedFashionSubsetLoadsAs2000TrainingAnd500TestImagesOfTenClothes() throws Exception {
        PreparedData d = load(idx("train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz",
                "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz", null, null), SUBSET);
        assertEquals(2000, d.train().numExamples());
        assertEquals(500, d.test().numExamples());
        assertEquals(784, d.featureCount());
        assertEquals(List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"),
                d.classNames());
        for (var part : List.of(d.train(), d.test())) {
            assertEquals(0, part.getFeatures().minNumber().doubleValue(), 0, "black pixels are 0");
            assertEquals(1, part.getFeatures().maxNumber().doubleValue(), 0, "white pixels are 255 / 255");
            assertEquals(part.numExamples(), part.getLabels().sumNumber().intValue(), "one class per image");
            double[] perClass = part.getLabels().sum(0).toDoubleVector();
            assertTrue(Arrays.stream(perClass).allMatch(c -> c > 0), "every class occurs: " + Arrays.toString(perClass));
        }
        assertEquals("train-images-idx3-ubyte.gz (2000 training rows, 500 test rows, pixels / 255)", d.description());
    }

    @Test
    void gzippedAndPlainFilesGiveTheSameDataWhateverTheirNames() throws Exception {
        Files.write(dir.resolve("images.gz"), gunzip(SUBSET.resolve("train-images-idx3-ubyte.gz")));
        Files.write(dir.resolve("labels.gz"), gunzip(SUBSET.resolve("train-labels-idx1-ubyte.gz")));
        Files.copy(SUBSET.resolve("train-images-idx3-ubyte.gz"), dir.resolve("images.idx"));
        Files.copy(SUBSET.resolve("train-labels-idx1-ubyte.gz"), dir.resolve("labels.idx"));
        PreparedData plain = load(idx("images.gz", "labels.gz", null, null, 300, 0.0), dir);
        PreparedData gz = load(idx("images.idx", "labels.idx", null, null, 300, 0.0), dir);
        assertEquals(300, plain.train().numExamples(), "limit takes the first rows");
        assertEquals(plain.train().getFeatures(), gz.train().getFeatures());
        assertEquals(plain.train().getLabels(), gz.train().getLabels());
        assertEquals(List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"), plain.classNames(), "no classes.txt: digits");
    }

    @Test
    void withoutTestFilesTestFractionHoldsOutPartOfTheTrainingFile() throws Exception {
        PreparedData d = load(idx("train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz", null, null, 400, 0.25), SUBSET);
        assertEquals(300, d.train().numExamples());
        assertEquals(100, d.test().numExamples());
    }

    @Test
    void aTruncatedFileSaysHowManyImagesItHolds() throws Exception {
        byte[] fivePlus = new byte[5 * 16 + 7];
        Files.write(dir.resolve("train-images.idx"), idxFile(IdxFile.IMAGES, new int[]{20, 4, 4}, fivePlus));
        Files.write(dir.resolve("train-labels.idx"), idxFile(IdxFile.LABELS, new int[]{20}, new byte[20]));
        DataException e = assertThrows(DataException.class, () -> load(idx("train-images.idx", "train-labels.idx", null, null, null, null), dir));
        assertEquals("train-images.idx: truncated: header says 20 images of 4x4, file holds 5", e.getMessage());

        byte[] full = gunzip(SUBSET.resolve("train-images-idx3-ubyte.gz"));
        byte[] gz = gzip(full);
        Files.write(dir.resolve("train-images.gz"), Arrays.copyOf(gz, gz.length / 2));
        Files.copy(SUBSET.resolve("train-labels-idx1-ubyte.gz"), dir.resolve("train-labels.gz"));
        e = assertThrows(DataException.class, () -> load(idx("train-images.gz", "train-labels.gz", null, null, null, null), dir));
        assertTrue(e.getMessage().startsWith("train-images.gz: truncated: header says 2000 images of 28x28, file holds "), e.getMessage());

        Files.write(dir.resolve("short.idx"), new byte[]{0, 0, 8, 3, 0, 0});
        e = assertThrows(DataException.class, () -> load(idx("short.idx", "train-labels.idx", null, null, null, null), dir));
        assertEquals("short.idx: truncated: 6 bytes, too short for an IDX header", e.getMessage());
    }

    @Test
    void aWrongMagicNumberNamesTheFileAndWhatItIs() throws Exception {
        Files.copy(SUBSET.resolve("train-labels-idx1-ubyte.gz"), dir.resolve("labels.gz"));
        DataException e = assertThrows(DataException.class, () -> load(idx("labels.gz", "labels.gz", null, null, null, null), dir));
        assertEquals("labels.gz: not an IDX image file: wrong magic number 0x00000801, expected 0x00000803 (that is a label file)",
                e.getMessage());

        Files.writeString(dir.resolve("notes.txt"), "hello, this is text");
        e = assertThrows(DataException.class, () -> load(idx("notes.txt", "labels.gz", null, null, null, null), dir));
        assertEquals("notes.txt: not an IDX image file: wrong magic number 0x68656C6C, expected 0x00000803", e.getMessage());
    }

    @Test
    void labelsMustMatchImagesOneToOne() throws Exception {
        Files.write(dir.resolve("images.idx"), idxFile(IdxFile.IMAGES, new int[]{3, 2, 2}, new byte[12]));
        Files.write(dir.resolve("labels.idx"), idxFile(IdxFile.LABELS, new int[]{2}, new byte[2]));
        DataException e = assertThrows(DataException.class, () -> load(idx("images.idx", "labels.idx", null, null, null, null), dir));
        assertEquals("labels.idx holds 2 labels but images.idx holds 3 images; they must match one to one", e.getMessage());
    }

    @Test
    void aMissingFileIsNamedByItsResolvedPath() {
        DataException e = assertThrows(DataException.class, () -> load(idx("sub/../nowhere.gz", "labels.gz", null, null, null, null), dir));
        assertEquals("file not found: " + dir.toAbsolutePath().resolve("nowhere.gz"), e.getMessage());
    }

    @Test
    void classNamesComeFromClassesTxtBesideTheImages() throws Exception {
        Files.write(dir.resolve("images.idx"), idxFile(IdxFile.IMAGES, new int[]{3, 1, 2}, new byte[]{0, (byte) 255, 10, 20, 30, 40}));
        Files.write(dir.resolve("labels.idx"), idxFile(IdxFile.LABELS, new int[]{3}, new byte[]{2, 0, 1}));
        Files.writeString(dir.resolve("classes.txt"), "cat\ndog\nbird\n");
        PreparedData d = DataLoader.load(idx("images.idx", "labels.idx", null, null, null, 0.0), dir, DataType.DOUBLE, 3, "mcxent");
        assertEquals(List.of("cat", "dog", "bird"), d.classNames());
        assertArrayEquals(new double[]{0, 1}, d.train().getFeatures().getRow(0).toDoubleVector());
        assertArrayEquals(new double[]{0, 0, 1}, d.train().getLabels().getRow(0).toDoubleVector());

        Files.writeString(dir.resolve("classes.txt"), "cat\ndog\n");
        DataException e = assertThrows(DataException.class,
                () -> DataLoader.load(idx("images.idx", "labels.idx", null, null, null, 0.0), dir, DataType.DOUBLE, 3, "mcxent"));
        assertEquals("classes.txt names 2 classes, but the labels go up to 2 (a label is a 0-based line number in it)", e.getMessage());
    }
}
