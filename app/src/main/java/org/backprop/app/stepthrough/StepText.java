package org.backprop.app.stepthrough;

import org.backprop.app.i18n.Messages;
import org.backprop.engine.stepthrough.EdgeRef;
import org.backprop.engine.stepthrough.LayerSummary;
import org.backprop.engine.stepthrough.ParameterRef;
import org.backprop.engine.stepthrough.Step;
import org.backprop.engine.stepthrough.StepKind;
import org.backprop.engine.stepthrough.Transcript;
import org.backprop.engine.stepthrough.UnitRef;

import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The words around a step, in the user's language. The engine's step titles are English; these
 * are built from the step's kind, example, neuron and parameter instead, with the engine's title
 * as the fallback for a step this class does not know yet.
 */
final class StepText {
    private StepText() {}

    /** "hidden unit 1: weighted sum", "Example 2, output W[1,0]: gradient". */
    static String caption(Transcript t, Step s) {
        String text = body(t, s);
        if (text == null) return s.title();
        if (s.time() >= 0) text = Messages.format("step.caption.time", s.time() + 1, text);
        return s.example() >= 0 && t.examples().size() > 1
                ? Messages.format(t.isRecurrent() ? "step.caption.sequence" : "step.caption.example", s.example() + 1, text) : text;
    }

    /** Whether the caption comes from the bundle rather than the engine's English title. */
    static boolean fromBundle(Transcript t, Step s) {
        return body(t, s) != null;
    }

    private static String body(Transcript t, Step s) {
        String unit = s.unit() == null ? null : unit(s.unit());
        String param = s.parameter() == null ? null : parameter(s.parameter());
        if (t.isRecurrent()) {
            String text = recurrent(t, s, unit, param);
            if (text != null) return text;
        }
        return switch (s.kind()) {
            case PRE_ACTIVATION -> unit == null ? null : Messages.format("step.caption.PRE_ACTIVATION", unit);
            case ACTIVATION -> unit == null ? null : Messages.format(softmax(t, s.unit().layer())
                    ? "step.caption.ACTIVATION.softmax" : "step.caption.ACTIVATION", unit);
            case LOSS -> Messages.format("step.caption.LOSS", lossName(t.loss()));
            case SEQUENCE_LOSS -> Messages.get("step.caption.SEQUENCE_LOSS");
            case BATCH_LOSS -> Messages.format("step.caption.BATCH_LOSS", t.examples().size());
            case OUTPUT_ERROR -> unit == null ? null : Messages.format("step.caption.OUTPUT_ERROR", unit);
            case ACTIVATION_SLOPE -> unit == null ? null
                    : Messages.format("step.caption.ACTIVATION_SLOPE", unit, activationName(layer(t, s.unit().layer()).activation()));
            case BACKPROPAGATED_ERROR -> unit == null ? null : Messages.format("step.caption.BACKPROPAGATED_ERROR", unit);
            case DELTA -> unit == null ? null : Messages.format(softmax(t, s.unit().layer()) && t.loss().equals("mcxent")
                    ? "step.caption.DELTA.softmax" : "step.caption.DELTA", unit);
            case HIDDEN_DELTA -> unit == null ? null : Messages.format(softmax(t, s.unit().layer())
                    ? "step.caption.HIDDEN_DELTA.softmax" : "step.caption.HIDDEN_DELTA", unit);
            case WEIGHT_GRADIENT, BIAS_GRADIENT -> param == null ? null : Messages.format("step.caption.GRADIENT", param);
            case BATCH_MEAN -> param == null ? null : Messages.format("step.caption.BATCH_MEAN", param);
            case LEARNING_RATE -> optimizer(t).equals("adam") ? Messages.format("step.caption.LEARNING_RATE", t.iteration()) : null;
            case OPTIMIZER_STATE -> param == null ? null : state(t, s, param);
            case UPDATE -> param == null ? null : Messages.format("step.caption.UPDATE", param);
        };
    }

    /** Captions that say what unrolling through time adds: the previous step, the next step, the sum over steps. */
    private static String recurrent(Transcript t, Step s, String unit, String param) {
        boolean recurrentLayer = s.unit() != null && s.unit().layer().equals(t.layers().get(1).id());
        boolean next = s.edges().stream().anyMatch(EdgeRef::recurrent);
        boolean own = s.edges().stream().anyMatch(e -> !e.recurrent());
        return switch (s.kind()) {
            case PRE_ACTIVATION -> !recurrentLayer ? null
                    : Messages.format(s.time() == 0 ? "step.caption.PRE_ACTIVATION.first" : "step.caption.PRE_ACTIVATION.recurrent", unit);
            case LOSS -> Messages.format("step.caption.LOSS.step", lossName(t.loss()));
            case BATCH_LOSS -> Messages.format("step.caption.BATCH_LOSS.sequences", t.examples().size());
            case BACKPROPAGATED_ERROR -> Messages.format("step.caption.BACKPROPAGATED_ERROR." + (own && next ? "both" : next ? "next" : "output"), unit);
            case HIDDEN_DELTA -> Messages.format("step.caption.HIDDEN_DELTA.recurrent", unit);
            case WEIGHT_GRADIENT, BIAS_GRADIENT -> param == null ? null : Messages.format("step.caption.GRADIENT.recurrent", param);
            default -> null;
        };
    }

    /** Optimizer state by the optimizer and the symbol's letter: m_t, v_t, s_t, h_t. */
    private static String state(Transcript t, Step s, String param) {
        String key = "step.caption.state." + optimizer(t) + "." + (s.symbol().isEmpty() ? "" : s.symbol().substring(0, 1));
        return has(key) ? Messages.format(key, param) : null;
    }

    /** "adam" from "adam, learning rate 0.1, ...". */
    private static String optimizer(Transcript t) {
        int comma = t.optimizer().indexOf(',');
        return (comma < 0 ? t.optimizer() : t.optimizer().substring(0, comma)).trim().toLowerCase(Locale.ROOT);
    }

    static String phase(StepKind.Phase phase) {
        return Messages.get("step.phase." + phase.name());
    }

    /** "hidden unit 1": units counted from 1, as in the formulas. */
    static String unit(UnitRef u) {
        return Messages.format("step.caption.unit", u.layer(), u.unit() + 1);
    }

    /** "hidden W[0,0]": DL4J's own names and 0-based indices, as in the explain command's table. */
    static String parameter(ParameterRef p) {
        return p.layer() + " " + p.label();
    }

    /** The parameter's symbol in the formulas: w^{(1)}_{1,1}, b^{(2)}_{1}. */
    static String parameterSymbol(Transcript t, ParameterRef p) {
        int l = layer(t, p.layer()).number();
        if (p.isRecurrent()) return "r_{" + (p.row() + 1) + "," + (p.column() + 1) + "}";
        return p.isWeight() ? "w^{(" + l + ")}_{" + (p.row() + 1) + "," + (p.column() + 1) + "}"
                : "b^{(" + l + ")}_{" + (p.column() + 1) + "}";
    }

    static String lossName(String loss) {
        String key = "step.loss." + loss;
        return has(key) ? Messages.get(key) : loss;
    }

    private static String activationName(String id) {
        return id == null ? "" : id.equals("relu") ? "ReLU" : id.equals("leakyrelu") ? "LeakyReLU" : id;
    }

    private static boolean softmax(Transcript t, String layer) {
        return "softmax".equals(layer(t, layer).activation());
    }

    private static LayerSummary layer(Transcript t, String id) {
        return t.layers().stream().filter(l -> l.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no layer " + id));
    }

    private static boolean has(String key) {
        ResourceBundle b = Messages.bundle();
        return b.containsKey(key);
    }
}
