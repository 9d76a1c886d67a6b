package org.backprop.engine.data;

import org.backprop.engine.project.DataSpec;
import org.nd4j.linalg.api.buffer.DataType;

import java.nio.file.Path;

/**
 * Loads the data a project names; every source is local, nothing is downloaded. Each source
 * yields {@link Examples}; one path then splits, scales and encodes them for the network.
 */
public final class DataLoader {
    private DataLoader() {}

    /**
     * @param baseDir     the project file's folder: relative paths start there
     * @param outputUnits units of the output layer, which decide how targets are encoded
     * @param outputLoss  the output layer's loss ("mse", "l1", "mcxent", "xent"), or null when
     *                    unknown: with one output unit and mse or l1, a CSV label column of
     *                    numbers is a value to regress; otherwise labels are classes
     */
    public static PreparedData load(DataSpec spec, Path baseDir, DataType dataType, int outputUnits, String outputLoss)
            throws DataException {
        return load(spec, baseDir, dataType, outputUnits, outputLoss, false);
    }

    /**
     * @param lastStepOnly for sequences: keep only each sequence's last target (sequence to one,
     *                     the output layer's {@code steps: last})
     */
    public static PreparedData load(DataSpec spec, Path baseDir, DataType dataType, int outputUnits, String outputLoss,
                                    boolean lastStepOnly) throws DataException {
        if (spec.isSequence()) return loadSequences(spec, baseDir, dataType, outputUnits, lastStepOnly);
        String normalize = spec.normalize() != null ? spec.normalize() : defaultNormalization(spec.source());
        return switch (spec.source()) {
            case "xor-gate", "xor", "circle", "gaussians", "spiral", "plane" ->
                    split(spec, spec.source(), Synthetic2D.generate(spec), normalize, outputUnits, dataType);
            case "table" -> split(spec, "table", TableRows.examples(spec), normalize, outputUnits, dataType);
            case "iris" -> split(spec, "iris", Iris.load(), normalize, outputUnits, dataType);
            case "csv" -> {
                boolean regression = outputUnits == 1 && ("mse".equalsIgnoreCase(outputLoss) || "l1".equalsIgnoreCase(outputLoss));
                Examples all = CsvSource.read(spec, baseDir, regression);
                yield split(spec, Path.of(spec.path()).getFileName().toString(), all, normalize, outputUnits, dataType);
            }
            case "idx" -> {
                IdxSource.Parts p = IdxSource.read(spec, baseDir);
                yield p.test() == null
                        ? split(spec, p.name(), p.train(), normalize, outputUnits, dataType)
                        : prepare(p.name(), ClassFilter.apply(spec, p.train()), ClassFilter.apply(spec, p.test()),
                                normalize, outputUnits, dataType);
            }
            default -> throw new DataException("data source \"" + spec.source() + "\" is not available in this build");
        };
    }

    private static PreparedData loadSequences(DataSpec spec, Path baseDir, DataType dataType, int outputUnits,
                                              boolean lastStepOnly) throws DataException {
        if (spec.normalize() != null && !spec.normalize().equals("none")) {
            throw new DataException("normalize does not apply to the " + spec.source() + " source: its values are already in a small range");
        }
        if (spec.classes() != null) throw new DataException("classes does not apply to the " + spec.source() + " source");
        SequenceExamples all = switch (spec.source()) {
            case "text" -> TextSequences.read(spec, baseDir);
            case "table" -> TableRows.sequences(spec);
            default -> SequenceSets.generate(spec);
        };
        if (lastStepOnly) all = all.lastStepOnly();
        int n = all.size();
        double fraction = n <= 4 ? 0 : spec.testFractionOr(spec.source().equals("table") ? 0 : 0.2);
        SequenceExamples shuffled = fraction == 0 ? all : all.shuffled(spec.seed() == null ? 1 : spec.seed());
        int test = (int) Math.round(n * fraction);
        String name = spec.source().equals("text") ? Path.of(spec.path()).getFileName().toString() : spec.source();
        String what = name + " (" + (n - test) + " training sequences" + (test > 0 ? ", " + test + " test sequences" : "")
                + " of " + all.steps() + " steps" + (lastStepOnly ? ", target at the last step" : "") + ")";
        return SequenceEncoder.prepare(what, shuffled.slice(0, n - test), test == 0 ? null : shuffled.slice(n - test, n),
                outputUnits, dataType);
    }

    /** Iris's centimetres are standardized and IDX pixels scaled to [0, 1] unless the file says otherwise; the rest stays as it is. */
    static String defaultNormalization(String source) {
        return switch (source) {
            case "iris" -> "standardize";
            case "idx" -> "scale255";
            default -> "none";
        };
    }

    /**
     * Shuffles with the data seed and holds out {@code testFraction} of the rows (none for 4 rows or
     * fewer). Typed-in tables keep every row, in order, unless the file asks for a test part.
     */
    static PreparedData split(DataSpec spec, String name, Examples all, String normalize, int outputUnits, DataType dataType)
            throws DataException {
        all = ClassFilter.apply(spec, all);
        int n = all.size();
        if (n == 0) throw new DataException("the data set " + name + " has no rows");
        double fraction = n <= 4 ? 0 : spec.testFractionOr(spec.source().equals("table") ? 0 : 0.2);
        Examples shuffled = fraction == 0 ? all : all.shuffled(spec.seed() == null ? 1 : spec.seed());
        int test = (int) Math.round(n * fraction);
        return prepare(name, shuffled.slice(0, n - test), test == 0 ? null : shuffled.slice(n - test, n),
                normalize, outputUnits, dataType);
    }

    /** Scales features with statistics of the training part only, then encodes both parts. */
    static PreparedData prepare(String name, Examples train, Examples test, String normalize, int outputUnits, DataType dataType)
            throws DataException {
        FeatureScaling scaling = FeatureScaling.fit(normalize, train.features());
        Examples tr = train.withFeatures(scaling.apply(train.features()));
        Examples te = test == null ? null : test.withFeatures(scaling.apply(test.features()));
        String what = name + " (" + tr.size() + " training rows" + (te != null && te.size() > 0 ? ", " + te.size() + " test rows" : "")
                + (scaling.label().isEmpty() ? "" : ", " + scaling.label()) + ")";
        return Encoder.prepare(what, tr, te, outputUnits, dataType);
    }
}
