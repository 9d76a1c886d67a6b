package org.backprop.visual.dashboard;

import java.util.Locale;

/** Short, readable numbers for read-outs and legends. */
final class Numbers {
    private Numbers() {}

    /** 4 significant digits; scientific notation outside 1e-3..1e5 ("0.2346", "1.2e-05"). */
    static String compact(double v) {
        if (Double.isNaN(v)) return "NaN";
        if (Double.isInfinite(v)) return v > 0 ? "+\u221e" : "\u2212\u221e";
        double a = Math.abs(v);
        if (a == 0) return "0";
        if (a >= 1e-3 && a < 1e5) {
            String s = String.format(Locale.ROOT, "%.4g", v);
            if (s.contains("e")) return s;
            if (s.contains(".")) s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
            return s;
        }
        return String.format(Locale.ROOT, "%.2e", v).replace("e+0", "e").replace("e-0", "e-").replace("e+", "e");
    }

    /** 10 to the power {@code e} as a short label: "1", "10", "1e-3". */
    static String decade(double e) {
        long k = Math.round(e);
        if (k == 0) return "1";
        if (k == 1) return "10";
        return "1e" + k;
    }
}
