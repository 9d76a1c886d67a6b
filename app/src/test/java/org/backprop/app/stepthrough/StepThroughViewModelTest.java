package org.backprop.app.stepthrough;

import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.backprop.app.stepthrough.StepThroughViewModel.Status;
import org.backprop.engine.project.Project;
import org.backprop.engine.project.ProjectFiles;
import org.backprop.engine.runtime.Nd4jRuntime;
import org.backprop.engine.stepthrough.ParameterRef;
import org.backprop.engine.stepthrough.Step;
import org.backprop.engine.stepthrough.StepKind;
import org.backprop.engine.stepthrough.Transcript;
import org.backprop.visual.diagram.DiagramOverlay;
import org.backprop.visual.diagram.DiagramOverlay.Emphasis;
import org.backprop.visual.diagram.DiagramOverlay.Neuron;
import org.backprop.visual.diagram.DiagramOverlay.Synapse;
import org.backprop.visual.fx.FrameCoalescer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The step mode's view model without a toolkit: this test's thread plays the FX thread and
 * runs the frames; the engine (DL4J) runs for real on a background thread.
 */
class StepThroughViewModelTest {
    private static ExecutorService background;
    @TempDir
    Path dir;
    private FrameCoalescer ui;
    private final SimpleObjectProperty<Project> project = new SimpleObjectProperty<>();
    private final SimpleObjectProperty<Path> file = new SimpleObjectProperty<>();
    private final SimpleBooleanProperty ready = new SimpleBooleanProperty(true);
    private StepThroughViewModel vm;

    @BeforeAll
    static void runtime() {
        Nd4jRuntime.configure();
        background = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "step-test-background");
            t.setDaemon(true);
            return t;
        });
    }

    @AfterAll
    static void shutdown() {
        background.shutdownNow();
    }

    @BeforeEach
    void create() {
        ui = new FrameCoalescer();
        vm = new StepThroughViewModel(ui, background, project, file, ready);
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

    private Transcript open(String sample) throws Exception {
        file.set(StepSamples.file(sample));
        project.set(ProjectFiles.read(file.get()));
        vm.activeProperty().set(true);
        frameUntil("the step-through ready", () -> vm.statusProperty().get() != Status.LOADING);
        assertEquals(Status.READY, vm.statusProperty().get(), vm.messageProperty().get());
        return vm.transcriptProperty().get();
    }

    private int indexOf(Transcript t, StepKind kind, String layer, int unit) {
        return t.steps().stream().filter(s -> s.kind() == kind && s.unit() != null && s.unit().layer().equals(layer)
                && s.unit().unit() == unit).findFirst().orElseThrow().index();
    }

    @Test
    void nothingRunsUntilTheStepModeIsShownAndNd4jIsUp() throws Exception {
        ready.set(false);
        file.set(StepSamples.file("chain-rule-1-2-1"));
        project.set(ProjectFiles.read(file.get()));
        ui.frame();
        assertEquals(Status.IDLE, vm.statusProperty().get());
        vm.activeProperty().set(true);
        ui.frame();
        assertEquals(Status.IDLE, vm.statusProperty().get(), "waits for ND4J");
        ready.set(true);
        frameUntil("ready", () -> vm.statusProperty().get() == Status.READY);
        assertEquals(0, vm.indexProperty().get());
        assertEquals(28, vm.transcriptProperty().get().steps().size());
    }

    @Test
    void stepsForwardAndBackAndTheOverlayFollowsTheStep() throws Exception {
        Transcript t = open("chain-rule-1-2-1");
        assertFalse(vm.canPreviousProperty().get());
        assertTrue(vm.canNextProperty().get());

        // Step 1: hidden unit 1's weighted sum reads input 1 through the weight 2.
        DiagramOverlay o = vm.overlayProperty().get();
        assertEquals(Emphasis.FOCUS, o.neurons().get(new Neuron("hidden", 0)));
        assertEquals(Emphasis.INVOLVED, o.neurons().get(new Neuron("input", 0)));
        Synapse w11 = new Synapse("input", 0, "hidden", 0);
        assertEquals(Emphasis.INVOLVED, o.synapses().get(w11));
        assertEquals("2", o.weights().get(w11));
        assertEquals("2", o.values().get(new Neuron("input", 0)), "the input's value");
        assertNull(o.neurons().get(new Neuron("output", 0)), "not part of the step");

        int slope = indexOf(t, StepKind.ACTIVATION_SLOPE, "output", 0);
        for (int i = 0; i < slope; i++) vm.next();
        assertEquals(slope, vm.indexProperty().get());
        Step s = vm.stepProperty().get();
        assertEquals("= \\mathrm{ReLU}'(26) = 1", StepLines.numbers(s));
        o = vm.overlayProperty().get();
        assertEquals("26", o.values().get(new Neuron("output", 0)), "y = 26 is known by now");
        assertEquals("4", o.values().get(new Neuron("hidden", 0)));

        vm.previous();
        assertEquals(slope - 1, vm.indexProperty().get());
        vm.last();
        assertEquals(t.steps().size() - 1, vm.indexProperty().get());
        vm.next();
        assertEquals(t.steps().size() - 1, vm.indexProperty().get(), "nothing after the last step until the update is applied");
        assertFalse(vm.canNextProperty().get());
        vm.first();
        assertEquals(0, vm.indexProperty().get());
    }

    @Test
    void applyingTheUpdateShowsTheNewWeightsThenTheNextIterationStartsFromThem() throws Exception {
        Transcript first = open("chain-rule-1-2-1");
        assertFalse(vm.appliedProperty().get());
        assertEquals("2", vm.overlayProperty().get().weights().get(new Synapse("input", 0, "hidden", 0)));

        vm.applyOrContinue();
        assertTrue(vm.appliedProperty().get());
        assertTrue(vm.canNextIterationProperty().get());
        assertEquals("2.016", vm.overlayProperty().get().weights().get(new Synapse("input", 0, "hidden", 0)), "the new weight");

        vm.last();
        vm.next(); // from the last step, on to the next iteration
        assertTrue(vm.computingProperty().get());
        frameUntil("iteration 2", () -> !vm.computingProperty().get());
        Transcript second = vm.transcriptProperty().get();
        assertEquals(2, second.iteration());
        assertEquals(0, vm.indexProperty().get());
        assertFalse(vm.appliedProperty().get());
        assertEquals(first.lossAfter(), second.lossBefore(), 1e-12, "iteration 2 starts where iteration 1 left the loss");
        assertEquals(2.016, second.parameter(ParameterRef.weight("hidden", 0, 0)).before(), 1e-15);

        vm.previous(); // back over the boundary: iteration 1's last step, applied
        assertSame(first, vm.transcriptProperty().get());
        assertEquals(first.steps().size() - 1, vm.indexProperty().get());
        assertTrue(vm.appliedProperty().get());
        vm.applyOrContinue(); // Enter: already applied, so on to the kept iteration 2
        assertSame(second, vm.transcriptProperty().get());
        assertFalse(vm.computingProperty().get());
    }

    @Test
    void aWeightsChainAndJumpingToAParameter() throws Exception {
        Transcript t = open("chain-rule-1-2-1");
        ParameterRef w = ParameterRef.weight("hidden", 0, 0);
        Synapse edge = new Synapse("input", 0, "hidden", 0);
        assertEquals(w, vm.weightOf(edge));
        assertNull(vm.weightOf(new Synapse("hidden", 0, "hidden", 0)), "not a weight of the network");

        vm.showChain(w);
        assertEquals(t.chainOf(w), vm.chainSteps());
        DiagramOverlay o = vm.overlayProperty().get();
        assertEquals(Emphasis.SELECTED, o.synapses().get(edge));
        assertEquals(Emphasis.CHAIN, o.synapses().get(new Synapse("hidden", 0, "output", 0)),
                "the chain runs back from the loss through w(2)_{1,1}");
        vm.hideChain();
        assertTrue(vm.chainSteps().isEmpty());

        ParameterRef out = ParameterRef.weight("output", 1, 0);
        vm.jumpTo(out);
        assertEquals(StepKind.WEIGHT_GRADIENT, vm.stepProperty().get().kind());
        assertEquals(out, vm.stepProperty().get().parameter());
        assertEquals(out, vm.chainParameterProperty().get());
        assertEquals(Emphasis.FOCUS, vm.overlayProperty().get().synapses().get(new Synapse("hidden", 1, "output", 0)));
    }

    @Test
    void playAdvancesOneStepPerTickAndStopsAtTheLast() throws Exception {
        Transcript t = open("chain-rule-1-2-1");
        vm.togglePlay();
        assertTrue(vm.playingProperty().get());
        vm.playTick();
        vm.playTick();
        assertEquals(2, vm.indexProperty().get());
        vm.togglePlay();
        vm.playTick();
        assertEquals(2, vm.indexProperty().get(), "paused");
        vm.play();
        for (int i = 0; i < t.steps().size() + 5; i++) vm.playTick();
        assertFalse(vm.playingProperty().get());
        assertEquals(t.steps().size() - 1, vm.indexProperty().get());
        vm.speedProperty().set(100);
        assertEquals(StepThroughViewModel.MAX_SPEED, vm.speedProperty().get());
    }

    @Test
    void aBatchOfFourShowsTheValuesOfTheStepsExampleOnly() throws Exception {
        Transcript t = open("xor");
        assertEquals(4, t.examples().size());
        Step lossOfTheBatch = t.steps(StepKind.BATCH_LOSS).get(0);
        vm.goTo(lossOfTheBatch.index());
        assertTrue(vm.overlayProperty().get().values().isEmpty(), "a step about the whole batch has no example's values");
        Step third = t.steps().stream().filter(s -> s.example() == 2 && s.kind() == StepKind.ACTIVATION).findFirst().orElseThrow();
        vm.goTo(third.index());
        assertEquals(t.examples().get(2).inputs().get(0) == 0 ? "0" : "1",
                vm.overlayProperty().get().values().get(new Neuron("input", 0)));
    }

    @Test
    void anUnsupportedNetworkIsRefusedWithTheEnginesMessage() throws Exception {
        file.set(StepSamples.withDropout(dir));
        project.set(ProjectFiles.read(file.get()));
        vm.activeProperty().set(true);
        frameUntil("refused", () -> vm.statusProperty().get() != Status.LOADING);
        assertEquals(Status.REFUSED, vm.statusProperty().get());
        String m = vm.messageProperty().get();
        assertTrue(m.contains("hidden") && m.contains("dropout"), m);
        assertNull(vm.transcriptProperty().get());
        assertFalse(vm.canNextProperty().get());
        vm.next(); // harmless
        assertSame(DiagramOverlay.NONE, vm.overlayProperty().get());
    }

    @Test
    void anotherProjectIsExplainedFromItsStart() throws Exception {
        open("chain-rule-1-2-1");
        vm.next();
        file.set(StepSamples.file("chain-rule-2-3-1"));
        project.set(ProjectFiles.read(file.get()));
        frameUntil("the 2-3-1 network", () -> vm.statusProperty().get() == Status.READY
                && vm.transcriptProperty().get().project().contains("2-3-1"));
        assertEquals(0, vm.indexProperty().get());
        assertEquals(List.of(1.0, 2.0), vm.transcriptProperty().get().examples().get(0).inputs());
    }
}
