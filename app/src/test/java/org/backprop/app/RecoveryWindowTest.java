package org.backprop.app;

import javafx.scene.control.Button;
import javafx.stage.Stage;
import org.backprop.app.editor.Autosave;
import org.backprop.app.editor.RecentFiles;
import org.backprop.app.i18n.Messages;
import org.backprop.engine.project.LayerSpec;
import org.backprop.engine.project.NetworkSpec;
import org.backprop.engine.project.Project;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.prefs.Preferences;

import static org.backprop.app.FxTestSupport.*;
import static org.junit.jupiter.api.Assertions.*;

/** The start of the real window after a crash: the work left behind is offered back. */
class RecoveryWindowTest {
    @TempDir
    static Path dir;
    private static Stage stage;
    private static String prefsNode;
    private final FxRobot robot = new FxRobot();
    private WorkbenchApp app;
    private Path sample;
    private Project lost;
    private Path slot;

    @BeforeAll
    static void toolkit() throws Exception {
        System.setProperty(Autosave.DIR_PROPERTY, dir.resolve("autosave").toString());
        prefsNode = "org/backprop/workbench-test-recovery-" + ProcessHandle.current().pid();
        System.setProperty(RecentFiles.NODE_PROPERTY, prefsNode);
        stage = FxToolkit.registerPrimaryStage();
    }

    @AfterAll
    static void forget() throws Exception {
        Preferences.userRoot().node(prefsNode).removeNode();
    }

    /** A workbench that crashed with unsaved work: its slot, under a process id that no longer runs. */
    @BeforeEach
    void crash() throws Exception {
        sample = TestProjects.write(dir, "xor.bpw.json", Files.readString(TestProjects.xorSample()));
        Project p = TestProjects.xor();
        List<LayerSpec> layers = new ArrayList<>(p.network().layers());
        layers.set(1, layers.get(1).with("units", 7));
        lost = p.withNetwork(new NetworkSpec(layers, p.network().edges()));
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        new Autosave(dir.resolve("autosave"), gone.pid()).save(lost, sample);
        slot = dir.resolve("autosave").resolve("autosave-" + gone.pid() + ".bpw.json");
        assertTrue(Files.isRegularFile(slot));
        app = (WorkbenchApp) FxToolkit.setupApplication(() -> new WorkbenchApp(sample));
        waitUntil("the offer", () -> robot.lookup("#recover-dialog").tryQuery().isPresent());
    }

    @AfterEach
    void stop() throws Exception {
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
    }

    @Test
    void recoveredWorkIsEditedUnsavedUnderItsOriginalFile() throws Exception {
        clickButton(Messages.get("recover.recover"));
        waitUntil("recovered", () -> app.editor().project() != null);
        assertEquals(lost, onFx(() -> app.editor().project()));
        assertTrue(onFx(() -> app.editor().isDirty()));
        assertEquals(sample.toAbsolutePath(), onFx(() -> app.editor().fileProperty().get()));
        assertTrue(onFx(() -> stage.getTitle()).startsWith("*"));
        waitUntil("the slot taken", () -> !Files.exists(slot));
    }

    @Test
    void declinedWorkIsDeletedAndTheProjectOpensAsUsual() throws Exception {
        clickButton(Messages.get("recover.discard"));
        waitUntil("the sample open", () -> app.editor().project() != null);
        assertEquals(TestProjects.xor(), onFx(() -> app.editor().project()));
        assertFalse(onFx(() -> app.editor().isDirty()));
        assertFalse(Files.exists(slot));
    }

    private void clickButton(String text) {
        robot.clickOn(robot.lookup("#recover-dialog .button").queryAllAs(Button.class).stream()
                .filter(b -> text.equals(b.getText())).findFirst().orElseThrow());
    }
}
