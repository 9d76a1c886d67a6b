package org.backprop.app.lesson;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.backprop.app.WorkbenchApp;
import org.backprop.app.stepthrough.StepThroughViewModel;
import org.backprop.engine.project.GradientClipping;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.backprop.app.FxTestSupport.*;
import static org.junit.jupiter.api.Assertions.*;

/** Lesson 1 played through in the real window, headless on Monocle: PageDown, Reveal answer, F11. */
class LessonWindowTest {
    private static Stage stage;
    private final FxRobot robot = new FxRobot();
    private WorkbenchApp app;

    static Path samples() {
        Path dir = Path.of("").toAbsolutePath();
        while (!Files.isDirectory(dir.resolve("samples/lessons"))) dir = dir.getParent();
        return dir.resolve("samples");
    }

    @BeforeAll
    static void toolkit() throws Exception {
        stage = FxToolkit.registerPrimaryStage();
    }

    @BeforeEach
    void start() throws Exception {
        Path project = samples().resolve("chain-rule-1-2-1/chain-rule-1-2-1.bpw.json");
        app = (WorkbenchApp) FxToolkit.setupApplication(() -> new WorkbenchApp(project));
        waitUntil("the project open and ND4J up", () -> app.viewModel().projectProperty().get() != null
                && app.viewModel().readyProperty().get());
    }

    @AfterEach
    void stop() throws Exception {
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
    }

    @Test
    void lessonOnePlaysThroughWithTheKeyboard() throws Exception {
        StepThroughViewModel steps = app.viewModel().stepThrough();
        onFx(() -> app.lessons().open(samples().resolve("lessons/01-chain-rule.lesson.json")));
        waitUntil("the panel shows step 1", () -> text("#lesson-position").equals(LessonStrings.format("lesson.position", 1, 7)));
        assertTrue(onFx(() -> robot.lookup("#layer-table").query().getStyleClass().contains(LessonMode.HIGHLIGHT_CLASS)),
                "step 1 points at the layer list");
        assertFalse(onFx(() -> steps.activeProperty().get()));

        robot.type(KeyCode.PAGE_DOWN);
        waitUntil("step mode at step 6: y = 26", () -> steps.activeProperty().get()
                && steps.statusProperty().get() == StepThroughViewModel.Status.READY && steps.indexProperty().get() == 5);
        assertEquals(26.0, onFx(() -> steps.stepProperty().get().result()));
        assertFalse(onFx(() -> node("#lesson-answer").isVisible()), "the answer waits");
        robot.clickOn("#lesson-reveal");
        waitUntil("the answer shown", () -> node("#lesson-answer").isVisible());
        assertEquals("E = (26 − 28)² = 4.", text("#lesson-answer"));

        robot.type(KeyCode.PAGE_DOWN);
        waitUntil("step 8: dE/dy = -4", () -> steps.indexProperty().get() == 7);
        assertEquals(-4.0, onFx(() -> steps.stepProperty().get().result()));
        assertFalse(onFx(() -> node("#lesson-answer").isVisible()), "a new step hides the answer again");

        robot.type(KeyCode.PAGE_DOWN, 3);
        waitUntil("step 6 of the lesson: the 2-3-1 network at its output", () -> app.viewModel().projectFileProperty().get() != null
                && app.viewModel().projectFileProperty().get().endsWith("chain-rule-2-3-1.bpw.json")
                && steps.statusProperty().get() == StepThroughViewModel.Status.READY && steps.indexProperty().get() == 7);
        assertEquals(0.864, onFx(() -> steps.stepProperty().get().result()), 0.0005);

        robot.type(KeyCode.PAGE_DOWN);
        waitUntil("the last step", () -> text("#lesson-position").equals(LessonStrings.format("lesson.position", 7, 7))
                && steps.indexProperty().get() == 17);
        assertTrue(onFx(() -> robot.lookup("#lesson-next").query().isDisabled()));
        robot.type(KeyCode.PAGE_UP);
        waitUntil("back one step", () -> text("#lesson-position").equals(LessonStrings.format("lesson.position", 6, 7)));

        Node top = onFx(() -> app.view().root().lookup("#menu-bar").getParent());
        robot.type(KeyCode.F11);
        waitUntil("presentation mode", () -> app.view().root().getStyleClass().contains(LessonMode.PRESENTATION_CLASS));
        assertFalse(onFx(top::isVisible), "menu and toolbar hidden");
        assertTrue(onFx(() -> node("#lesson-panel").isVisible()));
        robot.type(KeyCode.F11);
        waitUntil("back to the normal window", () -> !app.view().root().getStyleClass().contains(LessonMode.PRESENTATION_CLASS)
                && top.isVisible());
    }

    @Test
    void presentationThickensTheChartAndTheDiagramAndGivesThemBack() throws Exception {
        StepThroughViewModel steps = app.viewModel().stepThrough();
        onFx(() -> steps.activeProperty().set(true));
        waitUntil("step mode drawn", () -> steps.statusProperty().get() == StepThroughViewModel.Status.READY && plainSynapse() != null);
        assertEquals(1.6f, onFx(() -> app.view().chart().lossStrokeWidth()));
        assertEquals(1.0, onFx(() -> plainSynapse().getStrokeWidth()));
        double networkLine = onFx(() -> app.view().dashboard().network().baseLineWidth());

        robot.type(KeyCode.F11);
        waitUntil("presentation mode", () -> app.view().root().getStyleClass().contains(LessonMode.PRESENTATION_CLASS));
        assertEquals(4.0f, onFx(() -> app.view().chart().lossStrokeWidth()), "the loss line 2.5 times thicker");
        waitUntil("the diagram's lines thick", () -> plainSynapse().getStrokeWidth() == 2.5);
        assertTrue(onFx(() -> app.view().dashboard().curves().lossStrokeWidth()) > 4, "the dashboard's curves too");
        assertTrue(onFx(() -> app.view().dashboard().network().baseLineWidth()) > networkLine, "and the live network");
        assertEquals(80.0, onFx(() -> app.view().dashboard().legend().getPrefHeight()), "the heatmap's colour legend grows with its type");

        robot.type(KeyCode.F11);
        waitUntil("back to the normal window", () -> !app.view().root().getStyleClass().contains(LessonMode.PRESENTATION_CLASS));
        assertEquals(1.6f, onFx(() -> app.view().chart().lossStrokeWidth()));
        waitUntil("the diagram's lines thin again", () -> plainSynapse().getStrokeWidth() == 1.0);
        assertEquals(1.8f, onFx(() -> app.view().dashboard().curves().lossStrokeWidth()));
        assertEquals(50.0, onFx(() -> app.view().dashboard().legend().getPrefHeight()));
    }

    @Test
    void lessonThreeShowsTheDashboardAndInPresentationNothingElse() throws Exception {
        onFx(() -> app.lessons().open(samples().resolve("lessons/03-vanishing-gradients.lesson.json")));
        waitUntil("lesson 3's project open", () -> app.viewModel().projectFileProperty().get() != null
                && app.viewModel().projectFileProperty().get().endsWith("deep-sigmoid.bpw.json"));
        assertTrue(onFx(() -> selected("#tab-network")), "step 1 shows the diagram");
        robot.type(KeyCode.PAGE_DOWN);
        waitUntil("step 2 on the Dashboard tab", () -> selected("#tab-dashboard"));
        assertTrue(onFx(() -> app.view().dashboard().root().isVisible()));
        robot.type(KeyCode.PAGE_UP);
        waitUntil("back at step 1: the Network view again", () -> selected("#tab-network"));

        robot.type(KeyCode.F11);
        waitUntil("presentation mode", () -> app.view().root().getStyleClass().contains(LessonMode.PRESENTATION_CLASS));
        assertNull(onFx(() -> app.view().chart().getScene()), "the diagram step shows the diagram alone, no loss chart");
        assertTrue(onFx(() -> node("#network-editor").isVisible()));
        robot.type(KeyCode.PAGE_DOWN);
        waitUntil("the dashboard step", () -> selected("#tab-dashboard"));
        Node top = onFx(() -> app.view().root().lookup("#menu-bar").getParent());
        assertFalse(onFx(top::isVisible), "menu and toolbar hidden");
        assertFalse(onFx(() -> node("#layer-table").getParent().isVisible()), "the layer list hidden");
        assertFalse(onFx(() -> node("#side-tabs").isVisible()), "the property sheet hidden");
        assertFalse(onFx(this::centreTabHeaders), "no tab headers");
        assertTrue(onFx(() -> app.view().dashboard().root().isVisible() && node("#lesson-panel").isVisible()),
                "the lesson's view and its panel are what is left");
        robot.type(KeyCode.F11);
        waitUntil("the tabs back", this::centreTabHeaders);
    }

    @Test
    void goingBackBeforeLessonFourClippingStepExplodesAgain() throws Exception {
        onFx(() -> app.lessons().open(samples().resolve("lessons/04-exploding-gradients.lesson.json")));
        waitUntil("lesson 4's project open", () -> app.viewModel().projectFileProperty().get() != null
                && app.viewModel().projectFileProperty().get().endsWith("rnn-exploding.bpw.json")
                && app.viewModel().readyProperty().get());
        robot.type(KeyCode.PAGE_DOWN, 2);
        waitUntil("the clipping step", () -> text("#lesson-position").equals(LessonStrings.format("lesson.position", 3, 3)));
        robot.clickOn("#lesson-run");
        waitUntil("40 clipped iterations trained", () -> app.viewModel().iterationProperty().get() >= 40
                && app.viewModel().stateProperty().get() == org.backprop.engine.train.TrainingSession.State.PAUSED);
        assertEquals(GradientClipping.Type.CLIP_L2_PER_LAYER, onFx(() -> clipping().type()));

        robot.type(KeyCode.PAGE_UP);
        waitUntil("step 2", () -> text("#lesson-position").equals(LessonStrings.format("lesson.position", 2, 3)));
        assertEquals(GradientClipping.Type.NONE, onFx(() -> clipping().type()), "step 2's project clips no more");
        assertFalse(onFx(() -> app.editor().isDirty()), "it is the project as saved");
        robot.clickOn("#lesson-run");
        waitUntil("the replay explodes and pauses itself", () -> app.viewModel().stateProperty().get()
                == org.backprop.engine.train.TrainingSession.State.PAUSED && !Double.isFinite(app.viewModel().lossProperty().get()));
        assertTrue(onFx(() -> app.viewModel().iterationProperty().get()) <= 5, "within step 2's five iterations");
    }

    @Test
    void aLessonAsksBeforeReplacingWorkTheUserOpened() throws Exception {
        // From the menu, over unsaved changes: the editor's prompt, and Cancel keeps the work.
        onFx(() -> app.editor().setName("my 1-2-1"));
        onFx(() -> menuItem("#menu-lesson-02-xor-hidden-layer").fire());
        waitUntil("the prompt", () -> robot.lookup("#unsaved-dialog").tryQuery().isPresent());
        cancelPrompt();
        assertNull(onFx(() -> app.lessons().viewModel().lessonProperty().get()), "no lesson started");
        assertEquals("my 1-2-1", onFx(() -> app.editor().project().name()));

        // During a lesson, work the user opened and changed is not replaced by the next step unasked.
        onFx(() -> app.lessons().open(samples().resolve("lessons/02-xor-hidden-layer.lesson.json")));
        waitUntil("lesson 2's project open", () -> app.viewModel().projectFileProperty().get() != null
                && app.viewModel().projectFileProperty().get().endsWith("xor-linear.bpw.json"));
        Path own = samples().resolve("chain-rule-2-3-1/chain-rule-2-3-1.bpw.json");
        onFx(() -> app.editor().open(own, () -> {}));
        waitUntil("the user's project open", () -> app.viewModel().projectFileProperty().get().endsWith("chain-rule-2-3-1.bpw.json"));
        onFx(() -> app.editor().setName("my 2-3-1"));
        robot.type(KeyCode.PAGE_DOWN);
        waitUntil("the prompt", () -> robot.lookup("#unsaved-dialog").tryQuery().isPresent());
        cancelPrompt();
        assertEquals("my 2-3-1", onFx(() -> app.editor().project().name()), "the user's work stays open");
    }

    private javafx.scene.control.MenuItem menuItem(String id) {
        return ((javafx.scene.control.MenuBar) node("#menu-bar")).getMenus().stream()
                .flatMap(m -> m.getItems().stream())
                .flatMap(i -> i instanceof javafx.scene.control.Menu m ? m.getItems().stream() : java.util.stream.Stream.of(i))
                .filter(i -> id.substring(1).equals(i.getId())).findFirst().orElseThrow();
    }

    private void cancelPrompt() throws Exception {
        robot.clickOn(robot.lookup("#unsaved-dialog .button").queryAllAs(javafx.scene.control.Button.class).stream()
                .filter(b -> org.backprop.app.i18n.Messages.get("unsaved.cancel").equals(b.getText())).findFirst().orElseThrow());
        waitUntil("the prompt gone", () -> robot.lookup("#unsaved-dialog").tryQuery().isEmpty());
    }

    /** Whether the centre's own tab headers (not the dashboard's inner ones) show. */
    private boolean centreTabHeaders() {
        return ((javafx.scene.Parent) node("#centre-tabs")).getChildrenUnmodifiable().stream()
                .filter(n -> n.getStyleClass().contains("tab-header-area")).allMatch(Node::isVisible);
    }

    private boolean selected(String tab) {
        return ((javafx.scene.control.TabPane) node("#centre-tabs")).getSelectionModel().getSelectedItem().getId().equals(tab.substring(1));
    }

    @Test
    void lessonFourClippingStepSwitchesClippingOnAsAnUndoableEdit() throws Exception {
        onFx(() -> app.lessons().open(samples().resolve("lessons/04-exploding-gradients.lesson.json")));
        waitUntil("lesson 4's project open", () -> app.viewModel().projectFileProperty().get() != null
                && app.viewModel().projectFileProperty().get().endsWith("rnn-exploding.bpw.json")
                && app.viewModel().readyProperty().get());
        robot.type(KeyCode.PAGE_DOWN, 2);
        waitUntil("the clipping step", () -> text("#lesson-position").equals(LessonStrings.format("lesson.position", 3, 3)));
        assertEquals(GradientClipping.Type.NONE, onFx(() -> clipping().type()));
        robot.clickOn("#lesson-run");
        waitUntil("40 iterations trained, then paused", () -> app.viewModel().iterationProperty().get() >= 40
                && app.viewModel().stateProperty().get() == org.backprop.engine.train.TrainingSession.State.PAUSED);
        assertEquals(new GradientClipping(GradientClipping.Type.CLIP_L2_PER_LAYER, 1.0), onFx(this::clipping), "the project clips now");
        assertTrue(Double.isFinite(onFx(() -> app.viewModel().lossProperty().get())), "and its loss is finite");
        onFx(() -> app.editor().undo());
        assertEquals(GradientClipping.Type.NONE, onFx(() -> clipping().type()), "Edit > Undo takes it back");
    }

    private GradientClipping clipping() {
        return app.editor().project().training().gradientClipping();
    }

    /** A connection of the step view's diagram that no step emphasises. */
    private javafx.scene.shape.Line plainSynapse() {
        for (Node n : app.view().stepView().diagram().lookupAll(".synapse")) {
            var c = n.getStyleClass();
            if (c.stream().allMatch(k -> k.equals("synapse") || k.equals("dimmed"))) return (javafx.scene.shape.Line) n;
        }
        return null;
    }

    private Node node(String id) {
        return robot.lookup(id).query();
    }

    private String text(String id) throws Exception {
        return onFx(() -> ((Label) node(id)).getText());
    }
}
