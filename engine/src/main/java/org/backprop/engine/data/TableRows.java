package org.backprop.engine.data;

import org.backprop.engine.project.DataSpec;

import java.util.List;

/** The rows a project types in (source {@code table}): targets are used as given, like regression values. */
final class TableRows {
    private TableRows() {}

    static Examples examples(DataSpec spec) {
        return Examples.values(matrix(spec.inputs()), matrix(spec.targets()));
    }

    /** A table with {@code length} T: each row is one sequence, its T steps one after the other. */
    static SequenceExamples sequences(DataSpec spec) {
        int steps = spec.length();
        double[][][] x = split(matrix(spec.inputs()), steps);
        double[][][] y = split(matrix(spec.targets()), steps);
        return new SequenceExamples(x, y, SequenceSets.everyStep(x.length, steps), List.of());
    }

    private static double[][][] split(double[][] rows, int steps) {
        int width = rows[0].length / steps;
        double[][][] out = new double[rows.length][steps][width];
        for (int n = 0; n < rows.length; n++) {
            for (int t = 0; t < steps; t++) System.arraycopy(rows[n], t * width, out[n][t], 0, width);
        }
        return out;
    }

    private static double[][] matrix(List<List<Double>> rows) {
        return rows.stream().map(r -> r.stream().mapToDouble(Double::doubleValue).toArray()).toArray(double[][]::new);
    }
}
