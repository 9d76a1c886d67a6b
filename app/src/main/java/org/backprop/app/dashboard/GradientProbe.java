package org.backprop.app.dashboard;

import org.backprop.app.i18n.Messages;
import org.backprop.engine.compile.LayerInfo;
import org.backprop.engine.train.TrainingSession;
import org.backprop.visual.dashboard.Finding;
import org.backprop.visual.dashboard.FindingsSource;
import org.backprop.visual.dashboard.HeatmapGrid;
import org.backprop.visual.dashboard.LayerMatrix;
import org.backprop.visual.dashboard.LayerMatrixSource;
import org.backprop.visual.dashboard.LayerSeriesSource;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.optimize.api.BaseTrainingListener;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A stand-in for the telemetry engine until it is merged: a lean DL4J listener that samples,
 * per layer with weights, the gradient norm and the update:parameter ratio of {@code W}, keeps
 * a few weight-gradient matrices, and pauses the run at the first non-finite loss or gradient.
 * It feeds the dashboard through the same interfaces the telemetry adapter will implement
 * ({@link LayerSeriesSource}, {@link LayerMatrixSource}, {@link FindingsSource}), so replacing it
 * touches {@link DashboardSources} only. It makes no diagnosis: it has no findings but the NaN pause.
 *
 * <p>Cost: iterations are sampled at a stride that doubles whenever the columns fill up, so a
 * long run samples rarely; a sampled iteration costs three ND4J reductions per layer, and a
 * matrix copy at most every {@link #MATRIX_EVERY_NANOS}. Every iteration costs one check of the
 * loss. Writes happen on the training thread, reads on the UI thread, under this object's lock.
 */
final class GradientProbe extends BaseTrainingListener implements LayerSeriesSource, LayerMatrixSource, FindingsSource {
    static final int COLUMNS = 240;
    static final int MATRICES_KEPT = 24;
    static final long MATRIX_EVERY_NANOS = 150_000_000L;

    private final TrainingSession session;
    // Guarded by this:
    private Model model;
    private List<String> layers = List.of();
    private List<String> keys = List.of();
    private long[] iterations = new long[COLUMNS];
    private double[][] gradient = new double[0][];
    private double[][] ratio = new double[0][];
    private int count;
    private long stride = 1;
    private long iteration;
    private boolean sampling;
    private long lastMatrixAt = Long.MIN_VALUE / 2;
    private final Map<String, Deque<LayerMatrix>> matrices = new java.util.HashMap<>();
    private NonFinite nonFinite;
    private volatile long version;

    private GradientProbe(TrainingSession session) {
        this.session = session;
    }

    /** Attached to the session's model, now and after every reset. */
    static GradientProbe attach(TrainingSession session) {
        GradientProbe p = new GradientProbe(session);
        session.onStateChange(s -> {
            if (s == TrainingSession.State.READY) p.clear(); // READY is entered again only by reset()
        });
        synchronized (p) {
            p.bind(session.network().model()); // rows for every layer before the first sample
        }
        session.addTrainingListener(p);
        return p;
    }

    private synchronized void clear() {
        model = null;
        count = 0;
        stride = 1;
        iteration = 0;
        matrices.clear();
        nonFinite = null;
        version++;
    }

    /** Layers with a weight matrix, in forward order, and their DL4J parameter keys. */
    private void bind(Model m) {
        model = m;
        List<String> ids = new ArrayList<>();
        List<String> ks = new ArrayList<>();
        for (LayerInfo info : session.network().layers().values()) {
            if (info.parameterCount() <= 0) continue;
            String key = (info.dl4jIndex() >= 0 ? Integer.toString(info.dl4jIndex()) : info.id()) + "_W";
            if (m.paramTable().containsKey(key)) {
                ids.add(info.id());
                ks.add(key);
            }
        }
        layers = List.copyOf(ids);
        keys = List.copyOf(ks);
        gradient = new double[ids.size()][COLUMNS];
        ratio = new double[ids.size()][COLUMNS];
        count = 0;
        stride = 1;
        iteration = 0;
        matrices.clear();
    }

    // ---- training thread -----------------------------------------------------------------

    @Override
    public void onGradientCalculation(Model m) {
        synchronized (this) {
            if (m != model) bind(m);
            long it = iteration + 1;
            sampling = it % stride == 0;
            if (!sampling) return;
            if (count == COLUMNS) compact();
            iterations[count] = it;
            Map<String, INDArray> g = m.gradient().gradientForVariable();
            long now = System.nanoTime();
            boolean takeMatrix = now - lastMatrixAt >= MATRIX_EVERY_NANOS;
            for (int l = 0; l < keys.size(); l++) {
                INDArray w = g.get(keys.get(l));
                double norm = w == null ? Double.NaN : w.norm2Number().doubleValue();
                gradient[l][count] = log10(norm);
                ratio[l][count] = Double.NaN; // filled in iterationDone
                if (!Double.isFinite(norm) && w != null) flagNonFinite(it, Messages.get("dashboard.nan.gradient"), layers.get(l));
                if (takeMatrix && w != null && w.rank() == 2) keep(layers.get(l), it, w);
            }
            if (takeMatrix) lastMatrixAt = now;
        }
    }

    @Override
    public void iterationDone(Model m, int dl4jIteration, int epoch) {
        boolean pause = false;
        synchronized (this) {
            if (m != model) return;
            iteration++;
            double loss = m.score();
            if (!Double.isFinite(loss)) pause = flagNonFinite(iteration, Messages.get("dashboard.nan.loss"), "");
            if (sampling) {
                // The gradient view now holds the update the optimizer applied (DL4J's updater works in place).
                Map<String, INDArray> g = m.gradient().gradientForVariable();
                for (int l = 0; l < keys.size(); l++) {
                    INDArray update = g.get(keys.get(l));
                    INDArray w = m.getParam(keys.get(l));
                    if (update == null || w == null) continue;
                    double u = update.norm2Number().doubleValue();
                    double p = w.norm2Number().doubleValue();
                    ratio[l][count] = p == 0 ? Double.NaN : log10(u / p);
                }
                count++;
                sampling = false;
            }
            pause |= nonFinite != null && nonFinite.iteration() == iteration;
            version++;
        }
        // pause() is safe on the training thread: it takes effect before the next iteration.
        if (pause) session.pause();
    }

    /** Records the first non-finite value of the run; true when this call recorded it. */
    private boolean flagNonFinite(long it, String what, String layer) {
        if (nonFinite != null) return false;
        nonFinite = new NonFinite(it, what, layer);
        return true;
    }

    /** Full: keep every other column (those at multiples of the doubled stride). */
    private void compact() {
        int kept = 0;
        for (int c = 0; c < count; c++) {
            if (iterations[c] % (stride * 2) != 0) continue;
            iterations[kept] = iterations[c];
            for (int l = 0; l < layers.size(); l++) {
                gradient[l][kept] = gradient[l][c];
                ratio[l][kept] = ratio[l][c];
            }
            kept++;
        }
        count = kept;
        stride *= 2;
    }

    private void keep(String layer, long it, INDArray w) {
        int nIn = (int) w.size(0);
        int nOut = (int) w.size(1);
        float[] values = w.castTo(DataType.FLOAT).dup('c').data().asFloat();
        Deque<LayerMatrix> ring = matrices.computeIfAbsent(layer, k -> new ArrayDeque<>());
        if (ring.size() == MATRICES_KEPT) ring.removeFirst();
        ring.addLast(LayerMatrix.fromInputMajor(layer, it, nIn, nOut, values));
    }

    private static double log10(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) return Double.POSITIVE_INFINITY; // drawn as non-finite
        return v == 0 ? Double.NEGATIVE_INFINITY : Math.log10(v);
    }

    // ---- UI thread -----------------------------------------------------------------------

    @Override
    public long version() {
        return version;
    }

    @Override
    public synchronized HeatmapGrid grid(Quantity quantity) {
        double[][] src = quantity == Quantity.GRADIENT_NORM ? gradient : ratio;
        // The column being sampled right now is not complete yet.
        int n = count;
        double[][] rows = new double[layers.size()][];
        for (int l = 0; l < layers.size(); l++) rows[l] = Arrays.copyOf(src[l], n);
        return new HeatmapGrid(layers, Arrays.copyOf(iterations, n), rows);
    }

    @Override
    public synchronized Optional<LayerMatrix> matrix(String layer, long it) {
        Deque<LayerMatrix> ring = matrices.get(layer);
        if (ring == null || ring.isEmpty()) return Optional.empty();
        LayerMatrix best = ring.peekFirst();
        for (LayerMatrix m : ring) if (m.iteration() <= it) best = m;
        return Optional.of(best);
    }

    @Override
    public List<Finding> findings() {
        return List.of();
    }

    @Override
    public synchronized Optional<NonFinite> nonFinite() {
        return Optional.ofNullable(nonFinite);
    }

    /** Layers sampled (tests). */
    synchronized List<String> layers() {
        return layers;
    }
}
