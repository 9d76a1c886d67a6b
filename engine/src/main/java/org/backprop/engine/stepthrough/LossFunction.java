package org.backprop.engine.stepthrough;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;

/**
 * The losses of one example, with DL4J's conventions (measured, see FIELD-NOTES): MSE is the
 * mean over the K output units of (y - t)^2; cross-entropy, binary cross-entropy and L1 are sums
 * over the units. Like DL4J, binary cross-entropy clips y into [1e-5, 1 - 1e-5] and multi-class
 * cross-entropy into [1e-10, 1 - 1e-10] before taking logarithms.
 */
enum LossFunction {
    MSE("mean squared error"),
    MCXENT("cross-entropy"),
    XENT("binary cross-entropy"),
    L1("L1 (absolute error)");

    private static final double XENT_CLIP = 1e-5;
    private static final double MCXENT_CLIP = 1e-10;

    private final String title;

    LossFunction(String title) {
        this.title = title;
    }

    static LossFunction of(String projectName) {
        return valueOf(projectName.toUpperCase(Locale.ROOT));
    }

    String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    String title() {
        return title;
    }

    double value(double[] y, double[] t) {
        double s = 0;
        for (int k = 0; k < y.length; k++) {
            s += switch (this) {
                case MSE -> (y[k] - t[k]) * (y[k] - t[k]);
                case MCXENT -> -t[k] * Math.log(clip(y[k], MCXENT_CLIP));
                case XENT -> -(t[k] * Math.log(clip(y[k], XENT_CLIP)) + (1 - t[k]) * Math.log(1 - clip(y[k], XENT_CLIP)));
                case L1 -> Math.abs(y[k] - t[k]);
            };
        }
        return this == MSE ? s / y.length : s;
    }

    /** dL/dy_k. Softmax with cross-entropy goes straight to dL/dz (see {@link Pass}). */
    double derivative(double y, double t, int units) {
        return switch (this) {
            case MSE -> 2 * (y - t) / units;
            case MCXENT -> -t / clip(y, MCXENT_CLIP);
            case XENT -> (clip(y, XENT_CLIP) - t) / (clip(y, XENT_CLIP) * (1 - clip(y, XENT_CLIP)));
            case L1 -> Math.signum(y - t);
        };
    }

    private static double clip(double y, double eps) {
        return Math.min(1 - eps, Math.max(eps, y));
    }

    /** L in symbols, over units 0..K-1 named by {@code y} and {@code t}. */
    String formula(int units, IntFunction<String> y, IntFunction<String> t) {
        List<String> terms = new ArrayList<>();
        for (int k = 0; k < units; k++) terms.add(term(y.apply(k), t.apply(k)));
        return wrap(terms, units);
    }

    /** L with the numbers in. */
    String numbers(double[] y, double[] t) {
        List<String> terms = new ArrayList<>();
        for (int k = 0; k < y.length; k++) terms.add(term(Tex.num(y[k]), Tex.factor(t[k])));
        return wrap(terms, y.length);
    }

    private String term(String y, String t) {
        return switch (this) {
            case MSE -> "(" + y + " - " + t + ")^2";
            case MCXENT -> t + " \\ln " + y;
            case XENT -> t + " \\ln " + y + " + (1 - " + t + ") \\ln(1 - " + y + ")";
            case L1 -> "\\left|" + y + " - " + t + "\\right|";
        };
    }

    private String wrap(List<String> terms, int units) {
        String sum = Tex.sum(terms);
        return switch (this) {
            case MSE -> units == 1 ? sum : Tex.frac("1", String.valueOf(units)) + Tex.paren(sum);
            case MCXENT -> "-" + Tex.paren(sum);
            case XENT -> "-" + (units == 1 ? Tex.paren(sum) : Tex.paren(String.join(" + ", terms.stream().map(s -> "[" + s + "]").toList())));
            case L1 -> sum;
        };
    }

    /** dL/dy_k in symbols. */
    String derivativeFormula(String y, String t, int units) {
        return derivative(y, t, units, " ");
    }

    String derivativeNumbers(double y, double t, int units) {
        return derivative(Tex.num(y), Tex.factor(t), units, " \\cdot ");
    }

    private String derivative(String y, String t, int units, String times) {
        return switch (this) {
            case MSE -> (units == 1 ? "2" : Tex.frac("2", String.valueOf(units))) + " \\cdot (" + y + " - " + t + ")";
            case MCXENT -> "-" + Tex.frac(t, y);
            case XENT -> Tex.frac(y + " - " + t, y + times + "(1 - " + y + ")");
            case L1 -> "\\operatorname{sign}(" + y + " - " + t + ")";
        };
    }

    /** How DL4J scales this loss, in words, for the transcript's notes. */
    String convention(int units) {
        return switch (this) {
            case MSE -> "DL4J's MSE is the mean over the " + units + " output unit" + (units == 1 ? "" : "s")
                    + " of (y - t)^2, i.e. (2/" + units + ") x the textbook 1/2 sum (t - y)^2"
                    + (units == 2 ? ": for 2 outputs the two are the same number" : units == 1 ? ": twice the textbook value for one output" : "");
            case MCXENT -> "DL4J's cross-entropy is -sum_k t_k ln y_k over the output units; with softmax, dL/dz_k = y_k - t_k";
            case XENT -> "DL4J's binary cross-entropy is summed over the " + units + " output unit" + (units == 1 ? "" : "s") + ", not averaged";
            case L1 -> "DL4J's L1 loss is sum_k |y_k - t_k| over the output units";
        };
    }
}
