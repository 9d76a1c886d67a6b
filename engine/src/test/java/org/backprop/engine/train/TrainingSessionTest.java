package org.backprop.engine.train;

import org.backprop.engine.Projects;
import org.backprop.engine.Samples;
import org.backprop.engine.data.PreparedData;
import org.backprop.engine.data.ProjectData;
import org.backprop.engine.project.LayerSpec;
import org.backprop.engine.project.OptimizerSpec;
import org.backprop.engine.project.Project;
import org.backprop.engine.project.TrainingSettings;
import org.backprop.engine.runtime.Nd4jRuntime;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.backprop.engine.project.LayerType.*;
import static org.junit.jupiter.api.Assertions.*;

class TrainingSessionTest {

    @BeforeAll
    static void nd4j() {
        Nd4jRuntime.configure();
    }

    static TrainingSession session(Project p) throws Exception {
        PreparedData d = ProjectData.load(p, Path.of("."));
        return new TrainingSession(p, d);
    }

    /** A circle classifier with 4 batches per epoch: enough iterations to pause in the middle. */
    static Project circle(int epochs) {
        TrainingSettings t = TrainingSettings.defaults().withEpochs(epochs).withOptimizer(OptimizerSpec.adam(0.05));
        return Projects.chain(new TrainingSettings(t.optimizer(), 8, epochs, 7, 0, 0, 0, t.gradientClipping(), t.dataType(), "xavier"),
                LayerSpec.of("in", INPUT, "size", 2),
                LayerSpec.of("h", DENSE, "units", 6, "activation", "tanh"),
                LayerSpec.of("out", OUTPUT, "units", 2));
    }

    @Test
    void xorTrainsBelowTheLossTheIssueAsksFor() throws Exception {
        try (TrainingSession s = session(Samples.load("xor"))) {
            s.start();
            assertTrue(s.awaitIdle(60, TimeUnit.SECONDS));
            assertEquals(TrainingSession.State.FINISHED, s.state(), () -> String.valueOf(s.failure()));
            assertEquals(500, s.metrics().size(), "500 epochs of one 4-row batch");
            assertTrue(s.metrics().last().loss() < 0.05, "final loss " + s.metrics().last().loss());
            assertEquals(1.0, s.metrics().lastEvaluation().testAccuracy());
        }
    }

    @Test
    void theSameSeedGivesTheSameLossesBitForBit() throws Exception {
        double[] first = losses(circle(5));
        double[] second = losses(circle(5));
        assertEquals(20, first.length, "30 training rows in batches of 8 for 5 epochs");
        assertArrayEquals(first, second);
    }

    @Test
    void pauseStepResumeAndStopEachTakeEffectWithinOneIteration() throws Exception {
        try (TrainingSession s = session(circle(100_000))) {
            s.start();
            waitFor(() -> s.metrics().size() >= 5);
            s.pause();
            assertTrue(s.awaitIdle(10, TimeUnit.SECONDS));
            assertEquals(TrainingSession.State.PAUSED, s.state());
            int paused = s.metrics().size();
            Thread.sleep(100);
            assertEquals(paused, s.metrics().size(), "no iteration runs while paused");

            s.step();
            assertTrue(s.awaitIdle(10, TimeUnit.SECONDS));
            assertEquals(paused + 1, s.metrics().size(), "step runs exactly one iteration");
            assertEquals(TrainingSession.State.PAUSED, s.state());

            s.resume();
            waitFor(() -> s.metrics().size() > paused + 10);
            assertEquals(TrainingSession.State.RUNNING, s.state());

            s.stop();
            assertEquals(TrainingSession.State.STOPPED, s.state());
            int stopped = s.metrics().size();
            Thread.sleep(50);
            assertEquals(stopped, s.metrics().size());
        }
    }

    @Test
    void resetStartsOverFromTheSameInitialWeights() throws Exception {
        try (TrainingSession s = session(circle(3))) {
            var initial = s.network().model().params().dup();
            s.start();
            assertTrue(s.awaitIdle(30, TimeUnit.SECONDS));
            double[] firstRun = lossesOf(s.metrics());
            assertNotEquals(initial, s.network().model().params());

            s.reset();
            assertEquals(TrainingSession.State.READY, s.state());
            assertEquals(0, s.metrics().size());
            assertEquals(initial, s.network().model().params());
            s.start();
            assertTrue(s.awaitIdle(30, TimeUnit.SECONDS));
            assertArrayEquals(firstRun, lossesOf(s.metrics()));
        }
    }

    @Test
    void stepFromReadyRunsOneIteration() throws Exception {
        try (TrainingSession s = session(circle(3))) {
            s.step();
            assertTrue(s.awaitIdle(10, TimeUnit.SECONDS));
            assertEquals(1, s.metrics().size());
            assertEquals(TrainingSession.State.PAUSED, s.state());
        }
    }

    @Test
    void tasksBetweenIterationsRunOnTheTrainingThreadWhileRunningAndPausedAndOnTheCallerWhenIdle() throws Exception {
        try (TrainingSession s = session(circle(100_000))) {
            // Idle: at once, on the caller.
            Thread[] ranOn = new Thread[1];
            s.runBetweenIterations(net -> ranOn[0] = Thread.currentThread());
            assertSame(Thread.currentThread(), ranOn[0]);

            s.start();
            waitFor(() -> s.metrics().size() >= 5);
            var running = new java.util.concurrent.CompletableFuture<String>();
            s.runBetweenIterations(net -> running.complete(Thread.currentThread().getName() + " " + net.model().params().length()));
            assertTrue(running.get(10, TimeUnit.SECONDS).startsWith("training-"), running.get());

            s.pause();
            assertTrue(s.awaitIdle(10, TimeUnit.SECONDS));
            int paused = s.metrics().size();
            var whilePaused = new java.util.concurrent.CompletableFuture<Integer>();
            s.runBetweenIterations(net -> whilePaused.complete(s.metrics().size()));
            assertEquals(paused, whilePaused.get(10, TimeUnit.SECONDS), "runs while paused, without training on");
            assertEquals(TrainingSession.State.PAUSED, s.state());

            // A failing task is dropped; training goes on.
            s.runBetweenIterations(net -> { throw new IllegalStateException("observer bug"); });
            s.resume();
            waitFor(() -> s.metrics().size() > paused + 5);
            s.stop();
            var afterStop = new java.util.concurrent.CompletableFuture<Thread>();
            s.runBetweenIterations(net -> afterStop.complete(Thread.currentThread()));
            assertSame(Thread.currentThread(), afterStop.get(1, TimeUnit.SECONDS));
        }
    }

    private static double[] losses(Project p) throws Exception {
        try (TrainingSession s = session(p)) {
            s.start();
            assertTrue(s.awaitIdle(30, TimeUnit.SECONDS));
            return lossesOf(s.metrics());
        }
    }

    private static double[] lossesOf(MetricsLog log) {
        return log.since(0).stream().mapToDouble(MetricPoint::loss).toArray();
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) fail("condition not met in 20 s");
            Thread.sleep(5);
        }
    }
}
