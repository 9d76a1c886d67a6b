package org.backprop.engine.stepthrough;

import org.backprop.engine.project.NumberText;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * A transcript as a Markdown handout: a plain-text summary first (readable without LaTeX), then
 * every step as display math in order, then the table of parameters. Numbers in the text have at
 * most 6 significant digits; the JSON form keeps full precision.
 */
public final class TranscriptMarkdown {
    private TranscriptMarkdown() {}

    public static String render(Transcript t) {
        StringBuilder b = new StringBuilder();
        b.append("# Backpropagation step by step: ").append(t.project()).append(", iteration ").append(t.iteration()).append("\n\n");
        b.append("**Network:** ").append(network(t)).append(t.isRecurrent() ? ", unrolled over " + t.timeSteps() + " time steps" : "")
                .append("  \n");
        b.append("**Loss:** ").append(t.loss()).append("; **optimizer:** ").append(t.optimizer()).append("  \n");
        b.append("**Examples:** ").append(examples(t)).append("\n\n");
        b.append("Layers are numbered from 0 (the input) and units from 1 in the formulas; the parameter table gives ")
                .append("DL4J's parameter names and 0-based indices (W is [nIn, nOut]: one row per input).\n\n");
        b.append("## In short\n\n");
        summary(t).forEach(line -> b.append("- ").append(line).append('\n'));
        b.append("\n## Notes\n\n");
        t.notes().forEach(n -> b.append("- ").append(n).append('\n'));
        for (StepKind.Phase phase : StepKind.Phase.values()) {
            List<Step> steps = t.steps().stream().filter(s -> s.kind().phase() == phase).toList();
            if (steps.isEmpty()) continue;
            b.append("\n## ").append(heading(phase)).append("\n\n");
            int time = -1;
            for (Step s : steps) {
                if (s.time() != time && s.kind().phase() != StepKind.Phase.LOSS) {
                    b.append(s.time() >= 0 ? "\n### Time step t = " + (s.time() + 1) + "\n\n" : "\n### Summed over the time steps\n\n");
                }
                time = s.time();
                b.append(s.index() + 1).append(". ").append(s.title()).append("\n   $$").append(s.latex()).append("$$\n");
            }
        }
        b.append("\n## Parameters\n\n");
        parameters(t, b);
        return b.toString();
    }

    private static String heading(StepKind.Phase phase) {
        return switch (phase) {
            case FORWARD -> "Forward pass";
            case LOSS -> "Loss";
            case BACKWARD -> "Backward pass (chain rule)";
            case AVERAGE -> "Mean over the batch";
            case UPDATE -> "Update";
        };
    }

    private static String network(Transcript t) {
        return t.layers().stream().map(l -> l.number() == 0
                        ? l.id() + " (" + units(l.units()) + ")"
                        : l.id() + " (layer " + l.number() + ", " + units(l.units()) + ", " + l.activation() + ")")
                .collect(Collectors.joining(" -> "));
    }

    private static String units(int n) {
        return n + (n == 1 ? " unit" : " units");
    }

    private static String examples(Transcript t) {
        if (t.isRecurrent()) {
            return t.examples().stream().map(e -> "sequence " + (e.row() + 1) + ": inputs " + steps(e.inputs(), t.timeSteps(), NumberText::format)
                    + ", targets " + steps(e.targets(), t.timeSteps(), NumberText::format)).collect(Collectors.joining("; "));
        }
        return t.examples().stream()
                .map(e -> "row " + (e.row() + 1) + ": input " + list(e.inputs()) + ", target " + list(e.targets()))
                .collect(Collectors.joining("; "));
    }

    /** Values step after step, grouped per step where a step holds more than one: [1, 0.5] or [(1, 0), (0, 1)]. */
    private static String steps(List<Double> values, int timeSteps, java.util.function.Function<Double, String> format) {
        int width = values.size() / timeSteps;
        if (width == 1) return values.stream().map(format).collect(Collectors.joining(", ", "[", "]"));
        return IntStream.range(0, timeSteps).mapToObj(s -> values.subList(s * width, (s + 1) * width).stream()
                .map(format).collect(Collectors.joining(", ", "(", ")"))).collect(Collectors.joining(", ", "[", "]"));
    }

    /** Per sequence: the outputs step by step, its loss, and the loss's slope at each output. */
    private static List<String> recurrentSummary(Transcript t) {
        boolean batch = t.examples().size() > 1;
        String loss = batch ? "L" : "E";
        List<String> lines = new java.util.ArrayList<>();
        for (int n = 0; n < t.examples().size(); n++) {
            final int example = n;
            String prefix = batch ? "sequence " + (n + 1) + ": " : "";
            Example e = t.examples().get(n);
            lines.add(prefix + "y = " + steps(e.outputs(), t.timeSteps(), Tex::plain)
                    + " at t = 1.." + t.timeSteps() + " (targets " + steps(e.targets(), t.timeSteps(), NumberText::format) + ")");
            Step sequenceLoss = t.steps(StepKind.SEQUENCE_LOSS).stream().filter(s -> s.example() == example).findFirst().orElseThrow();
            lines.add(prefix + loss + " = " + Tex.plain(sequenceLoss.result()) + ", the sum of the steps' losses "
                    + t.steps(StepKind.LOSS).stream().filter(s -> s.example() == example)
                    .map(s -> "L<" + (s.time() + 1) + "> = " + Tex.plain(s.result())).collect(Collectors.joining(", ")));
        }
        lines.add("loss before the update: E = " + Tex.plain(t.lossBefore()) + (batch ? " (mean over " + t.examples().size() + " sequences)" : ""));
        lines.add("loss after the update: E = " + Tex.plain(t.lossAfter()));
        return lines;
    }

    /** y, E and dE/dy in plain text: what a teacher says first. */
    static List<String> summary(Transcript t) {
        if (t.isRecurrent()) return recurrentSummary(t);
        int outputs = t.outputLayer().units();
        boolean batch = t.examples().size() > 1;
        String loss = batch ? "L" : "E";
        List<String> lines = new java.util.ArrayList<>();
        for (int n = 0; n < t.examples().size(); n++) {
            Example e = t.examples().get(n);
            final int example = n;
            String prefix = batch ? "example " + (n + 1) + ": " : "";
            lines.add(prefix + IntStream.range(0, outputs).mapToObj(k -> name("y", k, outputs) + " = " + Tex.plain(e.outputs().get(k)))
                    .collect(Collectors.joining(", ")) + " (target " + IntStream.range(0, outputs)
                    .mapToObj(k -> name("t", k, outputs) + " = " + Tex.plain(e.targets().get(k))).collect(Collectors.joining(", ")) + ")");
            Step lossStep = t.steps(StepKind.LOSS).stream().filter(s -> s.example() == example).findFirst().orElseThrow();
            lines.add(prefix + loss + " = " + Tex.plain(lossStep.result()));
            List<Step> errors = t.steps(StepKind.OUTPUT_ERROR).stream().filter(s -> s.example() == example).toList();
            String wrt = "y";
            if (errors.isEmpty()) {
                errors = t.steps(StepKind.DELTA).stream().filter(s -> s.example() == example).toList();
                wrt = "z";
            }
            String by = wrt;
            lines.add(prefix + errors.stream()
                    .map(s -> "d" + loss + "/d" + name(by, s.unit().unit(), outputs) + " = " + Tex.plain(s.result()))
                    .collect(Collectors.joining(", ")));
        }
        lines.add("loss before the update: E = " + Tex.plain(t.lossBefore()) + (batch ? " (mean over " + t.examples().size() + " examples)" : ""));
        lines.add("loss after the update: E = " + Tex.plain(t.lossAfter()));
        return lines;
    }

    private static String name(String symbol, int unit, int units) {
        return units == 1 ? symbol : symbol + (unit + 1);
    }

    private static String list(List<Double> values) {
        return values.stream().map(NumberText::format).collect(Collectors.joining(", ", "[", "]"));
    }

    private static void parameters(Transcript t, StringBuilder b) {
        boolean batch = t.examples().size() > 1;
        b.append("| layer | parameter | DL4J key | before | dE/dp |").append(batch ? " sum over the batch (DL4J's gradient view) |" : "")
                .append(" after |\n");
        b.append("|---|---|---|---:|---:|").append(batch ? "---:|" : "").append("---:|\n");
        for (ParameterChange c : t.parameters()) {
            b.append("| ").append(c.parameter().layer()).append(" | ").append(c.parameter().label()).append(" | ").append(c.dl4jKey())
                    .append(" | ").append(Tex.plain(c.before())).append(" | ").append(Tex.plain(c.gradient())).append(" | ");
            if (batch) b.append(Tex.plain(c.batchSum())).append(" | ");
            b.append(Tex.plain(c.after())).append(" |\n");
        }
    }
}
