package org.backprop.engine.project;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

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
@JsonPropertyOrder({"source", "samples", "noise", "seed", "path", "labels", "testPath", "testLabels",
        "header", "features", "label", "normalize", "limit", "classes", "testFraction"})
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
        List<Integer> classes) {

    public static final List<String> SOURCES =
            List.of("xor-gate", "xor", "circle", "gaussians", "spiral", "plane", "iris", "idx", "csv");
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
        features = features == null ? null : List.copyOf(features);
        TrainingSettings.require(classes == null || (!classes.isEmpty() && classes.stream().allMatch(c -> c != null && c >= 0)
                        && classes.stream().distinct().count() == classes.size()),
                "classes must list class numbers (0-based), each once, got " + classes);
        classes = classes == null ? null : List.copyOf(classes);
    }

    public DataSpec(String source, Integer samples, Double noise, Long seed, String path, String labels, String testPath,
                    String testLabels, Boolean header, List<String> features, String label, String normalize,
                    Integer limit, Double testFraction) {
        this(source, samples, noise, seed, path, labels, testPath, testLabels, header, features, label, normalize, limit,
                testFraction, null);
    }

    /** Only the examples of the given classes, relabelled in that order; null for all. */
    public DataSpec withClasses(List<Integer> keep) {
        return new DataSpec(source, samples, noise, seed, path, labels, testPath, testLabels, header, features, label,
                normalize, limit, testFraction, keep);
    }

    /** The same data with its relative file paths rewritten, e.g. for a project saved in another folder. */
    public DataSpec withPaths(java.util.function.UnaryOperator<String> rewrite) {
        java.util.function.UnaryOperator<String> r = p -> p == null ? null : rewrite.apply(p);
        return new DataSpec(source, samples, noise, seed, r.apply(path), r.apply(labels), r.apply(testPath),
                r.apply(testLabels), header, features, label, normalize, limit, testFraction, classes);
    }

    /** A generated 2-D set. */
    public static DataSpec generated(String source, int samples, double noise, long seed, double testFraction) {
        return new DataSpec(source, samples, noise, seed, null, null, null, null, null, null, null, null, null, testFraction);
    }

    public double testFractionOr(double d) {
        return testFraction == null ? d : testFraction;
    }
}
