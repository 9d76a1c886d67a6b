package org.backprop.engine.project;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;

import java.util.Arrays;
import java.util.List;

/**
 * Where the data comes from and how it is split. Fields that a source does not use are
 * left out of the file. Paths are relative to the project file's folder.
 *
 * <ul>
 *   <li>generated 2-D sets: {@code xor-gate} (the four rows of the truth table), {@code xor},
 *       {@code circle}, {@code gaussians}, {@code spiral}, {@code plane} (regression):
 *       {@code samples}, {@code noise}, {@code seed};</li>
 *   <li>{@code iris}: the bundled 150 rows;</li>
 *   <li>{@code idx}: MNIST-format files, gzipped or not: {@code path} and {@code labels}, optionally
 *       {@code testPath} and {@code testLabels} (else {@code testFraction} splits), {@code limit}
 *       (the first N rows of each file); class names from {@code classes.txt} beside the images,
 *       else "0".."9";</li>
 *   <li>{@code csv}: {@code path}, {@code header} (default true), {@code features} and {@code label}
 *       (header names, or 1-based column numbers; default: the last column is the label, every
 *       other one a feature). A numeric label is a regression target when the output layer has
 *       one unit and loss mse or l1; otherwise labels are classes, named in sorted order.</li>
 *   <li>{@code table}: rows typed into the project, {@code inputs} (one row of feature values per
 *       example) and {@code targets} (one row of target values per example, as the output layer
 *       takes them: one-hot rows for a softmax); a worked example reproduced number for number.
 *       Nothing is held out unless {@code testFraction} says so. With {@code length} T it is a table
 *       of sequences for a recurrent network: each row holds T time steps one after the other (the
 *       features of step 1, then of step 2, ...), each target row the targets of the T steps.</li>
 * </ul>
 * Sequence sets, for recurrent networks: features per time step, targets per time step (steps
 * without a target are masked out of the loss). All are generated from {@code seed}; {@code samples}
 * is the number of sequences.
 * <ul>
 *   <li>{@code sine}, {@code sawtooth}, {@code square}: next-step prediction of a wave with random
 *       phase, {@code period} steps per cycle (default 16) and Gaussian {@code noise} (its standard
 *       deviation) on every value; input one value per step, target the next value; {@code length}
 *       steps per sequence (default 32);</li>
 *   <li>{@code adding}: the adding problem (Hochreiter and Schmidhuber 1997): two inputs per step,
 *       a random number in [0, 1] and a marker; exactly two numbers are marked, the first one at least
 *       {@code lag} steps before the end (default half the {@code length}, default 20); the target,
 *       at the last step only, is their sum;</li>
 *   <li>{@code copy}: copy memory: {@code length} symbols (default 3) out of {@code symbols} (default 4),
 *       then {@code lag} blank steps (default 10) ending in a go marker, after which the network must
 *       output the symbols in order; inputs one-hot over the symbols plus blank and go, targets one-hot
 *       over the symbols at the last {@code length} steps only;</li>
 *   <li>{@code text}: next-character prediction on the text file {@code path}: {@code samples}
 *       windows of {@code length} characters (default 40) at random offsets; inputs and targets one-hot
 *       over the file's characters, in sorted order (the class names).</li>
 * </ul>
 *
 * @param classes   only the examples of these classes (0-based labels; for idx, line numbers in
 *                  {@code classes.txt}), relabelled 0, 1, ... in the order given, e.g. {@code [5, 6,
 *                  7, 8, 9]} makes class 5 the first output unit; null for every class. Applies
 *                  after {@code limit}
 * @param normalize {@code none}, {@code standardize} (zero mean, unit variance), {@code minmax}
 *                  (to [0, 1]) or {@code scale255} (pixels to [0, 1]), with statistics of the
 *                  training part only. Default: {@code standardize} for iris, {@code scale255}
 *                  for idx, {@code none} otherwise
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"source", "samples", "length", "lag", "period", "symbols", "noise", "seed", "path", "labels", "testPath",
        "testLabels", "header", "features", "label", "normalize", "limit", "classes", "testFraction", "inputs", "targets"})
public record DataSpec(
        String source,
        Integer samples,
        Double noise,
        Long seed,
        String path,
        String labels,
        String testPath,
        String testLabels,
        Boolean header,
        List<String> features,
        String label,
        String normalize,
        Integer limit,
        Double testFraction,
        List<Integer> classes,
        @JsonSerialize(using = RowsJson.class) List<List<Double>> inputs,
        @JsonSerialize(using = RowsJson.class) List<List<Double>> targets,
        Integer length,
        Integer lag,
        Double period,
        Integer symbols) {

    public static final List<String> SOURCES = List.of("xor-gate", "xor", "circle", "gaussians", "spiral", "plane",
            "iris", "idx", "csv", "table", "sine", "sawtooth", "square", "adding", "copy", "text");
    /** Sources of sequences: their networks are recurrent, their data [examples, features, time steps]. */
    public static final List<String> SEQUENCE_SOURCES = List.of("sine", "sawtooth", "square", "adding", "copy", "text");
    public static final List<String> NORMALIZATIONS = List.of("none", "standardize", "minmax", "scale255");

    public DataSpec {
        TrainingSettings.require(source != null && SOURCES.contains(source),
                "data source must be one of " + String.join(", ", SOURCES) + ", got " + (source == null ? "nothing" : "\"" + source + "\""));
        TrainingSettings.require(samples == null || samples > 0, "samples must be above 0");
        TrainingSettings.require(noise == null || noise >= 0, "noise must not be negative");
        TrainingSettings.require(testFraction == null || (testFraction >= 0 && testFraction < 1),
                "testFraction must be at least 0 and below 1, got " + testFraction);
        TrainingSettings.require(normalize == null || NORMALIZATIONS.contains(normalize),
                "normalize must be one of " + String.join(", ", NORMALIZATIONS) + ", got \"" + normalize + "\"");
        TrainingSettings.require(limit == null || limit > 0, "limit must be above 0");
        TrainingSettings.require(length == null || length > 1, "length (time steps) must be at least 2");
        TrainingSettings.require(lag == null || lag > 0, "lag must be at least 1");
        TrainingSettings.require(period == null || period >= 2, "period must be at least 2 time steps");
        TrainingSettings.require(symbols == null || symbols > 1, "symbols must be at least 2");
        features = features == null ? null : List.copyOf(features);
        TrainingSettings.require(classes == null || (!classes.isEmpty() && classes.stream().allMatch(c -> c != null && c >= 0)
                        && classes.stream().distinct().count() == classes.size()),
                "classes must list class numbers (0-based), each once, got " + classes);
        classes = classes == null ? null : List.copyOf(classes);
        inputs = rows(inputs, "inputs");
        targets = rows(targets, "targets");
        if (source.equals("table")) {
            TrainingSettings.require(inputs != null && targets != null && !inputs.isEmpty(),
                    "a table needs \"inputs\" and \"targets\": one row of numbers per example in each");
            TrainingSettings.require(inputs.size() == targets.size(),
                    "a table needs as many target rows as input rows, got " + inputs.size() + " input rows and "
                            + targets.size() + " target rows");
            if (length != null) {
                TrainingSettings.require(inputs.get(0).size() % length == 0 && targets.get(0).size() % length == 0,
                        "a table of sequences of length " + length + " needs rows of whole time steps: its input rows have "
                                + inputs.get(0).size() + " values and its target rows " + targets.get(0).size()
                                + ", not multiples of " + length);
            }
        } else {
            TrainingSettings.require(inputs == null && targets == null,
                    "\"inputs\" and \"targets\" belong to the source \"table\", not \"" + source + "\"");
        }
    }

    /** Immutable rows of one width, every value a finite number. */
    private static List<List<Double>> rows(List<List<Double>> rows, String name) {
        if (rows == null) return null;
        for (int r = 0; r < rows.size(); r++) {
            List<Double> row = rows.get(r);
            TrainingSettings.require(row != null && !row.isEmpty(), name + " row " + (r + 1) + " is empty");
            TrainingSettings.require(row.size() == rows.get(0).size(), name + " row " + (r + 1) + " has "
                    + row.size() + " values, row 1 has " + rows.get(0).size());
            for (Double v : row) {
                TrainingSettings.require(v != null && Double.isFinite(v), name + " row " + (r + 1) + " holds " + v + "; only numbers are allowed");
            }
        }
        return rows.stream().map(List::copyOf).toList();
    }

    /** Only the examples of the given classes, relabelled in that order; null for all. */
    public DataSpec withClasses(List<Integer> keep) {
        return new DataSpec(source, samples, noise, seed, path, labels, testPath, testLabels, header, features, label,
                normalize, limit, testFraction, keep, inputs, targets, length, lag, period, symbols);
    }

    /** The same data with its relative file paths rewritten, e.g. for a project saved in another folder. */
    public DataSpec withPaths(java.util.function.UnaryOperator<String> rewrite) {
        java.util.function.UnaryOperator<String> r = p -> p == null ? null : rewrite.apply(p);
        return new DataSpec(source, samples, noise, seed, r.apply(path), r.apply(labels), r.apply(testPath),
                r.apply(testLabels), header, features, label, normalize, limit, testFraction, classes, inputs, targets,
                length, lag, period, symbols);
    }

    /** A generated 2-D set. */
    public static DataSpec generated(String source, int samples, double noise, long seed, double testFraction) {
        return builder(source).samples(samples).noise(noise).seed(seed).testFraction(testFraction).build();
    }

    /** A generated sequence set (see the class comment for what {@code lag}, {@code period}, {@code symbols} mean). */
    public static DataSpec sequences(String source, int samples, int length, Integer lag, Double period, Integer symbols,
                                     double noise, long seed, double testFraction) {
        return builder(source).samples(samples).length(length).lag(lag).period(period).symbols(symbols).noise(noise).seed(seed)
                .testFraction(testFraction).build();
    }

    @JsonIgnore
    public boolean isSequence() {
        return SEQUENCE_SOURCES.contains(source) || (source.equals("table") && length != null);
    }

    /** Rows typed in: {@code inputs[n]} are the features and {@code targets[n]} the targets of example n. */
    public static DataSpec table(double[][] inputs, double[][] targets) {
        return builder("table").inputs(asRows(inputs)).targets(asRows(targets)).build();
    }

    /** Names the fields a source uses, so that adding a field does not touch every caller. */
    public static Builder builder(String source) {
        return new Builder(source);
    }

    /** A builder holding every field of this spec, to change one or two. */
    public Builder toBuilder() {
        return builder(source).samples(samples).noise(noise).seed(seed).path(path).labels(labels).testPath(testPath)
                .testLabels(testLabels).header(header).features(features).label(label).normalize(normalize).limit(limit)
                .testFraction(testFraction).classes(classes).inputs(inputs).targets(targets).length(length).lag(lag)
                .period(period).symbols(symbols);
    }

    public static final class Builder {
        private final String source;
        private Integer samples;
        private Double noise;
        private Long seed;
        private String path;
        private String labels;
        private String testPath;
        private String testLabels;
        private Boolean header;
        private List<String> features;
        private String label;
        private String normalize;
        private Integer limit;
        private Double testFraction;
        private List<Integer> classes;
        private List<List<Double>> inputs;
        private List<List<Double>> targets;
        private Integer length;
        private Integer lag;
        private Double period;
        private Integer symbols;

        private Builder(String source) { this.source = source; }

        public Builder samples(Integer v) { samples = v; return this; }
        public Builder noise(Double v) { noise = v; return this; }
        public Builder seed(Long v) { seed = v; return this; }
        public Builder path(String v) { path = v; return this; }
        public Builder labels(String v) { labels = v; return this; }
        public Builder testPath(String v) { testPath = v; return this; }
        public Builder testLabels(String v) { testLabels = v; return this; }
        public Builder header(Boolean v) { header = v; return this; }
        public Builder features(List<String> v) { features = v; return this; }
        public Builder label(String v) { label = v; return this; }
        public Builder normalize(String v) { normalize = v; return this; }
        public Builder limit(Integer v) { limit = v; return this; }
        public Builder testFraction(Double v) { testFraction = v; return this; }
        public Builder classes(List<Integer> v) { classes = v; return this; }
        public Builder inputs(List<List<Double>> v) { inputs = v; return this; }
        public Builder targets(List<List<Double>> v) { targets = v; return this; }
        public Builder length(Integer v) { length = v; return this; }
        public Builder lag(Integer v) { lag = v; return this; }
        public Builder period(Double v) { period = v; return this; }
        public Builder symbols(Integer v) { symbols = v; return this; }

        public DataSpec build() {
            return new DataSpec(source, samples, noise, seed, path, labels, testPath, testLabels, header, features,
                    label, normalize, limit, testFraction, classes, inputs, targets, length, lag, period, symbols);
        }
    }

    private static List<List<Double>> asRows(double[][] rows) {
        return Arrays.stream(rows).map(r -> Arrays.stream(r).boxed().toList()).toList();
    }

    public double testFractionOr(double d) {
        return testFraction == null ? d : testFraction;
    }
}
