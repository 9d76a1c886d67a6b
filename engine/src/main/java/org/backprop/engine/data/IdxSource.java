package org.backprop.engine.data;

import org.backprop.engine.project.DataSpec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code idx} source: an images file and a labels file in MNIST's IDX format, optionally
 * a second pair as the test part. Class names come from {@code classes.txt} beside the images
 * (one per line) when there is one, else they are the digits "0".."9".
 */
final class IdxSource {
    static final String CLASS_NAMES_FILE = "classes.txt";

    private IdxSource() {}

    /**
     * @param name the images file's name, for the data's description
     * @param test the test part from {@code testPath}/{@code testLabels}, or null to split the training part
     */
    record Parts(String name, Examples train, Examples test) {}

    static Parts read(DataSpec spec, Path baseDir) throws DataException {
        if ((spec.testPath() == null) != (spec.testLabels() == null)) {
            throw new DataException("the idx source takes \"testPath\" and \"testLabels\" together: give both or neither");
        }
        int limit = spec.limit() == null ? 0 : spec.limit();
        Path images = DataFiles.resolve(baseDir, spec.path(), "idx", "\"path\" (the images file)");
        Path labels = DataFiles.resolve(baseDir, spec.labels(), "idx", "\"labels\" (the labels file)");
        IdxFile.Images trainX = IdxFile.readImages(images, limit);
        IdxFile.Labels trainY = IdxFile.readLabels(labels, limit);
        check(images, trainX, labels, trainY);
        IdxFile.Images testX = null;
        IdxFile.Labels testY = null;
        if (spec.testPath() != null) {
            Path ti = DataFiles.resolve(baseDir, spec.testPath(), "idx", "\"testPath\"");
            Path tl = DataFiles.resolve(baseDir, spec.testLabels(), "idx", "\"testLabels\"");
            testX = IdxFile.readImages(ti, limit);
            testY = IdxFile.readLabels(tl, limit);
            check(ti, testX, tl, testY);
            if (testX.rows() != trainX.rows() || testX.cols() != trainX.cols()) {
                throw new DataException(ti.getFileName() + " holds images of " + testX.rows() + "x" + testX.cols()
                        + " but " + images.getFileName() + " holds " + trainX.rows() + "x" + trainX.cols());
            }
        }
        List<String> names = classNames(images.resolveSibling(CLASS_NAMES_FILE), trainY, testY);
        return new Parts(images.getFileName().toString(),
                Examples.classes(trainX.pixels(), trainY.values(), names),
                testX == null ? null : Examples.classes(testX.pixels(), testY.values(), names));
    }

    private static void check(Path images, IdxFile.Images x, Path labels, IdxFile.Labels y) throws DataException {
        if (x.count() != y.count()) {
            throw new DataException(labels.getFileName() + " holds " + y.count() + " labels but " + images.getFileName()
                    + " holds " + x.count() + " images; they must match one to one");
        }
    }

    private static List<String> classNames(Path file, IdxFile.Labels train, IdxFile.Labels test) throws DataException {
        int maxLabel = max(train.values());
        if (test != null) maxLabel = Math.max(maxLabel, max(test.values()));
        if (Files.isRegularFile(file)) {
            List<String> names;
            try {
                names = Files.readAllLines(file, StandardCharsets.UTF_8).stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
            } catch (IOException e) {
                throw new DataException(file + ": cannot be read: " + e.getMessage(), e);
            }
            if (maxLabel >= names.size()) {
                throw new DataException(file.getFileName() + " names " + names.size() + " classes, but the labels go up to "
                        + maxLabel + " (a label is a 0-based line number in it)");
            }
            return names;
        }
        // Digits by default; a set with more labels (EMNIST letters, say) gets numbers beyond 9.
        List<String> names = new ArrayList<>();
        for (int i = 0; i <= Math.max(9, maxLabel); i++) names.add(Integer.toString(i));
        return names;
    }

    private static int max(int[] v) {
        int m = 0;
        for (int x : v) m = Math.max(m, x);
        return m;
    }
}
