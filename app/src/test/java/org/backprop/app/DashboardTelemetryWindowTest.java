package org.backprop.app;

import javafx.scene.control.Button;
import org.backprop.app.dashboard.DashboardView;
import org.backprop.engine.train.TrainingSession.State;
import org.backprop.visual.dashboard.Finding;
import org.backprop.visual.dashboard.GridHeatmap;
import org.backprop.visual.dashboard.HeatmapGrid;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.backprop.app.FxTestSupport.*;
import static org.junit.jupiter.api.Assertions.*;

/** The samples' lessons as the dashboard shows them, from the real telemetry and diagnosis (headless Monocle). */
class DashboardTelemetryWindowTest {
    private final FxRobot robot = new FxRobot();
    private WorkbenchApp app;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    private static Path sample(String name) {
        return TestProjects.xorSample().getParent().getParent().resolve(name).resolve(name + ".bpw.json");
    }

    private void open(Path project) throws Exception {
        app = (WorkbenchApp) FxToolkit.setupApplication(() -> new WorkbenchApp(project));
        waitUntil("the project open and Train enabled",
                () -> app.viewModel().projectProperty().get() != null && !button("#train").isDisabled(), 60);
        robot.clickOn("#tab-dashboard");
        waitUntil("the dashboard on screen", () -> dashboard().showingProperty().get(), 30);
    }

    @AfterEach
    void stop() throws Exception {
        if (app != null) FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
    }

    @Test
    void deepSigmoidShowsVanishingGradientsInTheEarlyLayers() throws Exception {
        open(sample("deep-sigmoid"));
        robot.clickOn("#train");
        waitUntil("a vanishing-gradients finding in the findings panel", () -> vanishing().isPresent(), 90);
        Finding f = onFx(this::vanishing).orElseThrow();
        assertTrue(f.layers().contains("h1") && f.layers().contains("h2"), "names the early layers: " + f.layers());
        assertFalse(f.layers().contains("output"), f.layers().toString());
        assertTrue(f.message().contains("h1"), f.message());
        assertFalse(f.fixes().isEmpty(), "suggests fixes");
        assertFalse(onFx(() -> timeSteps().isVisible()), "no recurrent layer: no time-step view");
        assertTrue(app.viewModel().stateProperty().get() != State.READY);
        if (onFx(() -> !button("#stop").isDisabled())) robot.clickOn("#stop");
    }

    @Test
    void explodingPausesAtTheFirstNanAndSaysWhereInPlainWords() throws Exception {
        open(sample("exploding"));
        robot.clickOn("#train");
        waitUntil("paused by the NaN, the banner showing", () -> app.viewModel().stateProperty().get() == State.PAUSED
                && dashboard().findings().showsNanBanner(), 60);
        String banner = onFx(() -> dashboard().findings().bannerText());
        assertTrue(banner.contains("NaN"), banner);
        assertTrue(banner.matches("(?s).*\\d+.*"), "names the iteration: " + banner);
        long pulse = onFx(() -> app.pump().pulses());
        waitUntil("ten more frames", () -> app.pump().pulses() >= pulse + 10, 30);
        assertEquals(State.PAUSED, app.viewModel().stateProperty().get(), "stays paused");
    }

    @Test
    void fineTuningDrawsTheFrozenLayersAsFrozenAndNeverCallsThemVanishing() throws Exception {
        open(sample("fashion-finetune"));
        assertEquals(java.util.List.of("hidden1", "hidden2"), onFx(() -> robot.lookup("#layer-table .frozen-layer").queryAll().stream()
                .map(n -> ((LayerRow) ((javafx.scene.control.TableCell<?, ?>) n).getTableRow().getItem()).id()).sorted().toList()),
                "the layer table shows the toggle");
        robot.clickOn("#train");
        waitUntil("the heatmap with a few sampled columns of all three layers",
                () -> dashboard().heatmap().rowCount() == 3 && dashboard().heatmap().gridProperty().get().columnCount() >= 3, 90);
        if (onFx(() -> !button("#stop").isDisabled())) robot.clickOn("#stop");
        assertEquals(java.util.Set.of("hidden1", "hidden2"), onFx(() -> dashboard().heatmap().frozenRows()), "the frozen rows");
        HeatmapGrid g = onFx(() -> dashboard().heatmap().gridProperty().get());
        for (int c = 0; c < g.columnCount(); c++) {
            assertEquals(Double.NEGATIVE_INFINITY, g.value(0, c), "a frozen layer's update: exactly zero");
            assertTrue(Double.isFinite(g.value(2, c)), "the head learns");
        }
        assertTrue(onFx(() -> dashboard().legend().frozenProperty().get()), "the legend explains the hatching");
        assertTrue(onFx(() -> dashboard().network().frozenConnections()) > 0, "connections into frozen layers drawn as frozen");
        long sampled = onFx(() -> dashboard().findings().findings().stream()
                .filter(f -> f.layers().contains("hidden1") || f.layers().contains("hidden2")).count());
        assertEquals(0, sampled, "no finding about a frozen layer: " + onFx(() -> dashboard().findings().findings()));
    }

    @Test
    void elmanSineDrawsTheGradientReachingEachTimeStepOfItsRecurrentLayer() throws Exception {
        open(sample("elman-sine"));
        assertFalse(onFx(() -> timeSteps().isVisible()), "nothing to draw before training");
        robot.clickOn("#train");
        waitUntil("the time-step view showing a row for the recurrent layer",
                () -> timeSteps().isVisible() && timeSteps().gridProperty().get().rowCount() > 0, 60);
        HeatmapGrid g = onFx(() -> timeSteps().gridProperty().get());
        assertEquals(List.of("hidden"), g.rows(), "the recurrent layer, not the output layer");
        assertEquals(32, g.columnCount(), "one column per time step of the 32-step sequences");
        for (int c = 0; c < g.columnCount(); c++) assertTrue(Double.isFinite(g.value(0, c)), "a norm at step " + c);
        assertTrue(onFx(() -> timeSteps().getHeight() > 0), "laid out on screen");
        String caption = onFx(() -> robot.lookup("#time-step-caption").queryAs(javafx.scene.control.Label.class).getText());
        assertTrue(caption.contains("time step") && caption.contains("(red)"), "says what the colours are: " + caption);
        javafx.scene.control.MenuItem csv = onFx(() -> robot.lookup(".export-menu").queryAllAs(javafx.scene.control.MenuButton.class).stream()
                .flatMap(b -> b.getItems().stream()).filter(i -> "export-time-steps-csv".equals(i.getId())).findFirst().orElseThrow());
        assertTrue(onFx(csv::isVisible), "the series behind the time-step view can be exported");
        java.io.StringWriter out = new java.io.StringWriter();
        org.backprop.visual.dashboard.Exports.csv(g, "time_step").writeTo(out);
        String[] lines = out.toString().split("\n");
        assertEquals("row,time_step,log10,value", lines[0]);
        assertEquals(1 + 32, lines.length, "a line per time step of the one recurrent layer");
        if (onFx(() -> !button("#stop").isDisabled())) robot.clickOn("#stop");
    }

    private GridHeatmap timeSteps() {
        return robot.lookup("#time-step-heatmap").queryAs(GridHeatmap.class);
    }

    private Optional<Finding> vanishing() {
        List<Finding> fs = dashboard().findings().findings();
        return fs.stream().filter(f -> f.title().toLowerCase().contains("vanishing")).findFirst();
    }

    private DashboardView dashboard() {
        return app.view().dashboard();
    }

    private Button button(String id) {
        return robot.lookup(id).queryAs(Button.class);
    }
}
