package org.backprop.engine.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Fisher's Iris data (1936, public domain): 150 flowers, 50 of each of three species, with
 * sepal length, sepal width, petal length and petal width in cm. Bundled as {@code iris.csv},
 * a verbatim copy of scikit-learn's file (Debian python3-sklearn), whose values follow
 * Fisher's paper rather than the UCI copy with its two wrong rows. Its first row is a header:
 * row count, feature count, then the class names; each row after it ends in a class index.
 */
final class Iris {
    static final String RESOURCE = "iris.csv";

    private Iris() {}

    static Examples load() throws DataException {
        String text;
        try (InputStream in = Iris.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new DataException("the bundled Iris data (" + RESOURCE + ") is missing from this build");
            text = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new DataException("the bundled Iris data could not be read: " + e.getMessage(), e);
        }
        List<String> lines = text.lines().filter(l -> !l.isBlank()).toList();
        String[] header = lines.get(0).split(",");
        int n = Integer.parseInt(header[0].trim());
        int d = Integer.parseInt(header[1].trim());
        List<String> names = Arrays.stream(header, 2, header.length).map(String::trim).toList();
        if (lines.size() - 1 != n) throw new DataException("the bundled Iris data is damaged: " + (lines.size() - 1) + " rows, header says " + n);
        double[][] x = new double[n][d];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            String[] cells = lines.get(i + 1).split(",");
            for (int j = 0; j < d; j++) x[i][j] = Double.parseDouble(cells[j]);
            y[i] = Integer.parseInt(cells[d].trim());
        }
        return Examples.classes(x, y, names);
    }
}
