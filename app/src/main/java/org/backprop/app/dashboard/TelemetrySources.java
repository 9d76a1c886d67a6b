package org.backprop.app.dashboard;

import org.backprop.app.i18n.Messages;
import org.backprop.engine.diagnosis.Diagnosis;
import org.backprop.engine.diagnosis.FindingText;
import org.backprop.engine.diagnosis.Fix;
import org.backprop.engine.telemetry.GradientMatrix;
import org.backprop.engine.telemetry.LayerTelemetry;
import org.backprop.engine.telemetry.NonFiniteEvent;
import org.backprop.engine.telemetry.ParameterTelemetry;
import org.backprop.engine.telemetry.SessionTelemetry;
import org.backprop.engine.telemetry.Telemetry;
import org.backprop.engine.telemetry.TelemetryConfig;
import org.backprop.engine.telemetry.TimeSeries;
import org.backprop.engine.train.TrainingSession;
import org.backprop.visual.dashboard.Finding;
import org.backprop.visual.dashboard.FindingsSource;
import org.backprop.visual.dashboard.HeatmapGrid;
import org.backprop.visual.dashboard.LayerMatrix;
import org.backprop.visual.dashboard.LayerMatrixSource;
import org.backprop.visual.dashboard.LayerSeriesSource;
import org.backprop.visual.dashboard.TimeStepSource;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Adapts the telemetry engine ({@link SessionTelemetry}) and the diagnosis to the dashboard's
 * interfaces. Telemetry is written on the training thread; everything read here is published by
 * the telemetry classes themselves (volatile fields, synchronized {@link TimeSeries} and rings),
 * so the UI never takes a lock the training thread holds for long. The diagnosis runs at most
 * every {@link #DIAGNOSIS_EVERY_NANOS}, on its own low-priority daemon thread, never once per frame.
 */
final class TelemetrySources implements LayerSeriesSource, LayerMatrixSource, TimeStepSource, FindingsSource {
    static final long DIAGNOSIS_EVERY_NANOS = 500_000_000L;
    /**
     * Denser than {@link TelemetryConfig#defaults()} (every 20 / 200), which suits long headless
     * runs: a live heatmap needs columns, and the matrix view a fresh matrix every few frames.
     * The time steps stay at every 20: each costs about half to one training iteration (16% of
     * the iterations/s on elman-sine at every 5, 4% at every 20), and the view shows only the newest.
     */
    public static final TelemetryConfig CONFIG = TelemetryConfig.defaults().withSamplingInterval(5).withSnapshotInterval(50);

    private final Telemetry telemetry;
    private final Diagnosis diagnosis = Diagnosis.standard();
    private final FindingText text = new FindingText(Locale.getDefault());
    // Reader side (UI thread), guarded by this:
    private long diagnosedAt = Long.MIN_VALUE / 2;
    private long diagnosedIteration = -1;
    private boolean diagnosing;
    private volatile List<Finding> findings = List.of();
    private volatile long findingsVersion;

    TelemetrySources(Telemetry telemetry) {
        this.telemetry = telemetry;
    }

    static DashboardSources attach(TrainingSession session) {
        SessionTelemetry st = SessionTelemetry.attach(session, CONFIG);
        TelemetrySources s = new TelemetrySources(st.telemetry());
        return new DashboardSources(s, s, s, s);
    }

    Telemetry telemetry() {
        return telemetry;
    }

    @Override
    public long version() {
        // lastIteration moves every iteration; the layer list changes identity on bind/reset.
        return telemetry.lastIteration() * 31 + System.identityHashCode(telemetry.layers())
                + (telemetry.nonFinite().isPresent() ? 7 : 0) + findingsVersion * 1_000_003L;
    }

    // ---- LayerSeriesSource ---------------------------------------------------------------

    @Override
    public HeatmapGrid grid(Quantity quantity) {
        List<String> rows = new ArrayList<>();
        List<TimeSeries.Points> points = new ArrayList<>();
        java.util.Set<String> frozen = new java.util.HashSet<>();
        for (LayerTelemetry l : telemetry.layers()) {
            ParameterTelemetry w = l.parameters().get("W");
            if (w == null) continue;
            rows.add(l.id());
            if (l.frozen()) frozen.add(l.id());
            points.add((quantity == Quantity.GRADIENT_NORM ? w.gradientNorm() : w.updateRatioLog10()).points());
        }
        // Only iterations the listener has finished: while it records one layer after another,
        // a newer column would show some layers and not the rest.
        long done = telemetry.lastIteration();
        TreeSet<Long> its = new TreeSet<>();
        for (TimeSeries.Points p : points) for (long it : p.last()) if (it <= done) its.add(it);
        long[] columns = its.stream().mapToLong(Long::longValue).toArray();
        Map<Long, Integer> col = new HashMap<>();
        for (int c = 0; c < columns.length; c++) col.put(columns[c], c);
        double[][] values = new double[rows.size()][columns.length];
        for (int r = 0; r < rows.size(); r++) {
            java.util.Arrays.fill(values[r], Double.NaN);
            TimeSeries.Points p = points.get(r);
            for (int i = 0; i < p.size(); i++) {
                if (p.last()[i] > done) continue;
                double v = p.mean()[i];
                values[r][col.get(p.last()[i])] = quantity == Quantity.GRADIENT_NORM ? log10(v) : ratio(v);
            }
        }
        return new HeatmapGrid(rows, columns, values, frozen);
    }

    static double log10(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) return Double.POSITIVE_INFINITY;
        return v == 0 ? Double.NEGATIVE_INFINITY : Math.log10(Math.abs(v));
    }

    /** Already log10; NaN there means a non-finite update (or a zero parameter), drawn as non-finite. */
    private static double ratio(double v) {
        return Double.isNaN(v) ? Double.POSITIVE_INFINITY : v;
    }

    // ---- TimeStepSource ------------------------------------------------------------------

    /** Recurrent layers x time steps (0 = first), log10 ||dL/dh_t|| of each layer's newest sample. */
    @Override
    public HeatmapGrid grid() {
        List<String> rows = new ArrayList<>();
        List<double[]> newest = new ArrayList<>();
        int steps = 0;
        for (LayerTelemetry l : telemetry.layers()) {
            if (!l.recurrent()) continue;
            List<LayerTelemetry.TimeStepNorms> samples = l.timeStepNorms().toList();
            if (samples.isEmpty()) continue;
            double[] n = samples.get(samples.size() - 1).norms();
            rows.add(l.id());
            newest.add(n);
            steps = Math.max(steps, n.length);
        }
        long[] columns = new long[steps];
        for (int c = 0; c < steps; c++) columns[c] = c;
        double[][] values = new double[rows.size()][steps];
        for (int r = 0; r < rows.size(); r++) {
            java.util.Arrays.fill(values[r], Double.NaN);
            double[] n = newest.get(r);
            for (int c = 0; c < n.length; c++) values[r][c] = log10(n[c]);
        }
        return new HeatmapGrid(rows, columns, values);
    }

    // ---- LayerMatrixSource ---------------------------------------------------------------

    @Override
    public Optional<LayerMatrix> matrix(String layer, long iteration) {
        Optional<LayerTelemetry> l = telemetry.layer(layer);
        if (l.isEmpty()) return Optional.empty();
        List<GradientMatrix> ring = l.get().gradientMatrices().toList();
        if (ring.isEmpty()) return Optional.empty();
        GradientMatrix best = ring.get(0);
        for (GradientMatrix m : ring) if (m.iteration() <= iteration) best = m;
        return Optional.of(toLayerMatrix(layer, best));
    }

    /** Telemetry's matrix is inputs x units, row-major; the dashboard's is outputs x inputs. */
    static LayerMatrix toLayerMatrix(String layer, GradientMatrix m) {
        LayerMatrix lm = LayerMatrix.fromInputMajor(layer, m.iteration(), m.rows(), m.cols(), m.values());
        return new LayerMatrix(layer, m.iteration(), lm.outputs(), lm.inputs(), lm.values(), m.aggregated(),
                m.sourceCols(), m.sourceRows());
    }

    // ---- FindingsSource ------------------------------------------------------------------

    /**
     * The newest diagnosis; when it is older than {@link #DIAGNOSIS_EVERY_NANOS} and training has
     * moved on, a new one is started on {@link #DIAGNOSER} (never on the caller's, the FX, thread).
     */
    @Override
    public List<Finding> findings() {
        long now = System.nanoTime();
        long it = telemetry.lastIteration();
        synchronized (this) {
            if (!diagnosing && it != diagnosedIteration && now - diagnosedAt >= DIAGNOSIS_EVERY_NANOS) {
                diagnosing = true;
                diagnosedAt = now;
                diagnosedIteration = it;
                DIAGNOSER.execute(this::diagnose);
            }
        }
        return findings;
    }

    private void diagnose() {
        List<Finding> out = new ArrayList<>();
        try {
            for (org.backprop.engine.diagnosis.Finding f : diagnosis.findings(telemetry)) {
                List<String> fixes = new ArrayList<>();
                for (Fix x : f.fixes()) fixes.add(text.fix(x));
                out.add(new Finding(Finding.Severity.valueOf(f.severity().name()), text.title(f), text.message(f),
                        fixes, f.layers(), f.iteration()));
            }
        } finally {
            synchronized (this) {
                findings = List.copyOf(out);
                findingsVersion++;
                diagnosing = false;
            }
        }
    }

    private static final java.util.concurrent.Executor DIAGNOSER = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "dashboard-diagnosis");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        return t;
    });

    @Override
    public Optional<NonFinite> nonFinite() {
        return telemetry.nonFinite().map(TelemetrySources::toNonFinite);
    }

    private static NonFinite toNonFinite(NonFiniteEvent e) {
        String what = switch (e.source()) {
            case LOSS -> Messages.get("dashboard.nan.loss");
            case GRADIENTS -> Messages.get("dashboard.nan.gradient");
            case ACTIVATIONS -> Messages.get("dashboard.nan.activations");
            case PARAMETERS -> Messages.get("dashboard.nan.parameters");
        };
        return new NonFinite(e.iteration(), what, e.layer() == null ? "" : e.layer());
    }
}
