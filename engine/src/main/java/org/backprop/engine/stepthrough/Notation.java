package org.backprop.engine.stepthrough;

/**
 * The textbook symbols of one transcript. Layers are numbered from 0 (the input) to L (the
 * output) and units from 1, as in class; the input is x, the output y, the target t. With more
 * than one example each per-example symbol carries the example as [n]. A layer of one unit
 * drops the unit subscript at the input and the output, so the 1-2-1 net reads y, t, dE/dy.
 */
final class Notation {
    private final int outputLayer;
    private final int inputUnits;
    private final int outputUnits;
    private final boolean batch;

    Notation(int outputLayer, int inputUnits, int outputUnits, int examples) {
        this.outputLayer = outputLayer;
        this.inputUnits = inputUnits;
        this.outputUnits = outputUnits;
        this.batch = examples > 1;
    }

    private String ex(int n) {
        return batch ? "[" + (n + 1) + "]" : "";
    }

    private static String sub(int unit) {
        return "_{" + (unit + 1) + "}";
    }

    /** The value of unit j of layer l (x at l = 0, y at the output). */
    String a(int l, int j, int n) {
        if (l == 0) return "x" + (batch ? "^{" + ex(n) + "}" : "") + (inputUnits == 1 ? "" : sub(j));
        if (l == outputLayer) return "y" + (batch ? "^{" + ex(n) + "}" : "") + (outputUnits == 1 ? "" : sub(j));
        return "a^{(" + l + ")" + ex(n) + "}" + sub(j);
    }

    String z(int l, int j, int n) {
        return "z^{(" + l + ")" + ex(n) + "}" + sub(j);
    }

    String t(int k, int n) {
        return "t" + (batch ? "^{" + ex(n) + "}" : "") + (outputUnits == 1 ? "" : sub(k));
    }

    String delta(int l, int j, int n) {
        return "\\delta^{(" + l + ")" + ex(n) + "}" + sub(j);
    }

    String w(int l, int i, int j) {
        return "w^{(" + l + ")}_{" + (i + 1) + "," + (j + 1) + "}";
    }

    String b(int l, int j) {
        return "b^{(" + l + ")}" + sub(j);
    }

    String parameter(int l, ParameterRef p) {
        return p.isWeight() ? w(l, p.row(), p.column()) : b(l, p.column());
    }

    /** The parameter after the update, marked + as in the textbooks: w^{(1)+}_{1,1}. */
    String updated(int l, ParameterRef p) {
        return parameter(l, p).replaceFirst("\\)}", ")+}");
    }

    /** The loss of example n; with one example it is the loss E itself. */
    String loss(int n) {
        return batch ? "L^{" + ex(n) + "}" : "E";
    }

    String total() {
        return "E";
    }

    static String d(String of, String by) {
        return "\\frac{\\partial " + of + "}{\\partial " + by + "}";
    }

    boolean isBatch() {
        return batch;
    }
}
