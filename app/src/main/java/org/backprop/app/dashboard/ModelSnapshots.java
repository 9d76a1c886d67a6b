package org.backprop.app.dashboard;

import org.backprop.engine.compile.CompiledNetwork;
import org.backprop.engine.compile.LayerInfo;
import org.backprop.engine.data.PreparedData;
import org.backprop.engine.train.TrainingSession;
import org.backprop.visual.dashboard.ConfusionMatrix;
import org.backprop.visual.dashboard.DecisionSurface;
import org.backprop.visual.dashboard.LayerMatrix;
import org.backprop.visual.fx.FrameCoalescer;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Measures the model as it trains without racing training (DL4J models are not thread-safe): a
 * task between two iterations copies the parameters (and, once per model, clones it); a background
 * thread loads the copy into the clone and evaluates it there: the output over the plane of a 2-D
 * data set, the confusion matrix of the test part and the accuracy on the training part, and each
 * layer's weights for the network view. Results reach the UI through the frame coalescer.
 *
 * <p>One snapshot at a time, at most every {@link #MIN_INTERVAL_NANOS}, and busy at most a
 * twentieth of the time: a slow evaluation (a large test set) is taken less often. On two cores
 * that thread competes with training itself.
 */
final class ModelSnapshots {
    static final long MIN_INTERVAL_NANOS = 250_000_000L;
    static final int GRID = 72;
    /** Training accuracy is measured on about this many rows, evenly spread over the training part. */
    static final int TRAIN_ROWS = 1_000;
    /** Weight matrices larger than this are not copied for the network view. */
    static final long MAX_WEIGHTS = 1 << 20;

    /** What one snapshot measured; fields are null where they do not apply. */
    record Result(CompiledNetwork network, long iteration, DecisionSurface surface, ConfusionMatrix confusion, double trainAccuracy,
                  Map<String, LayerMatrix> weights) {}

    private final TrainingSession session;
    private final Executor background;
    private final FrameCoalescer ui;
    private final Consumer<Result> onUi;
    private final AtomicBoolean inFlight = new AtomicBoolean();
    private volatile boolean closed;
    // Background thread only (one snapshot at a time):
    private Model clone;
    private volatile CompiledNetwork clonedFrom; // read by the training thread's task
    private Plane plane;
    // UI thread only:
    private long lastStart = Long.MIN_VALUE / 2;
    private long interval = MIN_INTERVAL_NANOS;
    private boolean forcePending; // a pause or the end came while a snapshot was under way

    ModelSnapshots(TrainingSession session, Executor background, FrameCoalescer ui, Consumer<Result> onUi) {
        this.session = session;
        this.background = background;
        this.ui = ui;
        this.onUi = onUi;
    }

    /** UI thread, once per frame: takes a snapshot if one is due. {@code force}: due now (a pause, the end). */
    void maybeTake(boolean force) {
        long now = System.nanoTime();
        if (closed || (!force && now - lastStart < interval)) return;
        if (!inFlight.compareAndSet(false, true)) {
            forcePending |= force; // taken when the one under way is done: the final state must show
            return;
        }
        lastStart = now;
        session.runBetweenIterations(net -> {
            // Training thread (or the caller, when idle): copy, then leave at once.
            try {
                Model live = net.model();
                Model fresh = clonedFrom == net ? null : cloneOf(live);
                INDArray params = live.params().dup();
                long iteration = session.metrics().size() == 0 ? 0 : session.metrics().last().iteration();
                background.execute(() -> evaluate(net, fresh, params, iteration));
            } catch (RuntimeException e) {
                inFlight.set(false);
                throw e;
            }
        });
    }

    void close() {
        closed = true;
    }

    private static Model cloneOf(Model m) {
        if (m instanceof MultiLayerNetwork n) return n.clone();
        return ((ComputationGraph) m).clone();
    }

    private void evaluate(CompiledNetwork net, Model fresh, INDArray params, long iteration) {
        long t0 = System.nanoTime();
        try {
            if (fresh != null) {
                clone = fresh;
                clonedFrom = net;
            }
            clone.setParams(params);
            PreparedData data = session.data();
            DecisionSurface surface = data.featureCount() == 2 ? surface(data, iteration) : null;
            ConfusionMatrix confusion = null;
            double trainAccuracy = Double.NaN;
            if (data.isClassification()) {
                confusion = confusion(data.classNames(), data.test(), iteration);
                trainAccuracy = accuracy(data.train());
            }
            Result r = new Result(net, iteration, surface, confusion, trainAccuracy, weights(net, iteration));
            if (!closed) ui.post(() -> onUi.accept(r));
        } catch (RuntimeException e) {
            // A failed measurement only costs one picture; training is unaffected.
            System.getLogger(ModelSnapshots.class.getName()).log(System.Logger.Level.DEBUG, "snapshot failed", e);
        } finally {
            long cost = System.nanoTime() - t0;
            inFlight.set(false);
            ui.post(() -> {
                interval = Math.max(MIN_INTERVAL_NANOS, 20 * cost);
                if (forcePending) {
                    forcePending = false;
                    maybeTake(true);
                }
            });
        }
    }

    private INDArray output(INDArray features) {
        if (clone instanceof MultiLayerNetwork n) return n.output(features, false);
        return ((ComputationGraph) clone).outputSingle(false, features);
    }

    // ---- decision surface ------------------------------------------------------------------

    /** The data's points and the plane around them, worked out once per session. */
    private record Plane(double x0, double x1, double y0, double y1, INDArray grid,
                         DecisionSurface.Points train, DecisionSurface.Points test) {}

    private DecisionSurface surface(PreparedData data, long iteration) {
        if (plane == null) plane = plane(data);
        INDArray out = output(plane.grid());
        int outputs = (int) out.size(1);
        float[] values = out.castTo(DataType.FLOAT).dup('c').data().asFloat();
        return new DecisionSurface(plane.x0(), plane.x1(), plane.y0(), plane.y1(), GRID, GRID, outputs, values,
                data.classNames(), plane.train(), plane.test(), iteration);
    }

    private Plane plane(PreparedData data) {
        DecisionSurface.Points train = points(data.train(), data.isClassification());
        DecisionSurface.Points test = data.test() == data.train() ? new DecisionSurface.Points(new double[0], new double[0], new double[0])
                : points(data.test(), data.isClassification());
        double x0 = Double.POSITIVE_INFINITY, x1 = Double.NEGATIVE_INFINITY, y0 = x0, y1 = x1;
        for (DecisionSurface.Points p : List.of(train, test)) {
            for (int i = 0; i < p.size(); i++) {
                x0 = Math.min(x0, p.x()[i]);
                x1 = Math.max(x1, p.x()[i]);
                y0 = Math.min(y0, p.y()[i]);
                y1 = Math.max(y1, p.y()[i]);
            }
        }
        // A square around the points with a margin, so the boundary shows beyond them.
        double cx = (x0 + x1) / 2, cy = (y0 + y1) / 2;
        double half = Math.max(Math.max(x1 - x0, y1 - y0) / 2 * 1.12, 1e-3);
        x0 = cx - half;
        x1 = cx + half;
        y0 = cy - half;
        y1 = cy + half;
        double[] g = new double[GRID * GRID * 2];
        for (int iy = 0; iy < GRID; iy++) {
            for (int ix = 0; ix < GRID; ix++) {
                g[(iy * GRID + ix) * 2] = x0 + (x1 - x0) * ix / (GRID - 1);
                g[(iy * GRID + ix) * 2 + 1] = y0 + (y1 - y0) * iy / (GRID - 1);
            }
        }
        DataType type = data.train().getFeatures().dataType();
        INDArray grid = Nd4j.create(g, new long[]{GRID * GRID, 2}, DataType.DOUBLE).castTo(type);
        return new Plane(x0, x1, y0, y1, grid, train, test);
    }

    private static DecisionSurface.Points points(DataSet d, boolean classification) {
        double[][] f = d.getFeatures().toDoubleMatrix();
        double[][] labels = d.getLabels().toDoubleMatrix();
        int n = f.length;
        double[] x = new double[n], y = new double[n], t = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = f[i][0];
            y[i] = f[i][1];
            t[i] = classification ? classOf(labels[i]) : labels[i][0];
        }
        return new DecisionSurface.Points(x, y, t);
    }

    /** One-hot, or a single 0/1 column for a binary sigmoid output. */
    private static int classOf(double[] row) {
        if (row.length == 1) return row[0] >= 0.5 ? 1 : 0;
        int best = 0;
        for (int k = 1; k < row.length; k++) if (row[k] > row[best]) best = k;
        return best;
    }

    // ---- classification --------------------------------------------------------------------

    private ConfusionMatrix confusion(List<String> classes, DataSet test, long iteration) {
        double[][] out = output(test.getFeatures()).toDoubleMatrix();
        double[][] labels = test.getLabels().toDoubleMatrix();
        int[] truth = new int[out.length], predicted = new int[out.length];
        for (int i = 0; i < out.length; i++) {
            truth[i] = classOf(labels[i]);
            predicted[i] = classOf(out[i]);
        }
        return ConfusionMatrix.of(classes, truth, predicted, iteration);
    }

    private double accuracy(DataSet train) {
        // Every k-th row, so that a file sorted by class is sampled fairly.
        int total = train.numExamples();
        int stride = (total + TRAIN_ROWS - 1) / TRAIN_ROWS;
        INDArray x = train.getFeatures();
        INDArray y = train.getLabels();
        if (stride > 1) {
            x = x.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(0, stride, total), org.nd4j.linalg.indexing.NDArrayIndex.all());
            y = y.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(0, stride, total), org.nd4j.linalg.indexing.NDArrayIndex.all());
        }
        double[][] out = output(x).toDoubleMatrix();
        double[][] labels = y.toDoubleMatrix();
        int right = 0;
        for (int i = 0; i < out.length; i++) if (classOf(out[i]) == classOf(labels[i])) right++;
        return (double) right / out.length;
    }

    // ---- weights -----------------------------------------------------------------------------

    private Map<String, LayerMatrix> weights(CompiledNetwork net, long iteration) {
        Map<String, LayerMatrix> out = new LinkedHashMap<>();
        for (LayerInfo info : net.layers().values()) {
            if (info.parameterCount() <= 0) continue;
            String key = (info.dl4jIndex() >= 0 ? Integer.toString(info.dl4jIndex()) : info.id()) + "_W";
            INDArray w = clone.paramTable().get(key);
            if (w == null || w.rank() != 2 || w.length() > MAX_WEIGHTS) continue;
            float[] v = w.castTo(DataType.FLOAT).dup('c').data().asFloat();
            out.put(info.id(), LayerMatrix.fromInputMajor(info.id(), iteration, (int) w.size(0), (int) w.size(1), v));
        }
        return out;
    }
}
