package org.backprop.bench;

import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.backprop.app.WorkbenchApp;
import org.backprop.app.WorkbenchViewModel;
import org.backprop.engine.data.PreparedData;
import org.backprop.engine.data.ProjectData;
import org.backprop.engine.project.Project;
import org.backprop.engine.project.ProjectFiles;
import org.backprop.engine.runtime.Nd4jRuntime;
import org.backprop.engine.train.MetricsLog;
import org.backprop.engine.train.TrainingSession;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * How the window holds up while a project trains at full speed, and what the window costs the
 * training, in one JVM with rounds alternating so that machine noise hits every way alike:
 * <ul>
 *   <li>{@code headless}: a TrainingSession alone, no window work;</li>
 *   <li>{@code window-network}: the real workbench window open on its Network tab (dashboard hidden);</li>
 *   <li>{@code window-dashboard}: the same window showing the training dashboard.</li>
 * </ul>
 * Each round trains from the seeded start for a fixed time after a short warm-up, and counts the
 * iterations the metrics log gained. In the window rounds every JavaFX pulse's timestamp is
 * recorded: the gaps between pulses are the frame times (16.7 ms at 60 Hz when the UI thread keeps
 * up). Wall-clock gaps also count every time another process held the CPU, so each pulse also
 * records the CPU time the UI thread and the render thread spent since the previous one: what the
 * window itself costs per frame, whatever else runs on the machine. Needs a display (Xvfb).
 *
 * <pre>java -cp ... org.backprop.bench.DashboardFrameTimes PROJECT SECONDS ROUNDS</pre>
 */
public final class DashboardFrameTimes {
    private static final long WARM_UP_MS = 2_000;

    public static void main(String[] args) throws Exception {
        Nd4jRuntime.configure();
        Path file = Path.of(args[0]).toAbsolutePath();
        double seconds = Double.parseDouble(args[1]);
        int rounds = Integer.parseInt(args[2]);
        Project original = ProjectFiles.read(file);
        // Train "forever": the rounds stop it. The copy lives beside the original for its relative data paths.
        Project project = original.withTraining(original.training().withEpochs(1_000_000));
        Path copy = file.resolveSibling(".bench-" + file.getFileName());
        ProjectFiles.write(project, copy);
        copy.toFile().deleteOnExit();
        PreparedData data = ProjectData.load(project, file.getParent());
        int rows = data.train().numExamples();
        double perEpoch = Math.ceil((double) rows / project.training().batchSize());
        System.err.printf(Locale.ROOT, "%s: %d training rows, batch %d; %s s a round after %d ms warm-up, %d rounds; %s; prism %s%n",
                project.name(), rows, project.training().batchSize(), seconds, WARM_UP_MS, rounds, Nd4jRuntime.start(),
                System.getProperty("prism.order", "default"));

        CompletableFuture<WorkbenchApp> started = new CompletableFuture<>();
        Platform.startup(() -> {
            try {
                WorkbenchApp app = new WorkbenchApp(copy);
                app.start(new Stage());
                started.complete(app);
            } catch (Exception e) {
                started.completeExceptionally(e);
            }
        });
        WorkbenchApp app = started.get(60, TimeUnit.SECONDS);
        WorkbenchViewModel vm = app.viewModel();
        waitFor("the project open and ND4J up", () -> onFx(() -> vm.canTrainProperty().get()), 120);
        FrameRecorder frames = new FrameRecorder();
        onFx(() -> { frames.start(); return null; });

        double[] headless = new double[rounds];
        double[] network = new double[rounds];
        double[] dashboard = new double[rounds];
        Frames dashboardFrames = new Frames();
        Frames networkFrames = new Frames();
        headless(project, data, 1, perEpoch, rows); // warm-up: JIT, native libraries
        window(app, false, 1, perEpoch, rows, frames, new Frames());
        for (int r = 0; r < rounds; r++) {
            headless[r] = headless(project, data, seconds, perEpoch, rows);
            network[r] = window(app, false, seconds, perEpoch, rows, frames, networkFrames);
            dashboard[r] = window(app, true, seconds, perEpoch, rows, frames, dashboardFrames);
            System.err.printf(Locale.ROOT, "round %d: headless %.0f, window-network %.0f, window-dashboard %.0f samples/s%n",
                    r + 1, headless[r], network[r], dashboard[r]);
        }
        Arrays.sort(headless);
        Arrays.sort(network);
        Arrays.sort(dashboard);
        double base = Stopwatch.median(headless);
        System.out.printf(Locale.ROOT, "%-17s %12s %10s%n", "way", "samples/s", "vs headless");
        for (String[] row : new String[][]{{"headless", ""}, {"window-network", ""}, {"window-dashboard", ""}}) {
            double v = Stopwatch.median(row[0].equals("headless") ? headless : row[0].equals("window-network") ? network : dashboard);
            System.out.printf(Locale.ROOT, "%-17s %12.0f %9.2fx%n", row[0], v, v / base);
        }
        System.out.printf(Locale.ROOT, "%nms per frame while training at full speed: wall = gap between JavaFX pulses; "
                + "ui/render cpu = CPU time of the JavaFX thread / the render thread in that gap%n");
        System.out.printf(Locale.ROOT, "%-26s %7s %6s %6s %6s %6s %6s %7s%n", "window", "frames", "p50", "p90", "p99", "max", "mean", ">33 ms");
        report("network tab, wall", networkFrames.wall);
        report("network tab, ui cpu", networkFrames.ui);
        report("network tab, render cpu", networkFrames.render);
        report("dashboard tab, wall", dashboardFrames.wall);
        report("dashboard tab, ui cpu", dashboardFrames.ui);
        report("dashboard tab, render cpu", dashboardFrames.render);
        System.out.printf(Locale.ROOT, "load average at the end: %.2f (%d cores)%n",
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Runtime.getRuntime().availableProcessors());
        Platform.exit();
        System.exit(0);
    }

    /** Samples per second of a session with no window work at all. */
    private static double headless(Project project, PreparedData data, double seconds, double perEpoch, int rows) throws Exception {
        try (TrainingSession s = new TrainingSession(project, data)) {
            s.start();
            return measure(s.metrics(), seconds, perEpoch, rows, () -> {});
        }
    }

    /** Samples per second with the window open on one of its tabs; pulse gaps go to {@code frameTimes}. */
    private static double window(WorkbenchApp app, boolean dashboard, double seconds, double perEpoch, int rows,
                                 FrameRecorder frames, Frames frameTimes) throws Exception {
        WorkbenchViewModel vm = app.viewModel();
        onFx(() -> {
            if (dashboard) app.view().showDashboard();
            else app.view().showNetwork();
            if (vm.canResetProperty().get()) vm.reset();
            return null;
        });
        waitFor("ready to train", () -> onFx(() -> vm.canTrainProperty().get() && vm.iterationProperty().get() == 0), 60);
        onFx(() -> { vm.train(); return null; });
        // The window builds its session from the edited project in the background on Train.
        waitFor("the session built", () -> onFx(() -> vm.sessionProperty().get() != null), 120);
        TrainingSession s = onFx(() -> vm.sessionProperty().get());
        double rate = measure(s.metrics(), seconds, perEpoch, rows, () -> onFx(() -> { frames.clear(); return null; }));
        onFx(() -> { frames.drainInto(frameTimes); return null; });
        onFx(() -> { vm.pause(); return null; });
        waitFor("paused", () -> s.state() == TrainingSession.State.PAUSED, 60);
        return rate;
    }

    /** Waits out the warm-up, then counts iterations for {@code seconds}. */
    private static double measure(MetricsLog log, double seconds, double perEpoch, int rows, ThrowingRunnable atStart) throws Exception {
        waitFor("training started", () -> log.size() > 0, 120);
        Thread.sleep(WARM_UP_MS);
        atStart.run();
        int i0 = log.size();
        long t0 = System.nanoTime();
        Thread.sleep((long) (seconds * 1000));
        int i1 = log.size();
        long t1 = System.nanoTime();
        return (i1 - i0) / perEpoch * rows / ((t1 - t0) / 1e9);
    }

    private static void report(String name, List<Double> gaps) {
        if (gaps.isEmpty()) return;
        double[] g = gaps.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        long over = Arrays.stream(g).filter(x -> x > 33).count();
        System.out.printf(Locale.ROOT, "%-26s %7d %6.1f %6.1f %6.1f %6.1f %6.1f %6.2f%%%n", name, g.length,
                pct(g, 0.5), pct(g, 0.9), pct(g, 0.99), g[g.length - 1], Arrays.stream(g).average().orElse(0), 100.0 * over / g.length);
    }

    private static double pct(double[] sorted, double p) {
        return sorted[(int) Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
    }

    /** Per-frame figures of one way, in ms. */
    private static final class Frames {
        final List<Double> wall = new ArrayList<>();
        final List<Double> ui = new ArrayList<>();
        final List<Double> render = new ArrayList<>();
    }

    /**
     * Records, at every pulse (on the FX thread), the time and the CPU time of the FX thread and of
     * JavaFX's render thread so far.
     */
    private static final class FrameRecorder extends AnimationTimer {
        private final java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        private long[] stamps = new long[1 << 16];
        private long[] uiCpu = new long[1 << 16];
        private long[] renderCpu = new long[1 << 16];
        private int n;
        private long renderThread = -1;

        @Override
        public void handle(long now) {
            if (renderThread < 0) {
                for (Thread t : Thread.getAllStackTraces().keySet()) if (t.getName().startsWith("QuantumRenderer")) renderThread = t.getId();
            }
            if (n == stamps.length) {
                stamps = Arrays.copyOf(stamps, n * 2);
                uiCpu = Arrays.copyOf(uiCpu, n * 2);
                renderCpu = Arrays.copyOf(renderCpu, n * 2);
            }
            stamps[n] = now;
            uiCpu[n] = cpu.getCurrentThreadCpuTime();
            renderCpu[n] = renderThread < 0 ? 0 : cpu.getThreadCpuTime(renderThread);
            n++;
        }

        void clear() {
            n = 0;
        }

        void drainInto(Frames f) {
            for (int i = 1; i < n; i++) {
                f.wall.add((stamps[i] - stamps[i - 1]) / 1e6);
                f.ui.add((uiCpu[i] - uiCpu[i - 1]) / 1e6);
                f.render.add((renderCpu[i] - renderCpu[i - 1]) / 1e6);
            }
            n = 0;
        }
    }

    @FunctionalInterface
    private interface ThrowingRunnable {
        void run() throws Exception;
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> c) throws Exception {
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(c.call());
            } catch (Throwable t) {
                f.completeExceptionally(t);
            }
        });
        return f.get(30, TimeUnit.SECONDS);
    }

    private static void waitFor(String what, ThrowingBoolean condition, int seconds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!condition.get()) {
            if (System.nanoTime() > deadline) throw new IllegalStateException("timed out waiting for " + what);
            Thread.sleep(20);
        }
    }

    @FunctionalInterface
    private interface ThrowingBoolean {
        boolean get() throws Exception;
    }
}
