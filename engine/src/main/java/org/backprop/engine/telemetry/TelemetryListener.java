package org.backprop.engine.telemetry;

import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.optimize.api.BaseTrainingListener;
import org.deeplearning4j.optimize.solvers.BaseOptimizer;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * A lean DL4J listener that fills a {@link Telemetry}. DL4J calls it in this order within one
 * iteration (MultiLayerNetwork.computeGradientAndScore, then StochasticGradientDescent.optimize):
 * <ol>
 *   <li>{@code onForwardPass}: the input and every layer's activations except the output layer's;</li>
 *   <li>{@code onBackwardPass}: gradients computed;</li>
 *   <li>{@code onGradientCalculation}: {@code model.gradient()} holds the raw gradient;</li>
 *   <li>the updater then rewrites that gradient view in place into the update (learning rate,
 *       momentum/Adam, clipping, regularisation) and the parameters take it;</li>
 *   <li>{@code iterationDone}: the same view now holds the update, the parameters are the new ones.
 *       DL4J's training UI takes its update:parameter ratio here, and so does this listener.</li>
 * </ol>
 *
 * <p>What it costs is set by {@link TelemetryConfig}: scalar statistics at sampled iterations,
 * histograms and gradient matrices at rarer snapshots, all computed by ND4J ops on DL4J's own
 * views. Every iteration gets only checks of small arrays for NaN/Inf: the loss, the last hidden
 * activations and the output layer's gradient (a sum is NaN or Inf when any element is). A
 * gradient that overflows deeper in the network with everything else finite shows up at the next
 * forward pass as non-finite parameters, and is attributed to the iteration whose update did it.
 * The first NaN or Inf is located, recorded and reported to the listeners registered with
 * {@link #onNonFinite}, which may pause training.
 */
public final class TelemetryListener extends BaseTrainingListener {
    private static final double TANH_4 = Math.tanh(4);
    private static final double SIGMOID_MINUS_4 = 1 / (1 + Math.exp(4));
    private static final double SIGMOID_4 = 1 / (1 + Math.exp(-4));

    private final Telemetry telemetry;
    private final TimeStepProbe timeSteps;
    private final List<Consumer<NonFiniteEvent>> nonFiniteListeners = new CopyOnWriteArrayList<>();
    private Model model;
    private List<LayerProbe> probes = List.of();
    private LayerProbe output;
    private boolean measureTimeSteps; // the bound model has a recurrent layer the probe can measure

    public TelemetryListener(Telemetry telemetry) {
        this(telemetry, TimeStepProbe.NONE);
    }

    public TelemetryListener(Telemetry telemetry, TimeStepProbe timeSteps) {
        this.telemetry = telemetry;
        this.timeSteps = timeSteps;
    }

    public Telemetry telemetry() {
        return telemetry;
    }

    /** Called on the training thread, once per run, at the first NaN or Inf. */
    public void onNonFinite(Consumer<NonFiniteEvent> listener) {
        nonFiniteListeners.add(listener);
    }

    @Override
    public void onForwardPass(Model m, List<INDArray> activations) {
        // activations.get(0) is the input; layer i's activations are at i + 1.
        bind(m);
        long iteration = iteration(m);
        int last = Math.min(activations.size() - 1, probes.size());
        if (last >= 1 && unchecked() && ArrayScan.hasNonFinite(activations.get(last))) {
            locateInForwardPass(iteration, i -> i + 1 <= last ? activations.get(i + 1) : null);
        }
        if (telemetry.config().samples(iteration)) {
            for (int i = 1; i <= last; i++) recordActivations(iteration, probes.get(i - 1), activations.get(i));
        }
    }

    @Override
    public void onForwardPass(Model m, Map<String, INDArray> activations) {
        bind(m);
        long iteration = iteration(m);
        LayerProbe last = null;
        for (LayerProbe p : probes) if (activations.containsKey(p.telemetry().id())) last = p;
        if (last != null && unchecked() && ArrayScan.hasNonFinite(activations.get(last.telemetry().id()))) {
            locateInForwardPass(iteration, i -> activations.get(probes.get(i).telemetry().id()));
        }
        if (telemetry.config().samples(iteration)) {
            for (LayerProbe p : probes) {
                INDArray a = activations.get(p.telemetry().id());
                if (a != null) recordActivations(iteration, p, a);
            }
        }
    }

    @Override
    public void onBackwardPass(Model m) {
        bind(m);
        long iteration = iteration(m);
        if (!measureTimeSteps || !telemetry.config().timeSteps(iteration)) return;
        Map<String, double[]> norms;
        try {
            norms = timeSteps.norms(m); // once for all layers: one extra pass through time
        } catch (RuntimeException e) {
            // A model the probe cannot measure (an LSTM in a branching network) gets no per-step
            // rows; telemetry must never fail the training step, nor pay for the attempt again.
            measureTimeSteps = false;
            return;
        }
        for (LayerProbe p : probes) {
            double[] n = norms.get(p.telemetry().id());
            if (p.telemetry().recurrent() && n != null) p.telemetry().timeStepNorms().add(new LayerTelemetry.TimeStepNorms(iteration, n));
        }
    }

    @Override
    public void onGradientCalculation(Model m) {
        bind(m);
        if (probes.isEmpty()) return;
        long iteration = iteration(m);
        if (unchecked()) {
            INDArray outputGradient = outputProbe().layer().getGradientsViewArray();
            if (outputGradient != null && ArrayScan.hasNonFinite(outputGradient)) locateInGradients(iteration, m);
        }
        TelemetryConfig c = telemetry.config();
        boolean sampled = c.samples(iteration);
        boolean snapshot = c.snapshots(iteration);
        if (!sampled && !snapshot) return;
        Map<String, INDArray> gradients = m.gradient().gradientForVariable();
        boolean overflow = false;
        for (LayerProbe p : probes) {
            if (p.telemetry().frozen()) {
                if (sampled) recordFrozen(iteration, p.telemetry());
                continue;
            }
            for (ParameterTelemetry pt : p.telemetry().parameters().values()) {
                INDArray g = gradients.get(p.gradientPrefix() + pt.key());
                if (g == null) continue;
                ArrayScan.Magnitudes mg = ArrayScan.magnitudes(g);
                overflow |= !mg.finite();
                if (sampled) {
                    pt.gradientNorm().add(iteration, mg.norm2());
                    pt.gradientMeanAbs().add(iteration, mg.meanAbs());
                    pt.gradientMaxAbs().add(iteration, mg.maxAbs());
                    pt.nonFinite().add(iteration, mg.finite() ? 0 : ArrayScan.nonFinite(g).total());
                }
                if (snapshot && mg.finite()) {
                    Histogram h = Histogram.of(iteration, g, c.histogramBins());
                    if (h != null) pt.gradientHistograms().add(h);
                    if (pt.key().equals("W")) p.telemetry().gradientMatrices().add(GradientMatrix.of(iteration, g, c.matrixLimit()));
                }
            }
        }
        if (overflow && unchecked()) locateInGradients(iteration, m);
    }

    @Override
    public void iterationDone(Model m, int iterationIndex, int epoch) {
        bind(m);
        long iteration = iterationIndex + 1L;
        double loss = m.score();
        telemetry.loss().add(iteration, loss);
        if (!Double.isFinite(loss) && unchecked() && !probes.isEmpty()) {
            report(new NonFiniteEvent(iteration, NonFiniteEvent.Source.LOSS, outputProbe().telemetry().id(), null,
                    Double.isNaN(loss) ? 1 : 0, Double.isInfinite(loss) ? 1 : 0, loss));
        }
        TelemetryConfig c = telemetry.config();
        boolean sampled = c.samples(iteration);
        if (sampled || c.snapshots(iteration)) recordUpdates(iteration, m, sampled, c.snapshots(iteration));
        telemetry.iterationDone(iteration, sampled);
    }

    /** The gradient view holds the update now (see the class comment); the parameters are updated. */
    private void recordUpdates(long iteration, Model m, boolean sampled, boolean snapshot) {
        Map<String, INDArray> updates = m.gradient().gradientForVariable();
        int bins = telemetry.config().histogramBins();
        for (LayerProbe p : probes) {
            if (p.telemetry().frozen()) {
                // Recorded here, with every other layer's update, so that no reader sees an
                // iteration with the frozen layers' update and without the others'.
                if (sampled) p.telemetry().parameters().values().forEach(pt -> pt.updateRatioLog10().add(iteration, Double.NEGATIVE_INFINITY));
                continue;
            }
            for (ParameterTelemetry pt : p.telemetry().parameters().values()) {
                INDArray u = updates.get(p.gradientPrefix() + pt.key());
                INDArray w = p.layer().getParam(pt.key());
                if (u == null || w == null) continue;
                if (sampled) pt.updateRatioLog10().add(iteration, Math.log10(ArrayScan.meanAbs(u) / ArrayScan.meanAbs(w)));
                if (snapshot) {
                    Histogram hw = Histogram.of(iteration, w, bins);
                    if (hw != null) pt.parameterHistograms().add(hw);
                    Histogram hu = Histogram.of(iteration, u, bins);
                    if (hu != null) pt.updateHistograms().add(hu);
                }
            }
        }
    }

    /**
     * DL4J's frozen wrapper zeroes the layer's gradient view and leaves it out of the model's
     * gradient, and its updater does nothing: the gradient applied and the update are exactly 0.
     * Recording those zeros (not nothing) tells "frozen" apart from "not sampled"; the update
     * (ratio log10 -Infinity) is recorded with the others' in {@link #recordUpdates}.
     */
    private static void recordFrozen(long iteration, LayerTelemetry t) {
        for (ParameterTelemetry pt : t.parameters().values()) {
            pt.gradientNorm().add(iteration, 0);
            pt.gradientMeanAbs().add(iteration, 0);
            pt.gradientMaxAbs().add(iteration, 0);
            pt.nonFinite().add(iteration, 0);
        }
    }

    private void recordActivations(long iteration, LayerProbe p, INDArray a) {
        LayerTelemetry t = p.telemetry();
        ArrayScan.Moments s = switch (p.kind()) {
            case SIGMOID -> ArrayScan.moments(a, SIGMOID_MINUS_4, SIGMOID_4);
            case TANH -> ArrayScan.moments(a, -TANH_4, TANH_4);
            default -> ArrayScan.moments(a, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
        };
        t.activationMean().add(iteration, s.mean());
        t.activationStd().add(iteration, s.std());
        switch (p.kind()) {
            case SIGMOID, TANH -> t.saturatedFraction().add(iteration, (s.below() + s.above()) / (double) s.length());
            case RELU -> t.deadFraction().add(iteration, deadFraction(a));
            case OTHER -> { }
        }
    }

    /** Units (features, or channels of a convolution) whose output is 0 for the whole minibatch. */
    private static double deadFraction(INDArray a) {
        // A unit is dead when all its outputs in the minibatch are 0 (for a convolution: its
        // maximum over positions, which for ReLU outputs >= 0 is 0 only when all are).
        INDArray perUnit;
        if (a.rank() == 2) {
            perUnit = a;
        } else {
            int[] others = new int[a.rank() - 1];
            for (int d = 0, k = 0; d < a.rank(); d++) if (d != 1) others[k++] = d;
            perUnit = a.max(others).reshape(1, a.size(1));
        }
        ArrayScan.Reader r = ArrayScan.Reader.of(perUnit);
        int rows = (int) perUnit.size(0);
        int units = (int) perUnit.size(1);
        boolean[] alive = new boolean[units];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < units; j++) alive[j] |= r.get(i, j) != 0;
        }
        int dead = 0;
        for (boolean a2 : alive) dead += a2 ? 0 : 1;
        return dead / (double) units;
    }

    /**
     * Hidden activations went non-finite. If the last update already put NaN or Inf into some
     * parameters, that update is the origin; else the first layer in forward order that overflowed.
     */
    private void locateInForwardPass(long iteration, java.util.function.IntFunction<INDArray> activationsOfLayer) {
        for (int i = probes.size() - 1; i >= 0; i--) {
            LayerProbe p = probes.get(i);
            for (String key : p.telemetry().parameters().keySet()) {
                ArrayScan.NonFinite w = ArrayScan.nonFinite(p.layer().getParam(key));
                if (w.total() > 0) {
                    report(new NonFiniteEvent(iteration - 1, NonFiniteEvent.Source.PARAMETERS, p.telemetry().id(), key, w.nan(), w.inf(), Double.NaN));
                    return;
                }
            }
        }
        for (int i = 0; i < probes.size(); i++) {
            INDArray a = activationsOfLayer.apply(i);
            if (a == null) continue;
            ArrayScan.NonFinite s = ArrayScan.nonFinite(a);
            if (s.total() > 0) {
                report(new NonFiniteEvent(iteration, NonFiniteEvent.Source.ACTIVATIONS, probes.get(i).telemetry().id(), null, s.nan(), s.inf(), Double.NaN));
                return;
            }
        }
    }

    /** Backpropagation runs from the output toward the input: search in that order. */
    private void locateInGradients(long iteration, Model m) {
        Map<String, INDArray> gradients = m.gradient().gradientForVariable();
        for (int i = probes.size() - 1; i >= 0; i--) {
            LayerProbe p = probes.get(i);
            for (String key : p.telemetry().parameters().keySet()) {
                INDArray g = gradients.get(p.gradientPrefix() + key);
                if (g == null) continue;
                ArrayScan.NonFinite s = ArrayScan.nonFinite(g);
                if (s.total() > 0) {
                    report(new NonFiniteEvent(iteration, NonFiniteEvent.Source.GRADIENTS, p.telemetry().id(), key, s.nan(), s.inf(), m.score()));
                    return;
                }
            }
        }
    }

    /** No NaN or Inf found yet: after the first, the checks stop (the run is paused or knowingly resumed). */
    private boolean unchecked() {
        return telemetry.nonFinite().isEmpty();
    }

    private void report(NonFiniteEvent e) {
        if (!telemetry.recordNonFinite(e)) return;
        for (Consumer<NonFiniteEvent> l : nonFiniteListeners) {
            try {
                l.accept(e);
            } catch (RuntimeException ex) {
                // An observer's failure must not break the training step.
            }
        }
    }

    private LayerProbe outputProbe() {
        return output;
    }

    /** A new model (first call, or after a reset) gets fresh per-layer records. */
    private void bind(Model m) {
        if (m == model && !telemetry.layers().isEmpty()) return;
        model = m;
        probes = LayerProbe.of(m, telemetry.config());
        output = probes.stream().filter(p -> p.telemetry().output()).findFirst()
                .orElse(probes.isEmpty() ? null : probes.get(probes.size() - 1));
        telemetry.setLayers(probes.stream().map(LayerProbe::telemetry).toList());
        measureTimeSteps = probes.stream().anyMatch(p -> p.telemetry().recurrent());
    }

    /** DL4J counts iterations from 0 and increments after the listeners ran; we count from 1. */
    private static long iteration(Model m) {
        return BaseOptimizer.getIterationCount(m) + 1L;
    }
}
