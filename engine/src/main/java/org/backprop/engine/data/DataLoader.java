package org.backprop.engine.data;

import org.backprop.engine.project.DataSpec;
import org.nd4j.linalg.api.buffer.DataType;

import java.nio.file.Path;

/** Loads the data a project names; every source is local, nothing is downloaded. */
public final class DataLoader {
    private DataLoader() {}

    /**
     * @param baseDir     the project file's folder: relative paths start there
     * @param outputUnits units of the output layer, which decide how targets are encoded
     */
    public static PreparedData load(DataSpec spec, Path baseDir, DataType dataType, int outputUnits)
            throws DataException {
        Examples all = switch (spec.source()) {
            case "xor-gate", "xor", "circle", "gaussians", "spiral", "plane" -> Synthetic2D.generate(spec);
            case "table" -> TableRows.examples(spec);
            default -> throw new DataException("data source \"" + spec.source() + "\" is not available in this build");
        };
        return split(spec, all, outputUnits, dataType);
    }

    /**
     * Shuffles with the data seed and holds out {@code testFraction} of the rows (none for 4 rows or
     * fewer). Typed-in tables keep every row, in order, unless the file asks for a test part.
     */
    static PreparedData split(DataSpec spec, Examples all, int outputUnits, DataType dataType) throws DataException {
        int n = all.size();
        if (n == 0) throw new DataException("the data set " + spec.source() + " has no rows");
        double fraction = n <= 4 ? 0 : spec.testFractionOr(spec.source().equals("table") ? 0 : 0.2);
        Examples shuffled = fraction == 0 ? all : all.shuffled(spec.seed() == null ? 1 : spec.seed());
        int test = (int) Math.round(n * fraction);
        String what = spec.source() + " (" + (n - test) + " training rows" + (test > 0 ? ", " + test + " test rows" : "") + ")";
        return Encoder.prepare(what, shuffled.slice(0, n - test), test == 0 ? null : shuffled.slice(n - test, n),
                outputUnits, dataType);
    }
}
