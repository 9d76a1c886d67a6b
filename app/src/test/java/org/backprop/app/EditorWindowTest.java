package org.backprop.app;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.backprop.app.editor.Autosave;
import org.backprop.app.editor.EditorView;
import org.backprop.app.editor.EditorViewModel;
import org.backprop.app.editor.RecentFiles;
import org.backprop.app.i18n.Messages;
import org.backprop.engine.project.LayerSpec;
import org.backprop.engine.project.Project;
import org.backprop.engine.project.ProjectFiles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;

import static org.backprop.app.FxTestSupport.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * The network editor in the real window, headless on Monocle, used with TestFX's robot: clicks
 * on the palette, drags between ports, keys and typing in the property sheet.
 */
class EditorWindowTest {
    @TempDir
    static Path dir;
    private static Stage stage;
    private static String prefsNode;
    private final FxRobot robot = new FxRobot();
    private WorkbenchApp app;

    @BeforeAll
    static void toolkit() throws Exception {
        // Nothing of the user's: autosave slots and recent files in places of this test's own.
        System.setProperty(Autosave.DIR_PROPERTY, dir.resolve("autosave").toString());
        prefsNode = "org/backprop/workbench-test-" + ProcessHandle.current().pid();
        System.setProperty(RecentFiles.NODE_PROPERTY, prefsNode);
        stage = FxToolkit.registerPrimaryStage();
    }

    @AfterAll
    static void forget() throws Exception {
        Preferences.userRoot().node(prefsNode).removeNode();
    }

    @BeforeEach
    void start() throws Exception {
        Path project = TestProjects.write(dir, "xor.bpw.json", Files.readString(TestProjects.xorSample()));
        app = (WorkbenchApp) FxToolkit.setupApplication(() -> new WorkbenchApp(project));
        waitUntil("the xor sample in the editor, sizes known, Train enabled",
                () -> editor().project() != null && editor().analysed() && app.viewModel().canTrainProperty().get());
    }

    @AfterEach
    void stop() throws Exception {
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
    }

    @Test
    void buildANetworkByClicksSaveItReopenItAndGetTheSameProject() throws Exception {
        press(KeyCode.CONTROL, KeyCode.N);
        waitUntil("a new, empty project", () -> editor().project().network().layers().isEmpty());

        robot.clickOn("#palette-input");
        robot.clickOn("#palette-dense");
        robot.clickOn("#palette-output");
        waitUntil("three cards", () -> robot.lookup("#card-output").tryQuery().isPresent());
        assertEquals(List.of("input", "dense1", "output"), ids());
        assertEquals(List.of("input->dense1", "dense1->output"), edges());

        // Disconnect: click the edge, press Delete. Connect again: drag from a port to a card.
        robot.clickOn("#link-dense1-output");
        waitUntil("the edge selected", () -> editor().selectionProperty().get().edge() == 1);
        press(KeyCode.DELETE);
        waitUntil("the edge gone", () -> edges().equals(List.of("input->dense1")));
        dragFromPortTo("#port-out-dense1", "#card-output");
        waitUntil("connected again", () -> edges().equals(List.of("input->dense1", "dense1->output")));

        // A loop back from the output: a feedback edge (a Jordan loop), which compiles without a problem.
        dragFromPortTo("#port-out-output", "#card-dense1");
        waitUntil("a feedback edge", () -> edges().contains("output~>dense1"));
        waitUntil("analysed with the loop, no problem listed", () -> editor().analysed() && problemsList().getItems().isEmpty());
        press(KeyCode.CONTROL, KeyCode.Z);
        waitUntil("the loop undone", () -> !edges().contains("output~>dense1"));

        robot.clickOn("#card-dense1");
        typeInto("units", "8");
        robot.clickOn("#card-output");
        typeInto("units", "3");
        typeInto("units", "2");
        waitUntil("sizes from the compiler", () -> editor().analysed() && editor().totalParametersProperty().get() > 0);
        assertEquals(2 * 8 + 8 + 8 * 2 + 2, editor().totalParametersProperty().get());
        assertTrue(onFx(() -> text("#status-params")).replaceAll("\\D", "").equals("42"), onFx(() -> text("#status-params")));
        assertTrue(onFx(() -> problemsList().getItems().isEmpty()), onFx(() -> problemsList().getItems().toString()));
        assertTrue(onFx(() -> stage.getTitle()).startsWith("*"), "unsaved changes show in the title");

        Project built = onFx(() -> editor().project());
        Path file = dir.resolve("built.bpw.json");
        onFx(() -> editor().save(file, () -> {}));
        waitUntil("saved", () -> !editor().isDirty() && file.equals(editor().fileProperty().get()));
        assertFalse(onFx(() -> stage.getTitle()).startsWith("*"));
        assertEquals(built, ProjectFiles.read(file));

        press(KeyCode.CONTROL, KeyCode.N);
        waitUntil("a new project", () -> editor().project().network().layers().isEmpty());
        onFx(() -> editor().open(file, () -> {}));
        waitUntil("reopened", () -> file.equals(editor().fileProperty().get()) && !editor().project().network().layers().isEmpty());
        assertEquals(built, onFx(() -> editor().project()));
        assertTrue(onFx(() -> editor().recentFiles().get(0)).endsWith("built.bpw.json"));
    }

    @Test
    void undoAndRedoASequenceOfEditsBackToTheStart() throws Exception {
        Project original = onFx(() -> editor().project());
        robot.clickOn("#card-hidden");
        robot.clickOn("#palette-dense");                         // 1: add after the selection
        waitUntil("added", () -> ids().contains("dense1"));
        typeInto("units", "5");                                   // 2: a property
        dragFromPortTo("#port-out-dense1", "#card-dense1");       // 3: a self-loop
        waitUntil("looped", () -> edges().contains("dense1~>dense1"));
        robot.drag("#card-input", MouseButton.PRIMARY).moveBy(0, 60).release(MouseButton.PRIMARY); // 4: move
        waitUntil("moved", () -> editor().project().network().layer("input").orElseThrow().position() != null);
        robot.clickOn("#card-hidden");
        press(KeyCode.DELETE);                                    // 5: delete, bridged
        waitUntil("deleted", () -> !ids().contains("hidden"));
        assertEquals(List.of("input->dense1", "dense1->output", "dense1~>dense1"), edges());
        Project edited = onFx(() -> editor().project());
        assertEquals(Messages.format("command.deleteLayer", "hidden"), onFx(() -> undoMenuItem().getText())
                .replaceFirst("^" + java.util.regex.Pattern.quote(Messages.format("menu.edit.undo.named", "")), ""),
                "the Edit menu names the command");

        for (int i = 0; i < 5; i++) press(KeyCode.CONTROL, KeyCode.Z);
        waitUntil("back at the start", () -> original.equals(editor().project()));
        assertFalse(onFx(() -> editor().commands().canUndoProperty().get()));
        assertFalse(onFx(() -> editor().isDirty()), "undone to the saved state: nothing to save");

        for (int i = 0; i < 4; i++) press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.Z);
        press(KeyCode.CONTROL, KeyCode.Y);
        waitUntil("redone to the end", () -> edited.equals(editor().project()));
        assertFalse(onFx(() -> editor().commands().canRedoProperty().get()));
    }

    @Test
    void anInvalidValueShowsItsMessageWhereItIsTypedAndNeverReachesTheModel() throws Exception {
        Project before = onFx(() -> editor().project());
        robot.clickOn("#card-hidden");
        typeInto("units", "0");
        waitUntil("the message under the field", () -> robot.lookup("#message-units").queryAs(Label.class).isVisible());
        assertEquals("units must be at least 1, got 0", onFx(() -> text("#message-units")));
        assertEquals(before, onFx(() -> editor().project()), "the model is unchanged");
        assertFalse(onFx(() -> editor().commands().canUndoProperty().get()), "no command was made");
        assertTrue(onFx(() -> field("units").getStyleClass().contains("invalid")));

        robot.clickOn(field("units"));
        press(KeyCode.ESCAPE);
        waitUntil("Escape puts the project's value back", () -> field("units").getText().equals("3")
                && !robot.lookup("#message-units").queryAs(Label.class).isVisible());

        typeInto("training-learningRate", "-1");
        waitUntil("the settings record's message", () -> text("#message-training-learningRate").startsWith("learningRate must be above 0"));
        assertEquals(before, onFx(() -> editor().project()));

        // A valid value that makes the network invalid is taken; the message appears under it.
        robot.clickOn("#card-output");
        onFx(() -> editor().setLayerProperty("output", "activation", "softmax"));
        waitUntil("softmax with mse: the validator's message", () -> editor().problems().stream()
                .anyMatch(p -> p.contains("a softmax output needs the classification loss mcxent")));
    }

    @Test
    void shortcutsInATextFieldEditTheTextNotTheNetwork() throws Exception {
        robot.clickOn("#card-hidden");
        typeInto("units", "6");
        waitUntil("one edit", () -> editor().commands().canUndoProperty().get());
        Project edited = onFx(() -> editor().project());
        robot.clickOn(field("units"));
        press(KeyCode.END);
        robot.write("4");
        press(KeyCode.HOME);
        press(KeyCode.DELETE);
        waitUntil("Delete took a character", () -> field("units").getText().equals("4"));
        press(KeyCode.CONTROL, KeyCode.Z);
        waitUntil("Undo took the typing back", () -> !field("units").getText().equals("4"));
        assertEquals(edited, onFx(() -> editor().project()), "the layer is neither deleted nor undone");
        assertTrue(onFx(() -> editor().project().network().layer("hidden").isPresent()));
    }

    @Test
    void theContextMenuActsOnTheLayerClicked() throws Exception {
        robot.clickOn("#card-output");
        robot.clickOn("#card-hidden", MouseButton.SECONDARY);
        waitUntil("a right-click selects what it is on", () -> editor().selectionProperty().get().layers().equals(java.util.Set.of("hidden")));
        // Headless Monocle makes no context-menu event of a right-click (a desktop does): fire it.
        onFx(() -> {
            Node card = robot.lookup("#card-hidden").query();
            var centre = card.localToScreen(card.getBoundsInLocal().getCenterX(), card.getBoundsInLocal().getCenterY());
            var local = robot.lookup("#network-editor").query().screenToLocal(centre);
            javafx.event.Event.fireEvent(robot.lookup("#network-editor").query(), new javafx.scene.input.ContextMenuEvent(
                    javafx.scene.input.ContextMenuEvent.CONTEXT_MENU_REQUESTED, local.getX(), local.getY(),
                    centre.getX(), centre.getY(), false, null));
        });
        waitUntil("the menu", () -> robot.lookup(".context-menu").tryQuery().isPresent());
        robot.clickOn(Messages.get("menu.edit.delete").replace("_", ""));
        waitUntil("hidden deleted, the chain joined", () -> edges().equals(List.of("input->output")));
    }

    @Test
    void unsavedChangesAreNotLostWithoutAsking() throws Exception {
        robot.clickOn("#card-hidden");
        typeInto("units", "6");
        waitUntil("edited", () -> editor().isDirty());
        press(KeyCode.CONTROL, KeyCode.N);
        waitUntil("the prompt", () -> robot.lookup("#unsaved-dialog").tryQuery().isPresent());
        clickButton("#unsaved-dialog", Messages.get("unsaved.cancel"));
        waitUntil("the prompt closed", () -> Window.getWindows().size() == 1);
        assertEquals(6, onFx(() -> editor().project().network().layer("hidden").orElseThrow().intValue("units")));

        press(KeyCode.CONTROL, KeyCode.N);
        waitUntil("the prompt again", () -> robot.lookup("#unsaved-dialog").tryQuery().isPresent());
        clickButton("#unsaved-dialog", Messages.get("unsaved.discard"));
        waitUntil("a new project", () -> editor().project().network().layers().isEmpty() && !editor().isDirty());
    }

    @Test
    void anEditRetiresTheSessionAndTrainBuildsOneFromTheEditedProject() throws Exception {
        robot.clickOn("#card-hidden");
        typeInto("units", "4");
        waitUntil("edited", () -> editor().isDirty());
        robot.clickOn("#train");
        waitUntil("training the edited network", () -> app.viewModel().session() != null
                && app.viewModel().iterationProperty().get() > 0);
        LayerSpec hidden = app.viewModel().session().project().network().layer("hidden").orElseThrow();
        assertEquals(4, hidden.intValue("units"));
        robot.clickOn("#stop");
        waitUntil("stopped", () -> app.viewModel().busyProperty().get() == 0 && !app.viewModel().canStopProperty().get());
    }

    // ---- helpers -------------------------------------------------------------------------

    private EditorViewModel editor() {
        return app.editor();
    }

    private EditorView editorView() {
        return app.view().editor();
    }

    private List<String> ids() throws Exception {
        return onFx(() -> editor().project().network().layers().stream().map(LayerSpec::id).toList());
    }

    private List<String> edges() throws Exception {
        return onFx(() -> editor().project().network().edges().stream()
                .map(e -> e.from() + (e.feedback() ? "~>" : "->") + e.to()).toList());
    }

    private TextField field(String key) {
        return (TextField) editorView().sheetField(key);
    }

    /** Selects the field's text, types the value and presses Enter. */
    private void typeInto(String key, String value) throws Exception {
        waitUntil("the field " + key, () -> field(key) != null && field(key).isVisible());
        robot.clickOn(field(key));
        press(KeyCode.CONTROL, KeyCode.A);
        robot.write(value);
        press(KeyCode.ENTER);
    }

    private void dragFromPortTo(String port, String card) {
        Node target = robot.lookup(card).query();
        robot.drag(port, MouseButton.PRIMARY).moveTo(target).release(MouseButton.PRIMARY);
    }

    private void clickButton(String dialog, String text) {
        robot.clickOn(robot.lookup(dialog + " .button").queryAllAs(javafx.scene.control.Button.class).stream()
                .filter(b -> text.equals(b.getText())).findFirst().orElseThrow());
    }

    private void press(KeyCode... keys) {
        robot.press(keys);
        for (int i = keys.length - 1; i >= 0; i--) robot.release(keys[i]);
    }

    @SuppressWarnings("unchecked")
    private ListView<String> problemsList() {
        return robot.lookup("#problems-list").queryAs(ListView.class);
    }

    private MenuItem undoMenuItem() {
        MenuBar bar = robot.lookup("#menu-bar").queryAs(MenuBar.class);
        Menu edit = bar.getMenus().stream().filter(m -> "menu-edit".equals(m.getId())).findFirst().orElseThrow();
        return edit.getItems().stream().filter(m -> "menu-undo".equals(m.getId())).findFirst().orElseThrow();
    }

    private String text(String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    /** Polls the condition on the FX thread until it holds; fails after 20 s. */
    private static void waitUntil(String what, Callable<Boolean> onFx) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> onFx(onFx));
        } catch (java.util.concurrent.TimeoutException e) {
            snapshot(what);
            fail("timed out waiting for: " + what);
        }
    }

    /** What the window looked like when a wait failed: target/test-failures/WHAT.png. */
    private static void snapshot(String what) {
        try {
            Path out = Path.of("target", "test-failures", what.replaceAll("[^A-Za-z0-9]+", "-") + ".png");
            Files.createDirectories(out.getParent());
            var image = onFx(() -> stage.getScene().snapshot(null));
            javax.imageio.ImageIO.write(javafx.embed.swing.SwingFXUtils.fromFXImage(image, null), "png", out.toFile());
        } catch (Exception | Error ignored) {
            // The failure itself is what matters.
        }
    }
}
