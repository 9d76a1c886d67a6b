package org.backprop.app.dashboard;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.backprop.app.WorkbenchViewModel;
import org.backprop.engine.project.Project;
import org.backprop.engine.train.Evaluation;
import org.backprop.engine.train.MetricPoint;
import org.backprop.engine.train.MetricsLog;
import org.backprop.engine.train.TrainingSession;
import org.backprop.engine.train.TrainingSession.State;
import org.backprop.visual.dashboard.ColourScale;
import org.backprop.visual.dashboard.ConfusionMatrix;
import org.backprop.visual.dashboard.CurveRun;
import org.backprop.visual.dashboard.DecisionSurface;
import org.backprop.visual.dashboard.EdgeStyling;
import org.backprop.visual.dashboard.Finding;
import org.backprop.visual.dashboard.FindingsSource;
import org.backprop.visual.dashboard.HeatmapCell;
import org.backprop.visual.dashboard.HeatmapGrid;
import org.backprop.visual.dashboard.LayerMatrix;
import org.backprop.visual.dashboard.LayerSeriesSource.Quantity;
import org.backprop.visual.dashboard.ProjectFacts;
import org.backprop.visual.dashboard.RunNaming;
import org.backprop.visual.fx.FrameCoalescer;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The dashboard's state: the runs' curves, the gradient heatmap and the selected layer's matrix,
 * the findings, and the model snapshots (decision surface, confusion matrix, weights). No
 * controls; the dashboard view binds to these properties.
 *
 * <p>Threading: UI thread only. It runs as one more listener of the window's
 * {@link FrameCoalescer}, once per frame in which something changed: it reads the session's
 * metrics log from its own cursor and polls the sources' version counters; the training thread
 * never calls it, and background results arrive through the coalescer's {@code post}.
 */
public final class DashboardViewModel {
    /**
     * While training runs, the dashboard's views redraw at most this often (10 Hz: curves and
     * heatmaps read as live, and a software renderer keeps up); a pause or the end shows at once.
     */
    static final long PUBLISH_EVERY_NANOS = 100_000_000L;

    private final FrameCoalescer ui;
    private final Executor background;
    private final DashboardSources.Factory sourcesFactory;

    private final ObservableList<CurveRun> runs = FXCollections.observableArrayList();
    private final ReadOnlyLongWrapper curvesRevision = new ReadOnlyLongWrapper(this, "curvesRevision");
    private final ObjectProperty<Quantity> quantity = new SimpleObjectProperty<>(this, "quantity", Quantity.UPDATE_RATIO);
    private final ReadOnlyObjectWrapper<HeatmapGrid> heatmap = new ReadOnlyObjectWrapper<>(this, "heatmap", HeatmapGrid.EMPTY);
    private final ReadOnlyObjectWrapper<ColourScale> heatmapScale = new ReadOnlyObjectWrapper<>(this, "heatmapScale", ColourScale.updateRatio());
    private final ObjectProperty<HeatmapCell> selection = new SimpleObjectProperty<>(this, "selection");
    private final ReadOnlyObjectWrapper<LayerMatrix> selectedMatrix = new ReadOnlyObjectWrapper<>(this, "selectedMatrix");
    private final ReadOnlyObjectWrapper<HeatmapGrid> timeSteps = new ReadOnlyObjectWrapper<>(this, "timeSteps", HeatmapGrid.EMPTY);
    private final ReadOnlyObjectWrapper<ColourScale> timeStepScale = new ReadOnlyObjectWrapper<>(this, "timeStepScale", new ColourScale(-6, 0, null));
    private final ReadOnlyObjectWrapper<List<Finding>> findings = new ReadOnlyObjectWrapper<>(this, "findings", List.of());
    private final ReadOnlyObjectWrapper<Optional<FindingsSource.NonFinite>> nonFinite =
            new ReadOnlyObjectWrapper<>(this, "nonFinite", Optional.empty());
    private final ObjectProperty<EdgeStyling.Mode> edgeMode = new SimpleObjectProperty<>(this, "edgeMode", EdgeStyling.Mode.WEIGHT);
    private final ReadOnlyObjectWrapper<EdgeStyling> edgeStyling = new ReadOnlyObjectWrapper<>(this, "edgeStyling", EdgeStyling.NONE);
    private final ReadOnlyObjectWrapper<DecisionSurface> surface = new ReadOnlyObjectWrapper<>(this, "surface");
    private final ReadOnlyObjectWrapper<ConfusionMatrix> confusion = new ReadOnlyObjectWrapper<>(this, "confusion");
    private final ReadOnlyBooleanWrapper twoDimensional = new ReadOnlyBooleanWrapper(this, "twoDimensional");
    private final ReadOnlyBooleanWrapper classification = new ReadOnlyBooleanWrapper(this, "classification");
    private final BooleanProperty active = new SimpleBooleanProperty(this, "active");
    private final javafx.beans.property.ReadOnlyStringWrapper message = new javafx.beans.property.ReadOnlyStringWrapper(this, "message", "");

    private TrainingSession session;
    private DashboardSources sources = DashboardSources.NONE;
    private ModelSnapshots snapshots;
    private final AtomicInteger resets = new AtomicInteger();
    private int resetsSeen;
    private int pointCursor;
    private int evaluationCursor;
    private long sourcesVersion = -1;
    private Quantity gridQuantity;
    private boolean followLatest = true;
    private State lastState;
    private Map<String, LayerMatrix> weights = Map.of();
    private final Map<CurveRun, Project> projects = new java.util.IdentityHashMap<>();
    private double smoothing = 0.6;
    private int runNumber;
    private boolean stylingStale = true;
    private long publishedAt = Long.MIN_VALUE / 2;

    public DashboardViewModel(FrameCoalescer ui, Executor background, WorkbenchViewModel workbench,
                              DashboardSources.Factory sourcesFactory) {
        this.ui = ui;
        this.background = background;
        this.sourcesFactory = sourcesFactory;
        ui.watch(() -> (int) sources.version());
        ui.addFrameListener(this::frame);
        workbench.sessionProperty().addListener((o, was, s) -> install(s));
        if (workbench.sessionProperty().get() != null) install(workbench.sessionProperty().get());
        runs.addListener((javafx.collections.ListChangeListener<CurveRun>) c -> projects.keySet().retainAll(runs));
        quantity.addListener((o, a, b) -> ui.markDirty());
        edgeMode.addListener((o, a, b) -> {
            stylingStale = true;
            ui.markDirty();
        });
        selection.addListener((o, a, b) -> {
            HeatmapGrid g = heatmap.get();
            followLatest = b == null || g.columnCount() == 0 || b.column() >= g.columns()[g.columnCount() - 1];
            updateMatrix();
        });
        active.addListener((o, a, b) -> {
            if (b) {
                stylingStale = true;
                if (snapshots != null) snapshots.maybeTake(true);
                ui.markDirty();
            }
        });
    }

    // ---- sessions and runs -------------------------------------------------------------------

    private void install(TrainingSession s) {
        if (snapshots != null) snapshots.close();
        session = s;
        if (s == null) {
            sources = DashboardSources.NONE;
            snapshots = null;
            return;
        }
        sources = sourcesFactory.apply(s);
        sourcesVersion = -1;
        s.onStateChange(st -> {
            if (st == State.READY) resets.incrementAndGet(); // READY again only after reset()
        });
        resetsSeen = resets.get();
        snapshots = new ModelSnapshots(s, background, ui, this::apply);
        twoDimensional.set(s.data().featureCount() == 2);
        classification.set(s.data().isClassification());
        surface.set(null);
        confusion.set(null);
        weights = Map.of();
        selection.set(null);
        startRun();
        if (active.get()) snapshots.maybeTake(true);
    }

    /**
     * A new run of the current session, named by what changed since the run before it; that run
     * stays for comparison, unless it never trained (then this one takes its place).
     */
    private void startRun() {
        if (!runs.isEmpty() && !runs.get(runs.size() - 1).trained()) {
            projects.remove(runs.remove(runs.size() - 1));
            runNumber--;
        }
        Project p = session.project();
        Project before = runs.isEmpty() ? null : projects.get(runs.get(runs.size() - 1));
        String description = before == null || !before.name().equals(p.name())
                ? p.name() : RunNaming.describe(ProjectFacts.of(before), ProjectFacts.of(p));
        int perEpoch = (int) Math.ceil((double) session.data().train().numExamples() / p.training().batchSize());
        CurveRun run = new CurveRun(++runNumber, description, perEpoch, smoothing);
        projects.put(run, p);
        runs.add(run);
        pointCursor = 0;
        evaluationCursor = 0;
        followLatest = true;
        curvesRevision.set(curvesRevision.get() + 1);
    }

    /** The curves view's smoothing, so that a new run starts smoothed like the others. */
    public void setSmoothing(double weight) {
        smoothing = weight;
    }

    // ---- once per frame ----------------------------------------------------------------------

    private void frame() {
        TrainingSession s = session;
        if (s == null) return;
        if (resets.get() != resetsSeen) {
            resetsSeen = resets.get();
            surface.set(null);
            confusion.set(null);
            weights = Map.of();
            stylingStale = true;
            startRun();
        }
        State st = s.state();
        long now = System.nanoTime();
        if (st == State.RUNNING && now - publishedAt < PUBLISH_EVERY_NANOS) {
            ui.markDirty(); // come back next frame: what arrived meanwhile goes out then
        } else {
            publishedAt = now;
            pullMetrics(s.metrics());
            pullSources();
        }
        if (active.get() && snapshots != null) {
            boolean settled = st != lastState && st != State.RUNNING;
            if (st == State.RUNNING || settled) snapshots.maybeTake(settled);
        }
        lastState = st;
        if (stylingStale && active.get()) updateStyling();
    }

    private void pullMetrics(MetricsLog log) {
        CurveRun run = runs.get(runs.size() - 1);
        int n = log.size();
        if (n < pointCursor) return; // cleared by a reset: the reset counter starts a new run next frame
        boolean changed = false;
        for (int i = pointCursor; i < n; i++) {
            MetricPoint p = log.get(i);
            run.add(CurveRun.Series.MINIBATCH_LOSS, p.iteration(), p.loss());
            changed = true;
        }
        pointCursor = n;
        if (log.evaluationCount() > evaluationCursor) {
            List<Evaluation> all = log.evaluations();
            for (int i = evaluationCursor; i < all.size(); i++) {
                Evaluation e = all.get(i);
                run.add(CurveRun.Series.TRAIN_LOSS, e.iteration(), e.trainLoss());
                run.add(CurveRun.Series.VALIDATION_LOSS, e.iteration(), e.testLoss());
                if (!Double.isNaN(e.testAccuracy())) run.add(CurveRun.Series.VALIDATION_ACCURACY, e.iteration(), e.testAccuracy());
            }
            evaluationCursor = all.size();
            changed = true;
        }
        if (changed) curvesRevision.set(curvesRevision.get() + 1);
    }

    private void pullSources() {
        long v = sources.version();
        if (v == sourcesVersion && quantity.get() == gridQuantity) return;
        sourcesVersion = v;
        gridQuantity = quantity.get();
        HeatmapGrid g = sources.layers().grid(gridQuantity);
        heatmap.set(g);
        heatmapScale.set(scaleFor(gridQuantity, g));
        HeatmapGrid steps = sources.timeSteps().grid();
        timeSteps.set(steps);
        timeStepScale.set(covering(timeStepScale.get(), steps));
        List<Finding> f = sources.findings().findings();
        if (!f.equals(findings.get())) findings.set(List.copyOf(f));
        Optional<FindingsSource.NonFinite> nf = sources.findings().nonFinite();
        if (!nf.equals(nonFinite.get())) nonFinite.set(nf);
        if (followLatest && g.columnCount() > 0 && g.rowCount() > 0) {
            HeatmapCell sel = selection.get();
            String layer = sel != null && g.rows().contains(sel.row()) ? sel.row() : g.rows().get(0);
            selection.set(new HeatmapCell(layer, g.columns()[g.columnCount() - 1]));
        } else {
            updateMatrix();
        }
        if (edgeMode.get() == EdgeStyling.Mode.GRADIENT) stylingStale = true;
    }

    /** The ratio has a meaning of its own (DL4J's band); norms get whole decades that cover them, never shrinking. */
    private ColourScale scaleFor(Quantity q, HeatmapGrid g) {
        if (q == Quantity.UPDATE_RATIO) return ColourScale.updateRatio();
        return covering(heatmapScale.get(), g);
    }

    /** Whole decades that cover the grid's values, at least three; kept while the values stay inside. */
    private static ColourScale covering(ColourScale now, HeatmapGrid g) {
        double[] r = g.finiteRange();
        if (now.band() == null && !Double.isNaN(r[0]) && r[0] >= now.low() && r[1] <= now.high()) return now;
        return ColourScale.covering(r[0], r[1], 3);
    }

    private void updateMatrix() {
        HeatmapCell sel = selection.get();
        if (sel == null) {
            selectedMatrix.set(null);
            return;
        }
        long at = followLatest ? Long.MAX_VALUE : sel.column();
        selectedMatrix.set(sources.matrices().matrix(sel.row(), at).orElse(null));
    }

    private void updateStyling() {
        stylingStale = false;
        if (edgeMode.get() == EdgeStyling.Mode.WEIGHT) {
            edgeStyling.set(weights.isEmpty() ? EdgeStyling.NONE : EdgeStyling.of(EdgeStyling.Mode.WEIGHT, weights));
            return;
        }
        Map<String, LayerMatrix> gradients = new LinkedHashMap<>();
        for (String layer : heatmap.get().rows()) {
            sources.matrices().matrix(layer, Long.MAX_VALUE).filter(m -> !m.magnitudes()).ifPresent(m -> gradients.put(layer, m));
        }
        edgeStyling.set(EdgeStyling.of(EdgeStyling.Mode.GRADIENT, gradients));
    }

    /** A snapshot measured on the background thread, delivered by the coalescer. */
    private void apply(ModelSnapshots.Result r) {
        if (session == null || r.network() != session.network()) return; // from before a reset
        if (r.surface() != null) surface.set(r.surface());
        if (r.confusion() != null) confusion.set(r.confusion());
        if (!Double.isNaN(r.trainAccuracy())) {
            CurveRun run = runs.get(runs.size() - 1);
            var acc = run.series(CurveRun.Series.TRAIN_ACCURACY);
            if (acc.size() == 0 || r.iteration() > acc.lastX()) {
                run.add(CurveRun.Series.TRAIN_ACCURACY, r.iteration(), r.trainAccuracy());
                curvesRevision.set(curvesRevision.get() + 1);
            }
        }
        weights = r.weights();
        if (edgeMode.get() == EdgeStyling.Mode.WEIGHT) stylingStale = true;
    }

    /** Work that writes a file. */
    @FunctionalInterface
    public interface FileWork {
        void write() throws java.io.IOException;
    }

    /**
     * Writes an export on a background thread (what must be read on the UI thread, e.g. a
     * snapshot, was taken before); whether it worked comes back through the coalescer as the
     * {@link #messageProperty() message}.
     */
    public void export(java.nio.file.Path file, FileWork work) {
        background.execute(() -> {
            String m;
            try {
                work.write();
                m = org.backprop.app.i18n.Messages.format("dashboard.export.done", file.getFileName().toString());
            } catch (java.io.IOException | RuntimeException e) {
                m = org.backprop.app.i18n.Messages.format("dashboard.export.failed", file.getFileName().toString(),
                        String.valueOf(e.getMessage()));
            }
            String text = m;
            ui.post(() -> message.set(text));
        });
    }

    // ---- state ---------------------------------------------------------------------------------

    /** The outcome of the last export, or "". */
    public javafx.beans.property.ReadOnlyStringProperty messageProperty() { return message.getReadOnlyProperty(); }

    /** Oldest first; the last is the current run. */
    public ObservableList<CurveRun> runs() { return runs; }

    /** Moves whenever a run got points: the curves redraw. */
    public ReadOnlyLongProperty curvesRevisionProperty() { return curvesRevision.getReadOnlyProperty(); }

    public ObjectProperty<Quantity> quantityProperty() { return quantity; }

    public ReadOnlyObjectProperty<HeatmapGrid> heatmapProperty() { return heatmap.getReadOnlyProperty(); }

    public ReadOnlyObjectProperty<ColourScale> heatmapScaleProperty() { return heatmapScale.getReadOnlyProperty(); }

    /** The selected layer and iteration; following the newest column until a click picks an earlier one. */
    public ObjectProperty<HeatmapCell> selectionProperty() { return selection; }

    public ReadOnlyObjectProperty<LayerMatrix> selectedMatrixProperty() { return selectedMatrix.getReadOnlyProperty(); }

    public ReadOnlyObjectProperty<HeatmapGrid> timeStepsProperty() { return timeSteps.getReadOnlyProperty(); }

    /** The colours of the time-step view: decades of ||dL/dh_t|| that cover the newest sample. */
    public ReadOnlyObjectProperty<ColourScale> timeStepScaleProperty() { return timeStepScale.getReadOnlyProperty(); }

    public ReadOnlyObjectProperty<List<Finding>> findingsProperty() { return findings.getReadOnlyProperty(); }

    public ReadOnlyObjectProperty<Optional<FindingsSource.NonFinite>> nonFiniteProperty() { return nonFinite.getReadOnlyProperty(); }

    public ObjectProperty<EdgeStyling.Mode> edgeModeProperty() { return edgeMode; }

    public ReadOnlyObjectProperty<EdgeStyling> edgeStylingProperty() { return edgeStyling.getReadOnlyProperty(); }

    public ReadOnlyObjectProperty<DecisionSurface> surfaceProperty() { return surface.getReadOnlyProperty(); }

    public ReadOnlyObjectProperty<ConfusionMatrix> confusionProperty() { return confusion.getReadOnlyProperty(); }

    public ReadOnlyBooleanProperty twoDimensionalProperty() { return twoDimensional.getReadOnlyProperty(); }

    public ReadOnlyBooleanProperty classificationProperty() { return classification.getReadOnlyProperty(); }

    /** Whether the dashboard is on screen: model snapshots are taken only then. */
    public BooleanProperty activeProperty() { return active; }
}
