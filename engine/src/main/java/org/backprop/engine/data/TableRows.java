package org.backprop.engine.data;

import org.backprop.engine.project.DataSpec;

import java.util.List;

/** The rows a project types in (source {@code table}): targets are used as given, like regression values. */
final class TableRows {
    private TableRows() {}

    static Examples examples(DataSpec spec) {
        return Examples.values(matrix(spec.inputs()), matrix(spec.targets()));
    }

    private static double[][] matrix(List<List<Double>> rows) {
        return rows.stream().map(r -> r.stream().mapToDouble(Double::doubleValue).toArray()).toArray(double[][]::new);
    }
}
