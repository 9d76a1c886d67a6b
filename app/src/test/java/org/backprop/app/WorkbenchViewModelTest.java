package org.backprop.app;

import org.backprop.engine.project.ProjectFiles;
import org.backprop.engine.runtime.Nd4jRuntime;
import org.backprop.engine.train.Evaluation;
import org.backprop.engine.train.MetricPoint;
import org.backprop.engine.train.TrainingSession.State;
import org.backprop.visual.chart.MetricsSink;
import org.backprop.visual.fx.FrameCoalescer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The view model without a toolkit: this test's thread plays the FX thread and calls
 * {@link FrameCoalescer#frame()} itself; everything else (ND4J, training) is real.
 */
class WorkbenchViewModelTest {
    private static ExecutorService background;
    @TempDir
    Path dir;
    private FrameCoalescer ui;
    private WorkbenchViewModel vm;
    private final RecordingSink sink = new RecordingSink();

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
        vm.setMetricsSink(sink);
    }

    @AfterEach
    void close() {
        vm.close();
    }

    /** Runs frames until the condition holds; fails after 30 s. */
    private void frameUntil(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (true) {
            ui.frame();
            if (condition.getAsBoolean()) return;
            if (System.nanoTime() > deadline) fail("timed out waiting for: " + what);
            LockSupport.parkNanos(1_000_000);
        }
    }

    private void openReady(Path file) {
        vm.startRuntime(Nd4jRuntime::start);
        vm.open(file);
        frameUntil("project open and ND4J up", () -> vm.canTrainProperty().get());
    }

    @Test
    void trainingWaitsForNd4jAndTheProject() {
        assertFalse(vm.canTrainProperty().get());
        vm.open(TestProjects.xorSample());
        frameUntil("project open", () -> vm.projectProperty().get() != null);
        assertEquals(State.READY, vm.stateProperty().get());
        assertFalse(vm.canTrainProperty().get(), "no backend reported yet");
        vm.startRuntime(Nd4jRuntime::start);
        frameUntil("backend", () -> vm.backendProperty().get() != null);
        assertTrue(vm.canTrainProperty().get());
        assertTrue(vm.canStepProperty().get());
        assertFalse(vm.canPauseProperty().get());
        assertFalse(vm.canResetProperty().get(), "nothing to reset yet");
    }

    @Test
    void opensTheXorSample() {
        openReady(TestProjects.xorSample());
        assertEquals("XOR", vm.projectProperty().get().name());
        assertEquals(List.of("input", "hidden", "output"), vm.layers().stream().map(LayerRow::id).toList());
        assertEquals(List.of(0L, 9L, 4L), vm.layers().stream().map(LayerRow::parameters).toList());
        assertEquals(List.of("2", "3", "1"), vm.layers().stream().map(LayerRow::units).toList());
        assertEquals(13, vm.parametersProperty().get());
        assertEquals(3, vm.diagramProperty().get().columns());
        assertTrue(Double.isNaN(vm.lossProperty().get()));
    }

    @Test
    void trainsTheSampleToTheEnd() {
        openReady(TestProjects.xorSample());
        vm.train();
        frameUntil("finished", () -> vm.stateProperty().get() == State.FINISHED);
        assertEquals(500, sink.points, "every iteration reached the chart");
        assertEquals(500, vm.iterationProperty().get());
        assertEquals(499, vm.epochProperty().get());
        assertTrue(vm.lossProperty().get() < 0.05, "loss " + vm.lossProperty().get());
        assertEquals(1.0, vm.lastEvaluationProperty().get().testAccuracy());
        assertFalse(vm.canTrainProperty().get());
        assertTrue(vm.canResetProperty().get());
    }

    @Test
    void pauseHoldsStepAddsOneResumeContinuesResetStartsOver() throws Exception {
        openReady(TestProjects.longXor(dir));
        vm.train();
        frameUntil("running, with points", () -> sink.points > 0 && vm.canPauseProperty().get());
        vm.pause();
        frameUntil("paused", () -> vm.stateProperty().get() == State.PAUSED);
        int held = sink.points;
        assertEquals(vm.session().metrics().size(), held, "the chart has every point up to the pause");
        assertEquals(held, vm.iterationProperty().get());
        for (int i = 0; i < 20; i++) {
            ui.frame();
            LockSupport.parkNanos(1_000_000);
        }
        assertEquals(held, sink.points, "nothing arrives while paused");
        assertTrue(vm.canTrainProperty().get(), "resume is possible");

        vm.step();
        frameUntil("one step", () -> sink.points == held + 1);
        assertEquals(State.PAUSED, vm.stateProperty().get());

        vm.train();
        frameUntil("resumed", () -> sink.points > held + 50);

        vm.stop();
        frameUntil("stopped", () -> vm.stateProperty().get() == State.STOPPED && vm.busyProperty().get() == 0);
        int clearsBefore = sink.clears;
        vm.reset();
        assertFalse(vm.canTrainProperty().get(), "busy while resetting");
        frameUntil("reset", () -> vm.busyProperty().get() == 0);
        assertEquals(State.READY, vm.stateProperty().get());
        assertEquals(clearsBefore + 1, sink.clears);
        assertEquals(0, sink.points);
        assertEquals(0, vm.iterationProperty().get());
        assertTrue(vm.canTrainProperty().get());
    }

    @Test
    void aBrokenFileIsReportedAndTheOpenProjectStays() throws Exception {
        openReady(TestProjects.xorSample());
        expectProblem(TestProjects.write(dir, "broken.bpw.json", "{\"format\": \"backprop-workbench/project\", \"version\": 1,\n  \"name\": 3"),
                Problem.Kind.OPEN, "broken.bpw.json");
        expectProblem(TestProjects.write(dir, "future.bpw.json", "{\"format\": \"backprop-workbench/project\", \"version\": 99}"),
                Problem.Kind.OPEN, "newer");
        expectProblem(dir.resolve("missing.bpw.json"), Problem.Kind.OPEN, "missing.bpw.json");
        expectProblem(TestProjects.noOutputLayer(dir), Problem.Kind.COMPILE, "output");
        expectProblem(TestProjects.unavailableData(dir), Problem.Kind.DATA, "csv");
    }

    private void expectProblem(Path file, Problem.Kind kind, String mentions) {
        vm.dismissProblem();
        vm.open(file);
        frameUntil("a problem with " + file.getFileName(), () -> vm.problemProperty().get() != null);
        Problem p = vm.problemProperty().get();
        assertEquals(kind, p.kind(), p.message());
        assertTrue(p.message().contains(mentions), p.message());
        assertFalse(p.message().contains("\tat "), "no stack trace: " + p.message());
        assertEquals("XOR", vm.projectProperty().get().name(), "the open project stays");
        assertEquals(3, vm.layers().size());
        assertEquals(TestProjects.xorSample(), vm.projectFileProperty().get());
    }

    @Test
    void saveAsWritesTheProjectAndAdoptsTheFile() throws Exception {
        Path original = TestProjects.write(dir, "xor.bpw.json", Files.readString(TestProjects.xorSample()));
        openReady(original);
        Path copy = dir.resolve("sub").resolve("copy.bpw.json");
        vm.saveAs(copy);
        frameUntil("saved", () -> vm.busyProperty().get() == 0 && copy.equals(vm.projectFileProperty().get()));
        assertEquals(vm.projectProperty().get(), ProjectFiles.read(copy));
        assertEquals(Files.readString(original), Files.readString(copy), "canonical form: same bytes");
        assertTrue(vm.save());
        frameUntil("saved again", () -> vm.busyProperty().get() == 0);
        assertNull(vm.problemProperty().get());
    }

    @Test
    void aSaveThatFailsIsReported() throws Exception {
        openReady(TestProjects.xorSample());
        Path notADirectory = TestProjects.write(dir, "file", "x");
        vm.saveAs(notADirectory.resolve("x.bpw.json"));
        frameUntil("problem", () -> vm.problemProperty().get() != null);
        assertEquals(Problem.Kind.SAVE, vm.problemProperty().get().kind());
        assertEquals(TestProjects.xorSample(), vm.projectFileProperty().get());
    }

    private static final class RecordingSink implements MetricsSink {
        int points;
        int evaluations;
        int clears;

        @Override
        public void clear() {
            points = 0;
            evaluations = 0;
            clears++;
        }

        @Override
        public void append(List<MetricPoint> p, List<Evaluation> e) {
            points += p.size();
            evaluations += e.size();
        }
    }
}
