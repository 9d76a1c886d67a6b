package org.backprop.engine.project;

import java.math.BigDecimal;

/** The shortest plain text of a double, so that files read as people write them ("0.001", "2"). */
public final class NumberText {
    private NumberText() {}

    public static String format(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) return Double.toString(v);
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return Long.toString((long) v);
        double a = Math.abs(v);
        if (a >= 1e-7 && a < 1e15) {
            return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
        }
        return Double.toString(v);
    }
}
