package org.backprop.engine.stepthrough;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;

/** Numbers and small pieces of LaTeX as the step formulas write them. */
public final class Tex {
    private static final MathContext SIX = new MathContext(6);

    private Tex() {}

    /** Up to 6 significant digits, as people read them: 26, 0.593270, 1.5 \times 10^{-7}. */
    public static String num(double v) {
        if (!Double.isFinite(v)) return Double.isNaN(v) ? "\\text{NaN}" : (v > 0 ? "\\infty" : "-\\infty");
        String[] me = mantissaExponent(v);
        return me[1] == null ? me[0] : me[0] + " \\times 10^{" + me[1] + "}";
    }

    /** The same rounding in plain text: 26, 0.59327, 1.5e-7. */
    public static String plain(double v) {
        if (!Double.isFinite(v)) return Double.toString(v);
        String[] me = mantissaExponent(v);
        return me[1] == null ? me[0] : me[0] + "e" + me[1];
    }

    private static String[] mantissaExponent(double v) {
        if (v == 0) return new String[]{"0", null};
        BigDecimal r = new BigDecimal(v).round(SIX).stripTrailingZeros();
        double a = Math.abs(v);
        if (a >= 1e-4 && a < 1e6) return new String[]{r.toPlainString(), null};
        int exponent = r.precision() - r.scale() - 1;
        return new String[]{r.movePointLeft(exponent).toPlainString(), String.valueOf(exponent)};
    }

    /** A number as a factor or term: negative numbers in parentheses, so "2 \cdot (-4)" reads right. */
    public static String factor(double v) {
        return v < 0 ? "(" + num(v) + ")" : num(v);
    }

    /** v^2, in parentheses where v is negative or already carries an exponent (10^{-8}). */
    public static String squared(double v) {
        String n = num(v);
        return v < 0 || n.contains("^") ? "(" + n + ")^2" : n + "^2";
    }

    public static String times(String a, String b) {
        return a + " \\cdot " + b;
    }

    public static String sum(List<String> terms) {
        return String.join(" + ", terms);
    }

    public static String paren(String s) {
        return "\\left(" + s + "\\right)";
    }

    public static String frac(String a, String b) {
        return "\\frac{" + a + "}{" + b + "}";
    }
}
