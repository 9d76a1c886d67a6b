package org.backprop.engine.stepthrough;

import java.util.Locale;

/**
 * The activations the step-through explains, each with its derivative written as DL4J computes
 * it, including DL4J's choice at the kink: ReLU'(0) = 0, LeakyReLU'(0) = ELU'(0) = 1.
 * Softmax mixes the units of its layer, so it has no per-unit slope; see {@link Pass}.
 */
enum ActivationFunction {
    IDENTITY("\\mathrm{id}"),
    SIGMOID("\\sigma"),
    TANH("\\tanh"),
    RELU("\\mathrm{ReLU}"),
    LEAKYRELU("\\mathrm{LeakyReLU}"),
    ELU("\\mathrm{ELU}"),
    SOFTPLUS("\\mathrm{softplus}"),
    SOFTMAX("\\mathrm{softmax}");

    /** DL4J's default slope of LeakyReLU below 0 and scale of ELU below 0. */
    static final double LEAKY_ALPHA = 0.01;
    /**
     * DL4J's LeakyReLU derivative hands its alpha to native code as a float (measured: forward
     * uses 0.01, backward 0.0099999998; taking 0.01 for both misses DL4J by 2e-8 relative).
     */
    static final double LEAKY_ALPHA_BACKWARD = (double) 0.01f;
    static final double ELU_ALPHA = 1.0;

    private final String tex;

    ActivationFunction(String tex) {
        this.tex = tex;
    }

    static ActivationFunction of(String projectName) {
        return valueOf(projectName.toUpperCase(Locale.ROOT));
    }

    String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    String tex() {
        return tex;
    }

    boolean isElementWise() {
        return this != SOFTMAX;
    }

    double value(double z) {
        return switch (this) {
            case IDENTITY -> z;
            case SIGMOID -> 1 / (1 + Math.exp(-z));
            case TANH -> Math.tanh(z);
            case RELU -> Math.max(0, z);
            case LEAKYRELU -> z >= 0 ? z : LEAKY_ALPHA * z;
            case ELU -> z >= 0 ? z : ELU_ALPHA * (Math.exp(z) - 1);
            case SOFTPLUS -> Math.log1p(Math.exp(z));
            case SOFTMAX -> throw new IllegalStateException("softmax is computed over the whole layer");
        };
    }

    /** f'(z), given also a = f(z). */
    double slope(double z, double a) {
        return switch (this) {
            case IDENTITY -> 1;
            case SIGMOID -> a * (1 - a);
            case TANH -> 1 - a * a;
            case RELU -> z > 0 ? 1 : 0;
            case LEAKYRELU -> z >= 0 ? 1 : LEAKY_ALPHA_BACKWARD;
            case ELU -> z >= 0 ? 1 : ELU_ALPHA * Math.exp(z);
            case SOFTPLUS -> 1 / (1 + Math.exp(-z));
            case SOFTMAX -> throw new IllegalStateException("softmax has no per-unit slope");
        };
    }

    /** a = f(z) in symbols, z given as LaTeX. */
    String formula(String z) {
        return switch (this) {
            case IDENTITY -> z;
            case SIGMOID -> Tex.frac("1", "1 + e^{-" + z + "}");
            case TANH -> "\\tanh(" + z + ")";
            case RELU -> "\\max(0, " + z + ")";
            case LEAKYRELU -> "\\max(" + Tex.num(LEAKY_ALPHA) + " \\, " + z + ", " + z + ")";
            case ELU -> "\\mathrm{ELU}(" + z + ")";
            case SOFTPLUS -> "\\ln\\left(1 + e^{" + z + "}\\right)";
            case SOFTMAX -> throw new IllegalStateException("softmax is written over the whole layer");
        };
    }

    /** a = f(z) with the number in. */
    String numbers(double z) {
        String n = Tex.num(z);
        return switch (this) {
            case IDENTITY -> n;
            case SIGMOID -> Tex.frac("1", "1 + e^{" + Tex.num(-z) + "}");
            case TANH, RELU, SOFTPLUS -> formula(n);
            case LEAKYRELU -> "\\max(" + Tex.times(Tex.num(LEAKY_ALPHA), Tex.factor(z)) + ", " + n + ")";
            case ELU -> z >= 0 ? n : Tex.times(Tex.num(ELU_ALPHA), "(e^{" + n + "} - 1)");
            case SOFTMAX -> throw new IllegalStateException("softmax is written over the whole layer");
        };
    }

    /** f'(z) as a rule in symbols. */
    String slopeFormula(String z, String a) {
        return switch (this) {
            case IDENTITY -> "1";
            case SIGMOID -> a + " (1 - " + a + ")";
            case TANH -> "1 - " + Tex.paren(a) + "^2"; // a already carries indices: a^2 would be a double superscript
            case RELU -> "1 \\text{ if } " + z + " > 0 \\text{, else } 0";
            case LEAKYRELU -> "1 \\text{ if } " + z + " \\ge 0 \\text{, else } " + Tex.num(LEAKY_ALPHA);
            case ELU -> "1 \\text{ if } " + z + " \\ge 0 \\text{, else } e^{" + z + "}";
            case SOFTPLUS -> Tex.frac("1", "1 + e^{-" + z + "}");
            case SOFTMAX -> throw new IllegalStateException("softmax has no per-unit slope");
        };
    }

    /** f'(z) with the numbers in. */
    String slopeNumbers(double z, double a) {
        return switch (this) {
            case IDENTITY -> "1";
            case SIGMOID -> Tex.num(a) + " \\cdot (1 - " + Tex.num(a) + ")";
            case TANH -> "1 - " + Tex.squared(a);
            case RELU, LEAKYRELU -> tex + "'(" + Tex.num(z) + ")";
            case ELU -> z >= 0 ? tex + "'(" + Tex.num(z) + ")" : "e^{" + Tex.num(z) + "}";
            case SOFTPLUS -> Tex.frac("1", "1 + e^{" + Tex.num(-z) + "}");
            case SOFTMAX -> throw new IllegalStateException("softmax has no per-unit slope");
        };
    }
}
