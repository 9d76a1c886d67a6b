package org.backprop.engine.stepthrough;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Collects steps in order and numbers them; a {@link Draft} fills one step field by field. */
final class Steps {
    private final List<Step> steps = new ArrayList<>();

    Draft draft(StepKind kind, int example, String title) {
        return new Draft(kind, example, title);
    }

    List<Step> list() {
        return List.copyOf(steps);
    }

    final class Draft {
        private final StepKind kind;
        private final int example;
        private final String title;
        private int time = -1;
        private String symbol;
        private String formula;
        private String numbers;
        private double result;
        private UnitRef unit;
        private ParameterRef parameter;
        private final Set<UnitRef> units = new LinkedHashSet<>();
        private final Set<EdgeRef> edges = new LinkedHashSet<>();

        private Draft(StepKind kind, int example, String title) {
            this.kind = kind;
            this.example = example;
            this.title = title;
        }

        Draft math(String symbol, String formula, String numbers, double result) {
            this.symbol = symbol;
            this.formula = formula;
            this.numbers = numbers;
            this.result = result;
            return this;
        }

        /** The time step (0-based) of an unrolled recurrent network the step belongs to. */
        Draft at(int t) {
            time = t;
            return this;
        }

        /** The neuron whose value this step computes. */
        Draft of(UnitRef u) {
            unit = u;
            units.add(u);
            return this;
        }

        Draft about(ParameterRef p) {
            parameter = p;
            units.add(p.unit());
            if (p.isWeight()) edges.add(p.edge());
            return this;
        }

        Draft involves(List<UnitRef> us) {
            units.addAll(us);
            return this;
        }

        Draft involves(UnitRef u) {
            units.add(u);
            return this;
        }

        Draft edges(List<EdgeRef> es) {
            edges.addAll(es);
            return this;
        }

        void add() {
            steps.add(new Step(steps.size(), kind, example, time, title, symbol, formula, numbers, result, unit, parameter,
                    List.copyOf(units), List.copyOf(edges)));
        }
    }
}
