package org.backprop.app;

import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.backprop.app.editor.Autosave;
import org.backprop.app.editor.RecentFiles;
import org.backprop.app.i18n.Messages;
import org.backprop.engine.train.TrainingSession.State;
import org.backprop.visual.chart.LossChart;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

import java.nio.file.Path;

import static org.backprop.app.FxTestSupport.*;
import static org.junit.jupiter.api.Assertions.*;

/** The real window, headless on Monocle, clicked by TestFX's robot. */
class WorkbenchWindowTest {
    @TempDir
    static Path dir;
    private static Stage stage;
    private static final String PREFS_NODE = "org/backprop/workbench-test-window-" + ProcessHandle.current().pid();
    private final FxRobot robot = new FxRobot();
    private WorkbenchApp app;

    @BeforeAll
    static void toolkit() throws Exception {
        // A fresh autosave folder: a slot left by another run must not greet this test with a dialog.
        System.setProperty(Autosave.DIR_PROPERTY, dir.resolve("autosave").toString());
        System.setProperty(RecentFiles.NODE_PROPERTY, PREFS_NODE);
        stage = FxToolkit.registerPrimaryStage();
    }

    @AfterAll
    static void forget() throws Exception {
        java.util.prefs.Preferences.userRoot().node(PREFS_NODE).removeNode();
    }

    @BeforeEach
    void start() throws Exception {
        Path project = TestProjects.longXor(dir);
        app = (WorkbenchApp) FxToolkit.setupApplication(() -> new WorkbenchApp(project));
        waitUntil("three layers listed and Train enabled",
                () -> table().getItems().size() == 3 && !button("#train").isDisabled());
    }

    @AfterEach
    void stop() throws Exception {
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
    }

    @Test
    void trainPauseAndResume() throws Exception {
        assertEquals(3, onFx(() -> table().getItems().size()));
        assertTrue(onFx(() -> stage.getTitle()).contains("XOR"));
        assertFalse(onFx(() -> text("#status-backend")).equals(Messages.get("status.starting")));

        robot.clickOn("#train");
        waitUntil("points on the chart, an iteration in the status bar, Pause enabled",
                () -> chart().lossPointCount() > 0 && statusIteration() > 0 && !button("#pause").isDisabled());

        robot.clickOn("#pause");
        waitUntil("paused", () -> app.viewModel().stateProperty().get() == State.PAUSED);
        int held = onFx(() -> chart().lossPointCount());
        long pulse = onFx(() -> app.pump().pulses());
        waitUntil("ten more frames", () -> app.pump().pulses() >= pulse + 10);
        assertEquals(held, onFx(() -> chart().lossPointCount()), "no new points while paused");
        assertEquals(held, onFx(this::statusIteration), "the status bar shows the last iteration");
        assertEquals(Messages.get("toolbar.resume"), onFx(() -> button("#train").getText()));

        robot.clickOn("#train");
        waitUntil("more points after resuming", () -> chart().lossPointCount() > held);

        robot.clickOn("#stop");
        waitUntil("stopped", () -> app.viewModel().stateProperty().get() == State.STOPPED);
    }

    @Test
    void aBrokenProjectShowsItsMessageAndKeepsTheOpenOne() throws Exception {
        Path broken = TestProjects.write(dir, "broken.bpw.json", "{\"format\": \"backprop-workbench/project\",\n \"version\": 1,\n \"name\": [");
        onFx(() -> app.viewModel().open(broken));
        waitUntil("the problem dialog", () -> robot.lookup("#problem-message").tryQuery().isPresent());
        String message = onFx(() -> robot.lookup("#problem-message").queryAs(TextArea.class).getText());
        assertTrue(message.contains("broken.bpw.json"), message);
        assertFalse(message.contains("\tat "), "no stack trace");

        robot.clickOn(robot.lookup("#problem-dialog .button").queryAs(Button.class));
        waitUntil("the dialog closed", () -> Window.getWindows().size() == 1);
        assertTrue(onFx(() -> stage.getTitle()).contains("XOR"));
        assertEquals(3, onFx(() -> table().getItems().size()));
        assertNull(onFx(() -> app.viewModel().problemProperty().get()));
    }

    @SuppressWarnings("unchecked")
    private TableView<LayerRow> table() {
        return robot.lookup("#layer-table").queryAs(TableView.class);
    }

    private Button button(String id) {
        return robot.lookup(id).queryAs(Button.class);
    }

    private LossChart chart() {
        return robot.lookup("#loss-chart").queryAs(LossChart.class);
    }

    private String text(String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    /** The number in "Iteration 1,234", whatever the locale's grouping. */
    private int statusIteration() {
        String digits = text("#status-iteration").replaceAll("\\D", "");
        return digits.isEmpty() ? 0 : Integer.parseInt(digits);
    }
}
