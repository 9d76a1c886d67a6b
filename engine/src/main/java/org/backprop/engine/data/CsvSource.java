package org.backprop.engine.data;

import org.backprop.engine.project.DataSpec;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The {@code csv} source: a table with one example per row. Columns are chosen by header name
 * or by 1-based number; by default the last column is the label and every other one a feature.
 * Features must be numbers. The label is a class unless it is numeric and the caller says a
 * numeric label is a value to regress.
 */
final class CsvSource {
    // Plain decimal notation only: Java's parser would also take "NaN", "Infinity", hex and a trailing "d".
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    private CsvSource() {}

    /** @param numericLabelIsValue true when a label column of numbers is a regression target, not class ids */
    static Examples read(DataSpec spec, Path baseDir, boolean numericLabelIsValue) throws DataException {
        Path file = DataFiles.resolve(baseDir, spec.path(), "csv", "\"path\" (the CSV file)");
        String name = file.getFileName().toString();
        String text;
        try (InputStream in = DataFiles.open(file)) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new DataException(name + ": cannot be read: " + e.getMessage(), e);
        }
        List<CsvRecords.Row> rows = CsvRecords.parse(text, name);
        boolean header = spec.header() == null || spec.header();
        if (rows.isEmpty() || (header && rows.size() == 1)) throw new DataException(name + ": no data rows");
        int width = rows.get(0).cells().size();
        List<String> columns = new ArrayList<>();
        for (int j = 0; j < width; j++) columns.add(header ? rows.get(0).cells().get(j) : null);
        List<CsvRecords.Row> data = header ? rows.subList(1, rows.size()) : rows;

        int label = spec.label() == null ? width - 1 : column(spec.label(), columns, header, name);
        List<Integer> features = new ArrayList<>();
        if (spec.features() == null) {
            for (int j = 0; j < width; j++) if (j != label) features.add(j);
        } else {
            Set<Integer> seen = new LinkedHashSet<>();
            for (String f : spec.features()) {
                int j = column(f, columns, header, name);
                if (j == label) throw new DataException(name + ": " + describe(j, columns) + " is the label; it cannot be a feature too");
                if (!seen.add(j)) throw new DataException(name + ": " + describe(j, columns) + " is listed twice in \"features\"");
            }
            features.addAll(seen);
        }
        if (features.isEmpty()) throw new DataException(name + ": no feature columns: the file has only the label column");

        int n = data.size();
        double[][] x = new double[n][features.size()];
        String[] labels = new String[n];
        boolean numericLabels = true;
        for (int i = 0; i < n; i++) {
            CsvRecords.Row row = data.get(i);
            if (row.cells().size() != width) {
                throw new DataException(name + ", line " + row.line() + ": expected " + width + " columns, found " + row.cells().size());
            }
            for (int f = 0; f < features.size(); f++) {
                x[i][f] = number(row, features.get(f), columns, name);
            }
            labels[i] = row.cells().get(label);
            if (labels[i].isEmpty()) {
                throw new DataException(name + ", line " + row.line() + ", " + describe(label, columns) + ": the label is empty");
            }
            numericLabels &= isNumber(labels[i]);
        }
        if (numericLabels && numericLabelIsValue) {
            double[][] y = new double[n][1];
            for (int i = 0; i < n; i++) y[i][0] = Double.parseDouble(labels[i]);
            return Examples.values(x, y);
        }
        return classes(x, labels, numericLabels);
    }

    /** Class ids in sorted label order (numeric order for numbers), so the same file always gives the same ids. */
    private static Examples classes(double[][] x, String[] labels, boolean numeric) {
        Comparator<String> order = numeric
                ? Comparator.<String>comparingDouble(Double::parseDouble).thenComparing(Comparator.naturalOrder())
                : Comparator.naturalOrder();
        Map<String, Integer> ids = new TreeMap<>(order);
        for (String l : labels) ids.put(l, 0);
        List<String> names = new ArrayList<>(ids.keySet());
        for (int k = 0; k < names.size(); k++) ids.put(names.get(k), k);
        int[] y = new int[labels.length];
        for (int i = 0; i < labels.length; i++) y[i] = ids.get(labels[i]);
        return Examples.classes(x, y, names);
    }

    /** A header name, else a 1-based column number. */
    private static int column(String ref, List<String> columns, boolean header, String name) throws DataException {
        String r = ref.strip();
        if (header) {
            int first = columns.indexOf(r);
            if (first >= 0) {
                if (columns.lastIndexOf(r) != first) {
                    throw new DataException(name + ": the header has two columns named \"" + r + "\"; choose by number instead");
                }
                return first;
            }
        }
        if (r.matches("\\d{1,9}")) {
            int k = Integer.parseInt(r);
            if (k >= 1 && k <= columns.size()) return k - 1;
            throw new DataException(name + ": there is no column " + k + "; the file has " + columns.size() + " columns");
        }
        throw new DataException(name + ": no column \"" + r + "\"; "
                + (header ? "the header has " + String.join(", ", columns) : "without a header, choose columns by number (1 to " + columns.size() + ")"));
    }

    private static double number(CsvRecords.Row row, int j, List<String> columns, String name) throws DataException {
        String v = row.cells().get(j);
        String where = name + ", line " + row.line() + ", " + describe(j, columns) + ": ";
        if (v.isEmpty()) throw new DataException(where + "the value is missing");
        if (!isNumber(v)) throw new DataException(where + "\"" + v + "\" is not a number");
        return Double.parseDouble(v);
    }

    private static boolean isNumber(String v) {
        return NUMBER.matcher(v).matches() && Double.isFinite(Double.parseDouble(v));
    }

    private static String describe(int j, List<String> columns) {
        return columns.get(j) == null ? "column " + (j + 1) : "column \"" + columns.get(j) + "\"";
    }
}
