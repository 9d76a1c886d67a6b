package org.backprop.app.stepthrough;

import org.backprop.app.i18n.Messages;
import org.backprop.engine.stepthrough.EdgeRef;
import org.backprop.engine.stepthrough.LayerSummary;
import org.backprop.engine.stepthrough.ParameterChange;
import org.backprop.engine.stepthrough.ParameterRef;
import org.backprop.engine.stepthrough.Step;
import org.backprop.engine.stepthrough.StepKind;
import org.backprop.engine.stepthrough.Tex;
import org.backprop.engine.stepthrough.Transcript;
import org.backprop.engine.stepthrough.UnitRef;
import org.backprop.visual.diagram.DiagramOverlay;
import org.backprop.visual.diagram.DiagramOverlay.Emphasis;
import org.backprop.visual.diagram.DiagramOverlay.Neuron;
import org.backprop.visual.diagram.DiagramOverlay.Synapse;

import java.util.List;

/**
 * What the diagram marks for one step: the neuron or weight the step computes, what it reads,
 * the picked weight's chain from the loss, the values known so far of the step's example
 * (activations beside the neurons, deltas below them) and the weights the step uses. Unrolled
 * through time, the recurrent layer wears a badge with the step's time, the values are those of
 * that time step, and a factor that flows through RW lights up the layer's self-loop.
 */
final class StepOverlay {
    private StepOverlay() {}

    /**
     * @param applied whether the iteration's update is applied: weights then read their new values
     * @param chain   the picked parameter, or null
     */
    static DiagramOverlay of(Transcript t, int index, boolean applied, ParameterRef chain) {
        DiagramOverlay.Builder b = DiagramOverlay.builder();
        Step s = index >= 0 && index < t.steps().size() ? t.steps().get(index) : null;
        if (s != null) current(t, s, applied, b);
        if (chain != null) chain(t, chain, applied, b);
        if (s != null) values(t, s, b);
        if (s != null && t.isRecurrent() && s.time() >= 0) b.badge(t.layers().get(1).id(), Messages.format("step.time.badge", s.time() + 1));
        return b.build();
    }

    private static void current(Transcript t, Step s, boolean applied, DiagramOverlay.Builder b) {
        for (UnitRef u : s.units()) b.neuron(neuron(u), Emphasis.INVOLVED);
        if (s.unit() != null) b.neuron(neuron(s.unit()), Emphasis.FOCUS);
        ParameterRef p = s.parameter();
        if (p != null && !p.isWeight()) b.neuron(neuron(p.unit()), Emphasis.FOCUS);
        for (EdgeRef e : s.edges()) {
            Synapse syn = synapse(t, e);
            boolean own = p != null && p.isWeight() && e.equals(p.edge());
            b.synapse(syn, own ? Emphasis.FOCUS : Emphasis.INVOLVED);
            ParameterChange c = t.parameter(e.parameter());
            // The new value is the point of an update step: show where the weight came from and went.
            String text = own && s.kind() == StepKind.UPDATE ? Tex.plain(c.before()) + " \u2192 " + Tex.plain(c.after())
                    : Tex.plain(applied ? c.after() : c.before());
            b.weight(syn, text);
        }
    }

    private static void chain(Transcript t, ParameterRef chain, boolean applied, DiagramOverlay.Builder b) {
        for (Step c : t.chainOf(chain)) {
            for (UnitRef u : c.units()) b.neuron(neuron(u), Emphasis.CHAIN);
            for (EdgeRef e : c.edges()) b.synapse(synapse(t, e), Emphasis.CHAIN);
        }
        ParameterChange change = t.parameter(chain);
        if (chain.isWeight()) {
            Synapse syn = synapse(t, chain.edge());
            b.synapse(syn, Emphasis.SELECTED);
            b.weight(syn, Tex.plain(applied ? change.after() : change.before()));
        } else {
            b.neuron(neuron(chain.unit()), Emphasis.SELECTED);
        }
    }

    /** Activations and deltas of the step's example that are known by this step. */
    private static void values(Transcript t, Step s, DiagramOverlay.Builder b) {
        int example = exampleOf(t, s);
        if (example < 0 || (t.isRecurrent() && s.time() < 0)) return;
        List<Double> inputs = t.examples().get(example).inputs();
        if (t.isRecurrent()) {
            int width = inputs.size() / t.timeSteps();
            inputs = inputs.subList(s.time() * width, (s.time() + 1) * width);
        }
        String inputId = t.layers().get(0).id();
        for (int i = 0; i < inputs.size(); i++) b.value(new Neuron(inputId, i), Tex.plain(inputs.get(i)));
        for (Step k : t.steps()) {
            if (k.index() > s.index()) break;
            if (k.example() != example || k.unit() == null || k.time() != s.time()) continue;
            if (k.kind() == StepKind.ACTIVATION) b.value(neuron(k.unit()), Tex.plain(k.result()));
            if (k.kind() == StepKind.DELTA || k.kind() == StepKind.HIDDEN_DELTA) {
                b.gradient(neuron(k.unit()), "\u03b4 " + Tex.plain(k.result()));
            }
        }
    }

    /** The example a step is about; a step about the batch reads the only example when there is one. */
    static int exampleOf(Transcript t, Step s) {
        if (s.example() >= 0) return s.example();
        return t.examples().size() == 1 ? 0 : -1;
    }

    static Neuron neuron(UnitRef u) {
        return new Neuron(u.layer(), u.unit());
    }

    /** An edge of the transcript is named by the layer that holds the weight; the diagram names both ends (the same layer for RW). */
    static Synapse synapse(Transcript t, EdgeRef e) {
        return new Synapse(e.recurrent() ? e.layer() : below(t, e.layer()), e.from(), e.layer(), e.to());
    }

    /** The weight a diagram connection is, or null when it is not one of the transcript's. */
    static ParameterRef weightOf(Transcript t, Synapse s) {
        boolean loop = s.from().equals(s.to());
        ParameterRef ref = loop ? ParameterRef.recurrent(s.to(), s.fromUnit(), s.toUnit()) : ParameterRef.weight(s.to(), s.fromUnit(), s.toUnit());
        boolean known = t.parameters().stream().anyMatch(p -> p.parameter().equals(ref));
        return known && (loop || below(t, s.to()).equals(s.from())) ? ref : null;
    }

    private static String below(Transcript t, String layer) {
        List<LayerSummary> layers = t.layers();
        for (int l = 1; l < layers.size(); l++) if (layers.get(l).id().equals(layer)) return layers.get(l - 1).id();
        throw new IllegalArgumentException("no layer " + layer + " above the input");
    }
}
