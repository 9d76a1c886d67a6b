package org.backprop.visual.dashboard;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * A rows x columns table of log10 values for {@link GridHeatmap}: layers x sampled iterations
 * (gradient norm, update:parameter ratio), or recurrent layers x time steps.
 *
 * @param rows    row labels, top to bottom (layers in forward order)
 * @param columns the key of each column, ascending (an iteration, or a time step)
 * @param values  {@code values[row][column]}: a log10, NaN where there is no sample, +Infinity
 *                for a non-finite value, -Infinity for an exact zero
 * @param frozen  the rows of frozen layers: training never updates them, their zeros are by design
 */
public record HeatmapGrid(List<String> rows, long[] columns, double[][] values, Set<String> frozen) {

    public static final HeatmapGrid EMPTY = new HeatmapGrid(List.of(), new long[0], new double[0][]);

    public HeatmapGrid(List<String> rows, long[] columns, double[][] values) {
        this(rows, columns, values, Set.of());
    }

    public HeatmapGrid {
        rows = List.copyOf(rows);
        frozen = Set.copyOf(frozen);
        if (values.length != rows.size()) throw new IllegalArgumentException(values.length + " value rows for " + rows.size() + " labels");
        for (double[] r : values) {
            if (r.length != columns.length) throw new IllegalArgumentException("a row of " + r.length + " values for " + columns.length + " columns");
        }
    }

    public int rowCount() { return rows.size(); }

    public int columnCount() { return columns.length; }

    public double value(int row, int column) { return values[row][column]; }

    public boolean frozen(int row) { return frozen.contains(rows.get(row)); }

    /** Smallest and largest finite value, or {NaN, NaN} when there is none. */
    public double[] finiteRange() {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double[] r : values) {
            for (double v : r) {
                if (!Double.isFinite(v)) continue;
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        return lo > hi ? new double[]{Double.NaN, Double.NaN} : new double[]{lo, hi};
    }

    /** The column whose key is nearest to {@code key}, or -1 when empty. */
    public int columnNear(long key) {
        if (columns.length == 0) return -1;
        int i = Arrays.binarySearch(columns, key);
        if (i >= 0) return i;
        int ins = -i - 1;
        if (ins == 0) return 0;
        if (ins == columns.length) return columns.length - 1;
        return key - columns[ins - 1] <= columns[ins] - key ? ins - 1 : ins;
    }
}
