package org.backprop.app;

import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.backprop.app.editor.Autosave;
import org.backprop.app.editor.RecentFiles;
import org.backprop.app.i18n.Messages;
import org.backprop.engine.project.DataSpec;
import org.backprop.engine.project.Project;
import org.backprop.engine.project.ProjectFiles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.prefs.Preferences;

import static org.backprop.app.FxTestSupport.*;
import static org.junit.jupiter.api.Assertions.*;

/** The data-set panel in the real window, headless on Monocle. */
class DataSetWindowTest {
    @TempDir
    static Path dir;
    private static Stage stage;
    private static final String PREFS_NODE = "org/backprop/workbench-test-data-" + ProcessHandle.current().pid();
    private final FxRobot robot = new FxRobot();
    private WorkbenchApp app;

    @BeforeAll
    static void toolkit() throws Exception {
        System.setProperty(Autosave.DIR_PROPERTY, dir.resolve("autosave").toString());
        System.setProperty(RecentFiles.NODE_PROPERTY, PREFS_NODE);
        stage = FxToolkit.registerPrimaryStage();
    }

    @AfterAll
    static void forget() throws Exception {
        Preferences.userRoot().node(PREFS_NODE).removeNode();
    }

    private void open(Path project) throws Exception {
        app = (WorkbenchApp) FxToolkit.setupApplication(() -> new WorkbenchApp(project));
        waitUntil("the project open", () -> app.editor().project() != null);
        onFx(() -> app.view().showDataPanel());
    }

    @AfterEach
    void stop() throws Exception {
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
    }

    @Test
    void showsTheXorSampleAndEditsItsDataUndoably() throws Exception {
        open(TestProjects.xorSample());
        waitUntil("the four rows of the truth table", () -> text("#data-examples").equals("4"));
        assertEquals("2", text("#data-features"));
        assertEquals("1", text("#data-outputs"));
        assertEquals(Messages.format("data.split.value", 4, 0), text("#data-split"), "xor-gate holds nothing out");
        assertEquals("xor-gate", onFx(() -> source().getValue()));
        assertTrue(onFx(() -> robot.lookup("#data-preview").query().isVisible()), "two features: a scatter preview");
        assertTrue(onFx(() -> robot.lookup("#data-noise").queryAs(TextField.class).isDisabled()), "the truth table has no noise");

        // Another source, through the undoable command stack.
        onFx(() -> source().setValue("circle"));
        onFx(() -> source().getOnAction().handle(new javafx.event.ActionEvent()));
        waitUntil("400 generated points", () -> text("#data-examples").equals("400"));
        assertEquals(Messages.format("data.split.value", 400, 0), text("#data-split"), "the split stays as it was");
        assertEquals("circle", onFx(() -> app.editor().project().data().source()));
        assertEquals(Messages.get("command.data.source"), onFx(() -> app.editor().commands().undoDescriptionProperty().get()));
        assertTrue(onFx(() -> app.editor().isDirty()));

        TextField split = robot.lookup("#data-test-fraction").queryAs(TextField.class);
        robot.clickOn(split).press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL).write("0.2").type(KeyCode.ENTER);
        waitUntil("a fifth held out", () -> text("#data-split").equals(Messages.format("data.split.value", 320, 80)));

        TextField noise = robot.lookup("#data-noise").queryAs(TextField.class);
        robot.clickOn(noise).press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL).write("0.3").type(KeyCode.ENTER);
        waitUntil("noise 0.3 in the project", () -> Double.valueOf(0.3).equals(app.editor().project().data().noise()));
        robot.clickOn(noise).press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL).write("-1").type(KeyCode.ENTER);
        waitUntil("a negative noise refused", () -> text("#data-field-error").equals(Messages.get("data.error.noise")));
        assertEquals(0.3, onFx(() -> app.editor().project().data().noise()));

        onFx(() -> app.editor().undo());
        waitUntil("noise back to 0.1", () -> Double.valueOf(0.1).equals(app.editor().project().data().noise())
                && robot.lookup("#data-noise").queryAs(TextField.class).getText().equals("0.1"));
        onFx(() -> app.editor().undo());
        waitUntil("nothing held out again", () -> text("#data-split").equals(Messages.format("data.split.value", 400, 0)));
        onFx(() -> app.editor().undo());
        waitUntil("xor-gate again, four rows", () -> "xor-gate".equals(source().getValue()) && text("#data-examples").equals("4"));
        assertFalse(onFx(() -> app.editor().isDirty()), "undone back to the file");
        onFx(() -> app.editor().redo());
        waitUntil("redone: circle", () -> text("#data-examples").equals("400"));
    }

    @Test
    void aCsvWithAMissingColumnShowsTheDataLayersMessage() throws Exception {
        Files.writeString(dir.resolve("points.csv"), "x,y,label\n0,0,a\n0,1,b\n1,0,b\n1,1,a\n0.5,0.5,a\n");
        Project xor = ProjectFiles.read(TestProjects.xorSample());
        Path f = dir.resolve("csv.bpw.json");
        ProjectFiles.write(xor.withData(DataSpec.builder("csv").path("points.csv").features(List.of("x", "z")).label("label").build()), f);
        open(f);
        waitUntil("the error", () -> robot.lookup("#data-error").queryAs(Label.class).isVisible());
        String message = text("#data-error");
        assertTrue(message.contains("points.csv") && message.contains("no column \"z\"") && message.contains("x, y, label"),
                "says which file, which column, and which there are: " + message);
        assertEquals("\u2014", text("#data-examples"), "no counts for data that did not load");
    }

    @SuppressWarnings("unchecked")
    private ComboBox<String> source() {
        return robot.lookup("#data-source").queryAs(ComboBox.class);
    }

    private String text(String id) throws Exception {
        return onFx(() -> robot.lookup(id).queryAs(Label.class).getText());
    }
}
