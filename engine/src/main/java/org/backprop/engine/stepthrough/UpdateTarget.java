package org.backprop.engine.stepthrough;

import java.util.List;

/**
 * One parameter as the optimizer sees it: its symbol, its value before the update and dE/dp,
 * the mean gradient over the batch (DL4J's updater divides its summed gradient by the batch size
 * first), plus the neurons to highlight while it changes.
 */
record UpdateTarget(ParameterRef ref, String symbol, String updatedSymbol, String gradientSymbol,
                    double value, double gradient, List<UnitRef> units) {

    Steps.Draft draft(Steps out, StepKind kind, String what) {
        return out.draft(kind, -1, ref.layer() + " " + ref.label() + ": " + what).about(ref).involves(units);
    }

    /** The optimizer's memory of this parameter, named after it: m(w^{(1)}_{1,1}) or m_{t-1}(...). */
    String state(String name, boolean previous) {
        return name + "_{" + (previous ? "t-1" : "t") + "}(" + symbol + ")";
    }
}
