package org.backprop.app.stepthrough;

import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.robot.Robot;
import javafx.stage.Stage;
import org.backprop.app.WorkbenchApp;
import org.backprop.app.i18n.Messages;
import org.backprop.app.stepthrough.StepThroughViewModel.Status;
import org.backprop.engine.stepthrough.EdgeRef;
import org.backprop.engine.stepthrough.ParameterChange;
import org.backprop.engine.stepthrough.ParameterRef;
import org.backprop.engine.stepthrough.Step;
import org.backprop.engine.stepthrough.StepKind;
import org.backprop.engine.stepthrough.Tex;
import org.backprop.engine.stepthrough.Transcript;
import org.backprop.engine.stepthrough.UnitRef;
import org.backprop.visual.diagram.DiagramOverlay.Neuron;
import org.backprop.visual.diagram.DiagramOverlay.Synapse;
import org.backprop.visual.diagram.NetworkDiagram;
import org.backprop.visual.stepthrough.FormulaView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static org.backprop.app.FxTestSupport.*;
import static org.junit.jupiter.api.Assertions.*;

/** The step mode in the real window, headless on Monocle, driven from the keyboard like a lecture. */
class StepThroughWindowTest {
    @TempDir
    static Path dir;
    private static Stage stage;
    private final FxRobot robot = new FxRobot();
    private WorkbenchApp app;

    @BeforeAll
    static void toolkit() throws Exception {
        stage = FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void stop() throws Exception {
        if (app != null) FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
    }

    /** Opens the window on a project and switches to step mode with its shortcut. */
    private StepThroughViewModel stepMode(Path project) throws Exception {
        app = (WorkbenchApp) FxToolkit.setupApplication(() -> new WorkbenchApp(project));
        waitUntil("project open and ND4J up", () -> app.viewModel().canTrainProperty().get());
        StepThroughViewModel vm = app.viewModel().stepThrough();
        robot.press(KeyCode.CONTROL, KeyCode.T).release(KeyCode.T, KeyCode.CONTROL);
        waitUntil("step mode shown and worked out", () -> vm.activeProperty().get()
                && vm.statusProperty().get() != Status.IDLE && vm.statusProperty().get() != Status.LOADING);
        waitUntil("the step view has the keyboard", () -> app.view().stepView().root().isFocused());
        return vm;
    }

    @Test
    void stepsThroughXorFromTheFirstStepToTheLastAndBackThenAppliesTheUpdate() throws Exception {
        StepThroughViewModel vm = stepMode(StepSamples.file("xor"));
        assertEquals(Status.READY, vm.statusProperty().get(), vm.messageProperty().get());
        Transcript t = onFx(() -> vm.transcriptProperty().get());
        int n = t.steps().size();
        assertTrue(n > 100, "a 2-3-1 network on a batch of 4 with Adam: " + n + " steps");

        Set<Set<Neuron>> highlightings = new HashSet<>();
        for (int i = 0; i < n; i++) {
            if (i > 0) press(KeyCode.RIGHT, vm, i);
            highlightings.add(showsStep(t, i));
        }
        assertTrue(highlightings.size() > 10, "the highlighted units change from step to step: " + highlightings.size());
        press(KeyCode.RIGHT, vm, n - 1); // the last step stays until the update is applied
        for (int i = n - 2; i >= 0; i--) {
            press(KeyCode.LEFT, vm, i);
            showsStep(t, i);
        }
        press(KeyCode.END, vm, n - 1);
        press(KeyCode.HOME, vm, 0);

        assertFalse(onFx(() -> label("#step-loss-after").isVisible()), "no loss after the update before it is applied");
        assertTrue(onFx(() -> label("#step-loss-pending").isVisible()));
        type(KeyCode.ENTER);
        waitUntil("the update applied", () -> vm.appliedProperty().get());
        assertEquals("E = " + Tex.plain(t.lossAfter()), onFx(() -> label("#step-loss-after").getText()));
        assertTrue(onFx(() -> label("#step-loss-after").isVisible()));
        @SuppressWarnings("unchecked")
        TableView<ParameterChange> table = onFx(() -> robot.lookup("#step-update-table").queryAs(TableView.class));
        assertTrue(onFx(table::isVisible), "the new weights are listed");
        assertEquals(t.parameters(), onFx(() -> List.copyOf(table.getItems())));
        ParameterChange w = t.parameter(ParameterRef.weight("hidden", 0, 0));
        assertEquals(Tex.plain(w.after()), onFx(() -> table.getColumns().get(3).getCellData(0)));

        type(KeyCode.ENTER);
        waitUntil("iteration 2 shown", () -> vm.transcriptProperty().get().iteration() == 2 && vm.indexProperty().get() == 0);
        Transcript second = onFx(() -> vm.transcriptProperty().get());
        assertEquals(t.lossAfter(), second.lossBefore(), 1e-9);
        showsStep(second, 0);
        press(KeyCode.RIGHT, vm, 1);
        showsStep(second, 1);
    }

    @Test
    void theOneTwoOneNetworkShowsTheTrueChainRule() throws Exception {
        StepThroughViewModel vm = stepMode(StepSamples.file("chain-rule-1-2-1"));
        assertEquals(Status.READY, vm.statusProperty().get(), vm.messageProperty().get());
        Transcript t = onFx(() -> vm.transcriptProperty().get());
        List<String> shown = new ArrayList<>();
        for (int i = 0; i < t.steps().size(); i++) {
            if (i > 0) press(KeyCode.RIGHT, vm, i);
            showsStep(t, i);
            shown.add(onFx(() -> formula("#step-formula").getLatex() + " " + formula("#step-numbers").getLatex()));
        }
        assertTrue(shown.contains("y = \\max(0, z^{(2)}_{1}) = \\max(0, 26) = 26"), "y = 26: " + shown);
        assertTrue(shown.contains("E = (y - t)^2 = (26 - 28)^2 = 4"), "E = 4");
        assertTrue(shown.contains("\\frac{\\partial E}{\\partial y} = 2 \\cdot (y - t) = 2 \\cdot (26 - 28) = -4"), "dE/dy = -4");
        assertTrue(shown.stream().anyMatch(s -> s.startsWith("\\mathrm{ReLU}'(z^{(2)}_{1})") && s.endsWith("= \\mathrm{ReLU}'(26) = 1")),
                "ReLU'(26) = 1");
        assertEquals("E = 4", onFx(() -> label("#step-loss-before").getText()));
        assertTrue(onFx(() -> valueLabels().contains("26")), "y = 26 beside the output neuron");

        // Clicking the weight into hidden unit 1 shows its whole chain from the loss.
        ParameterRef w = ParameterRef.weight("hidden", 0, 0);
        NetworkDiagram diagram = onFx(() -> app.view().stepView().diagram());
        Point2D on = onFx(() -> {
            double[] l = diagram.synapseLine(new Synapse("input", 0, "hidden", 0)).orElseThrow();
            return diagram.localToScreen(l[0] + 0.3 * (l[2] - l[0]), l[1] + 0.3 * (l[3] - l[1]));
        });
        int at = onFx(() -> vm.indexProperty().get());
        robot.clickOn(on);
        waitUntil("the chain of hidden W[0,0]", () -> w.equals(vm.chainParameterProperty().get()));
        assertEquals(at, onFx(() -> vm.indexProperty().get()), "showing a chain leaves the step where it is");
        assertEquals(w, onFx(() -> robot.lookup("#step-jump").queryComboBox().getValue()), "the jump list names the weight");
        assertEquals(t.chainOf(w), onFx(() -> List.copyOf(vm.chainSteps())));
        assertTrue(onFx(() -> robot.lookup("#step-chain").query().isVisible()));
        assertTrue(onFx(() -> label("#step-chain-title").getText()).contains("hidden W[0,0]"));
        type(KeyCode.ESCAPE);
        waitUntil("the chain closed", () -> vm.chainParameterProperty().get() == null);

        // Jump to a parameter: its gradient step, with its chain.
        ParameterRef out = ParameterRef.weight("output", 1, 0);
        int gradient = t.steps().stream().filter(s -> out.equals(s.parameter())).findFirst().orElseThrow().index();
        onFx(() -> {
            robot.lookup("#step-jump").<ParameterRef>queryComboBox().getSelectionModel().select(out);
            return null;
        });
        waitUntil("at the gradient of output W[1,0]", () -> vm.indexProperty().get() == gradient);
        showsStep(t, gradient);
        assertEquals(out, onFx(() -> vm.chainParameterProperty().get()));

        type(KeyCode.ESCAPE);
        waitUntil("the chain closed", () -> vm.chainParameterProperty().get() == null);

        // Space plays from here at the chosen speed, Space again pauses.
        @SuppressWarnings("unchecked")
        ChoiceBox<Double> speed = onFx(() -> robot.lookup("#step-speed").queryAs(ChoiceBox.class));
        onFx(() -> {
            speed.setValue(2.0); // slow enough that a busy machine cannot play it to the end unseen
            return null;
        });
        type(KeyCode.SPACE);
        waitUntil("playing on", () -> vm.playingProperty().get() && vm.indexProperty().get() >= gradient + 1);
        type(KeyCode.SPACE);
        waitUntil("paused", () -> !vm.playingProperty().get());
        int paused = onFx(() -> vm.indexProperty().get());
        showsStep(t, paused);
    }

    @Test
    void theElmanSampleStepsThroughTimeAndShowsDl4jsGradientOfRw() throws Exception {
        StepThroughViewModel vm = stepMode(StepSamples.file("elman-steps"));
        assertEquals(Status.READY, vm.statusProperty().get(), vm.messageProperty().get());
        Transcript t = onFx(() -> vm.transcriptProperty().get());
        assertEquals(3, t.timeSteps());
        NetworkDiagram diagram = onFx(() -> app.view().stepView().diagram());
        ParameterRef rw = ParameterRef.recurrent("hidden", 1, 0);
        String shownGradient = null;
        Set<Integer> badges = new HashSet<>();
        boolean loopLit = false;
        for (int i = 0; i < t.steps().size(); i++) {
            if (i > 0) press(KeyCode.RIGHT, vm, i);
            Step s = t.steps().get(i);
            showsStep(t, i);
            String badge = onFx(() -> diagram.badge("hidden").orElse(""));
            assertEquals(s.time() >= 0 ? "t = " + (s.time() + 1) : "", badge, "the time badge at step " + i + " (" + s.title() + ")");
            if (s.time() >= 0) badges.add(s.time());
            for (EdgeRef e : s.edges()) {
                if (!e.recurrent()) continue;
                Synapse loop = new Synapse("hidden", e.from(), "hidden", e.to());
                assertTrue(onFx(() -> diagram.drawnEmphasis(loop)).isPresent(), "the self-loop " + loop + " lit at step " + i);
                loopLit = true;
            }
            if (rw.equals(s.parameter()) && s.kind() == StepKind.WEIGHT_GRADIENT) {
                shownGradient = onFx(() -> formula("#step-numbers").getLatex());
            }
        }
        assertEquals(Set.of(0, 1, 2), badges);
        assertTrue(loopLit, "some factor flows through RW");
        assertNotNull(shownGradient, "the gradient of RW[1,0] is one of the steps");
        double dl4j = dl4jGradient(StepSamples.file("elman-steps"), "0_RW").getDouble(1, 0);
        assertTrue(shownGradient.endsWith("= " + Tex.num(dl4j)), "the shown dE/dr_{2,1} is DL4J's " + dl4j + ": " + shownGradient);
        assertEquals(dl4j, t.parameter(rw).gradient(), 1e-12);

        type(KeyCode.ENTER);
        waitUntil("the update applied", () -> vm.appliedProperty().get());
        @SuppressWarnings("unchecked")
        TableView<ParameterChange> table = onFx(() -> robot.lookup("#step-update-table").queryAs(TableView.class));
        int row = t.parameters().indexOf(t.parameter(rw));
        assertEquals(Tex.plain(t.parameter(rw).after()), onFx(() -> table.getColumns().get(3).getCellData(row)));
        assertEquals(0.1 - 0.1 * dl4j, t.parameter(rw).after(), 1e-12, "r_{2,1} = 0.1 - 0.1 * dE/dr_{2,1}");
    }

    /** DL4J's own gradient of the project's first batch, in double precision. */
    private static org.nd4j.linalg.api.ndarray.INDArray dl4jGradient(Path file, String key) throws Exception {
        var p = org.backprop.engine.project.ProjectFiles.read(file);
        var net = org.backprop.engine.compile.NetworkCompiler.compile(p).multiLayer();
        var data = org.backprop.engine.data.ProjectData.load(p, file.getParent()).train();
        net.setInput(data.getFeatures());
        net.setLabels(data.getLabels());
        net.computeGradientAndScore();
        return net.gradient().gradientForVariable().get(key);
    }

    @Test
    void anUnsupportedNetworkShowsTheEnginesMessagePlainly() throws Exception {
        StepThroughViewModel vm = stepMode(StepSamples.withDropout(dir));
        assertEquals(Status.REFUSED, vm.statusProperty().get());
        Label message = onFx(() -> label("#step-message"));
        String text = onFx(message::getText);
        assertTrue(onFx(message::isVisible));
        assertTrue(text.contains("'hidden'") && text.contains("dropout"), text);
        assertFalse(text.contains("\tat ") || text.contains("Exception"), "no stack trace: " + text);
        assertEquals(Messages.get("step.refused.title"), onFx(() -> label("#step-message-title").getText()));
    }

    // ---- helpers ------------------------------------------------------------------------------

    /** Presses a key on the step view and waits for the step it should lead to. */
    private void press(KeyCode key, StepThroughViewModel vm, int expected) throws Exception {
        type(key);
        waitUntil(key + " to step " + expected, () -> vm.indexProperty().get() == expected);
    }

    /**
     * A key press and release through the glass robot, as a keyboard makes them. TestFX's
     * {@code type} does the same but waits out five rounds of FX events after each half,
     * about 120 ms a key; the callers here wait for the key's effect explicitly instead.
     */
    private static void type(KeyCode key) throws Exception {
        onFx(() -> {
            Robot r = new Robot();
            r.keyPress(key);
            r.keyRelease(key);
            return null;
        });
    }

    /**
     * Checks what the window shows for step i: formula, numbers, caption, and the highlighted
     * neurons (the step's, and the chain's of a picked weight); returns the highlighted neurons.
     */
    private Set<Neuron> showsStep(Transcript t, int i) throws Exception {
        Step s = t.steps().get(i);
        assertEquals(StepLines.formula(s), onFx(() -> formula("#step-formula").getLatex()), "formula of step " + i);
        assertEquals(StepLines.numbers(s), onFx(() -> formula("#step-numbers").getLatex()), "numbers of step " + i);
        assertEquals(StepText.caption(t, s), onFx(() -> label("#step-caption").getText()));
        Set<Neuron> expected = new LinkedHashSet<>();
        for (UnitRef u : s.units()) expected.add(new Neuron(u.layer(), u.unit()));
        ParameterRef chain = onFx(() -> app.viewModel().stepThrough().chainParameterProperty().get());
        if (chain != null) {
            for (Step c : t.chainOf(chain)) for (UnitRef u : c.units()) expected.add(new Neuron(u.layer(), u.unit()));
        }
        Set<Neuron> drawn = onFx(() -> highlighted(t));
        assertEquals(expected, drawn, "neurons highlighted at step " + i + " (" + s.title() + ")");
        for (EdgeRef e : s.edges()) {
            Synapse syn = StepOverlay.synapse(t, e);
            assertTrue(onFx(() -> app.view().stepView().diagram().getOverlay().synapses().containsKey(syn)), syn.toString());
        }
        return drawn;
    }

    /** The neurons the diagram draws with any emphasis, read back from the shapes. */
    private Set<Neuron> highlighted(Transcript t) {
        NetworkDiagram d = app.view().stepView().diagram();
        Set<Neuron> out = new LinkedHashSet<>();
        for (var layer : t.layers()) {
            for (int u = 0; u < layer.units(); u++) {
                Neuron n = new Neuron(layer.id(), u);
                if (d.drawnEmphasis(n).isPresent()) out.add(n);
            }
        }
        return out;
    }

    private List<String> valueLabels() {
        return robot.lookup(".value-label").queryAll().stream().map(n -> ((Label) n).getText()).toList();
    }

    private FormulaView formula(String id) {
        return robot.lookup(id).queryAs(FormulaView.class);
    }

    private Label label(String id) {
        Node n = robot.lookup(id).query();
        return (Label) n;
    }
}
