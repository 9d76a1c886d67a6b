package org.backprop.app;

import org.backprop.app.dashboard.DashboardSources;
import org.backprop.app.dashboard.DashboardViewModel;
import org.backprop.engine.runtime.Nd4jRuntime;
import org.backprop.engine.train.TrainingSession.State;
import org.backprop.visual.dashboard.CurveRun;
import org.backprop.visual.dashboard.EdgeStyling;
import org.backprop.visual.fx.FrameCoalescer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The dashboard's view model without a toolkit: this thread plays the FX thread and runs the
 * frames; ND4J, training and the gradient probe are real.
 */
class DashboardViewModelTest {
    private static ExecutorService background;
    @TempDir
    Path dir;
    private FrameCoalescer ui;
    private WorkbenchViewModel vm;
    private DashboardViewModel dash;

    @BeforeAll
    static void runtime() {
        Nd4jRuntime.configure();
        background = BackgroundThreads.create();
    }

    @AfterAll
    static void shutdown() {
        background.shutdownNow();
    }

    @BeforeEach
    void create() {
        ui = new FrameCoalescer();
        vm = new WorkbenchViewModel(ui, background, new MemoryProbe());
        dash = new DashboardViewModel(ui, background, vm, DashboardSources::telemetry);
        dash.activeProperty().set(true);
    }

    @AfterEach
    void close() {
        vm.close();
    }

    private void frameUntil(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (true) {
            ui.frame();
            if (condition.getAsBoolean()) return;
            if (System.nanoTime() > deadline) fail("timed out waiting for: " + what);
            LockSupport.parkNanos(1_000_000);
        }
    }

    private CurveRun current() {
        return dash.runs().get(dash.runs().size() - 1);
    }

    @Test
    void aFinishedRunStaysForComparisonAndTheNextIsNamedByWhatChanged() throws Exception {
        vm.startRuntime(Nd4jRuntime::start);
        vm.open(TestProjects.xorSample());
        frameUntil("project open and ND4J up", () -> vm.canTrainProperty().get());
        assertEquals(1, dash.runs().size());
        assertEquals(vm.projectProperty().get().name(), current().description(), "the first run is named after the project");

        vm.train();
        frameUntil("finished, every point on the curves, the final snapshot in",
                () -> vm.stateProperty().get() == State.FINISHED && current().series(CurveRun.Series.MINIBATCH_LOSS).size() == 500
                        && dash.surfaceProperty().get() != null && dash.confusionProperty().get() != null
                        && dash.confusionProperty().get().iteration() == 500);
        assertFalse(current().series(CurveRun.Series.VALIDATION_LOSS).size() == 0, "the engine's evaluations");
        assertTrue(current().series(CurveRun.Series.TRAIN_ACCURACY).size() > 0, "accuracy on the training part from snapshots");
        assertEquals(2, dash.heatmapProperty().get().rowCount());
        // Telemetry samples iteration 1 and every 5th (TelemetrySources.CONFIG): 101 columns for 500.
        assertTrue(dash.heatmapProperty().get().columnCount() >= 100, "sampled iterations");
        assertEquals(1.0, dash.confusionProperty().get().accuracy(), "xor learned");
        assertEquals(72 * 72, dash.surfaceProperty().get().nx() * dash.surfaceProperty().get().ny());

        frameUntil("weights for the network view", () -> !dash.edgeStylingProperty().get().isEmpty());
        dash.edgeModeProperty().set(EdgeStyling.Mode.GRADIENT);
        frameUntil("gradients for the network view", () -> dash.edgeStylingProperty().get().mode() == EdgeStyling.Mode.GRADIENT
                && dash.edgeStylingProperty().get().style("output", 0, 0).isPresent());

        vm.reset();
        frameUntil("a second run after the reset", () -> dash.runs().size() == 2 && vm.stateProperty().get() == State.READY);
        assertEquals(500, dash.runs().get(0).series(CurveRun.Series.MINIBATCH_LOSS).size(), "the first run is kept");
        assertEquals(0, current().series(CurveRun.Series.MINIBATCH_LOSS).size());
        assertEquals("same settings", current().description());
        assertEquals(0, dash.heatmapProperty().get().columnCount(), "the heatmap starts over");

        // The same project opened again before the empty run trained: it takes that run's place.
        var before = current();
        vm.open(TestProjects.xorSample());
        frameUntil("the project open again", () -> current() != before && vm.canTrainProperty().get());
        assertEquals(2, dash.runs().size(), "an empty run is replaced, not piled up");
        assertEquals(2, current().number());
        assertEquals("same settings", current().description());
    }
}
