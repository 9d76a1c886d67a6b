package org.backprop.app;

import javafx.geometry.Point2D;
import javafx.scene.control.Button;
import javafx.stage.Stage;
import org.backprop.app.dashboard.DashboardView;
import org.backprop.engine.train.TrainingSession.State;
import org.backprop.visual.dashboard.CurveRun;
import org.backprop.visual.dashboard.HeatmapCell;
import org.backprop.visual.dashboard.HeatmapGrid;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

import java.nio.file.Path;
import java.util.List;

import static org.backprop.app.FxTestSupport.*;
import static org.junit.jupiter.api.Assertions.*;

/** The real window with its dashboard, headless on Monocle, clicked by TestFX's robot. */
class DashboardWindowTest {
    @TempDir
    static Path dir;
    private final FxRobot robot = new FxRobot();
    private WorkbenchApp app;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    private void open(Path project) throws Exception {
        app = (WorkbenchApp) FxToolkit.setupApplication(() -> new WorkbenchApp(project));
        waitUntil("the project open and Train enabled",
                () -> app.viewModel().projectProperty().get() != null
                        && app.viewModel().projectProperty().get().network().layers().size() == 3
                        && !button("#train").isDisabled());
        robot.clickOn("#tab-dashboard");
        waitUntil("the dashboard on screen", () -> dashboard().showingProperty().get());
    }

    @AfterEach
    void stop() throws Exception {
        if (app != null) FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
    }

    @Test
    void trainXorFromTheWindowAndPauseAndResumeTheDashboard() throws Exception {
        open(TestProjects.longXor(dir));
        robot.clickOn("#train");
        waitUntil("loss points drawn on the curves, and the heatmap sampling every layer",
                () -> lossPoints() > 0 && dashboard().curves().drawnPointCount() > 0
                        && grid().rowCount() == 2 && grid().columnCount() > 2);
        assertEquals(List.of("hidden", "output"), onFx(() -> grid().rows()), "one row per layer with weights");
        assertEquals(2, onFx(() -> dashboard().heatmap().rowCount()));
        waitUntil("the decision boundary of xor's plane", () -> dashboard().boundary().surfaceProperty().get() != null);
        waitUntil("the live weights styling the network", () -> dashboard().network().styledConnections() == 6 + 3);

        robot.clickOn("#pause");
        waitUntil("paused", () -> app.viewModel().stateProperty().get() == State.PAUSED);
        int heldPoints = onFx(this::lossPoints);
        long heldColumn = onFx(this::lastColumn);
        long pulse = onFx(() -> app.pump().pulses());
        waitUntil("ten more frames", () -> app.pump().pulses() >= pulse + 10);
        assertEquals(heldPoints, onFx(this::lossPoints), "no new curve points while paused");
        assertEquals(heldColumn, onFx(this::lastColumn), "no new heatmap column while paused");

        // Paused, the grid holds still: a click on a cell selects that layer and iteration; the matrix follows.
        Point2D cell = onFx(() -> {
            double[] p = dashboard().heatmap().cellCentre(1, 0);
            return dashboard().heatmap().canvas().localToScreen(p[0], p[1]);
        });
        long firstColumn = onFx(() -> grid().columns()[0]);
        robot.clickOn(cell);
        assertEquals(new HeatmapCell("output", firstColumn), onFx(() -> dashboard().heatmap().selectionProperty().get()));
        waitUntil("the output layer's gradient matrix", () -> dashboard().matrix().matrixProperty().get() != null
                && dashboard().matrix().matrixProperty().get().layer().equals("output"));
        assertEquals(1, onFx(() -> dashboard().matrix().matrixProperty().get().outputs()), "xor's output: 1 unit x 2 inputs");

        robot.clickOn("#train");
        waitUntil("the curves and the heatmap move on after resuming",
                () -> lossPoints() > heldPoints && lastColumn() > heldColumn);
        robot.clickOn("#stop");
        waitUntil("stopped", () -> app.viewModel().stateProperty().get() == State.STOPPED);
    }

    @Test
    void aNanPausesTheRunAndTheFindingsSaySo() throws Exception {
        open(TestProjects.divergingXor(dir));
        robot.clickOn("#train");
        waitUntil("paused by the NaN", () -> app.viewModel().stateProperty().get() == State.PAUSED
                && dashboard().findings().showsNanBanner());
        String banner = onFx(() -> dashboard().findings().bannerText());
        assertTrue(banner.contains("NaN"), banner);
    }

    private DashboardView dashboard() {
        return app.view().dashboard();
    }

    private HeatmapGrid grid() {
        return dashboard().heatmap().gridProperty().get();
    }

    private long lastColumn() {
        HeatmapGrid g = grid();
        return g.columnCount() == 0 ? 0 : g.columns()[g.columnCount() - 1];
    }

    private int lossPoints() {
        List<CurveRun> runs = dashboard().viewModel().runs();
        return runs.isEmpty() ? 0 : runs.get(runs.size() - 1).series(CurveRun.Series.MINIBATCH_LOSS).size();
    }

    private Button button(String id) {
        return robot.lookup(id).queryAs(Button.class);
    }
}
