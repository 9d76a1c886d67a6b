package org.backprop.engine.stepthrough;

import java.util.List;

/**
 * One step of an iteration, as a view shows it: {@code symbol = formula = numbers = result}.
 *
 * @param index     position in the transcript, from 0
 * @param example   0-based example of the batch the step belongs to, or -1 for a step about the batch
 * @param time      0-based time step of an unrolled recurrent network the step belongs to, or -1
 * @param title     a short plain-text caption ("hidden unit 1: pre-activation")
 * @param symbol    LaTeX of what is computed, e.g. {@code z^{(1)}_{1}}
 * @param formula   LaTeX of the rule, in symbols
 * @param numbers   the same rule with the numbers in (rounded to 6 significant digits)
 * @param result    the value, in full double precision
 * @param unit      the neuron whose value this is, or null (loss, parameter steps)
 * @param parameter the parameter this step is about, or null
 * @param units     every neuron the step involves, to highlight
 * @param edges     every weight the step involves, to highlight
 */
public record Step(int index, StepKind kind, int example, int time, String title, String symbol, String formula, String numbers,
                   double result, UnitRef unit, ParameterRef parameter, List<UnitRef> units, List<EdgeRef> edges) {

    public Step {
        units = List.copyOf(units);
        edges = List.copyOf(edges);
    }

    /** The whole line: {@code symbol = formula = numbers = result}, leaving out parts that repeat. */
    public String latex() {
        StringBuilder b = new StringBuilder(symbol).append(" = ").append(formula);
        if (!numbers.equals(formula)) b.append(" = ").append(numbers);
        String value = Tex.num(result);
        if (!numbers.equals(value)) b.append(" = ").append(value);
        return b.toString();
    }
}
