package org.backprop.app.stepthrough;

import org.backprop.engine.stepthrough.Step;
import org.backprop.engine.stepthrough.Tex;

/**
 * A step's whole line ({@link Step#latex()}) split in two for the board: the rule in symbols
 * above, the same rule with the numbers in and its result beneath.
 */
final class StepLines {
    private StepLines() {}

    /** {@code symbol = formula}. */
    static String formula(Step s) {
        return s.symbol() + " = " + s.formula();
    }

    /** {@code = numbers = result}, leaving out what repeats the line above; "" when nothing is left. */
    static String numbers(Step s) {
        String value = Tex.num(s.result());
        StringBuilder b = new StringBuilder();
        if (!s.numbers().equals(s.formula())) b.append("= ").append(s.numbers());
        if (!s.numbers().equals(value)) b.append(b.isEmpty() ? "= " : " = ").append(value);
        return b.toString();
    }
}
