package org.backprop.engine.diagnosis;

import org.backprop.engine.Samples;
import org.backprop.engine.data.ProjectData;
import org.backprop.engine.project.Project;
import org.backprop.engine.runtime.Nd4jRuntime;
import org.backprop.engine.telemetry.NonFiniteEvent;
import org.backprop.engine.telemetry.SessionTelemetry;
import org.backprop.engine.telemetry.Telemetry;
import org.backprop.engine.telemetry.TelemetryConfig;
import org.backprop.engine.train.TrainingPlan;
import org.backprop.engine.train.TrainingSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/** The three demonstration samples, trained for real, get the diagnosis they are there to show. */
class SampleDiagnosisTest {

    @BeforeAll
    static void nd4j() {
        Nd4jRuntime.configure();
    }

    record Run(TrainingSession session, Telemetry telemetry, List<Finding> findings) {}

    static Run train(String sample, long iterations) throws Exception {
        Project p = Samples.load(sample);
        TrainingSession s = new TrainingSession(p, ProjectData.load(p, Samples.file(sample).getParent()));
        Telemetry t = SessionTelemetry.attach(s, TelemetryConfig.defaults()).telemetry();
        s.setPlan(TrainingPlan.iterations(iterations));
        s.start();
        assertTrue(s.awaitIdle(60, TimeUnit.SECONDS), "training went idle");
        return new Run(s, t, Diagnosis.standard().findings(t));
    }

    @Test
    void deepSigmoidGradientsVanishInTheFirstLayers() throws Exception {
        Run r = train("deep-sigmoid", 200);
        try (TrainingSession s = r.session()) {
            assertEquals(TrainingSession.State.FINISHED, s.state());
            Finding v = r.findings().stream().filter(f -> f.kind() == Kind.VANISHING_GRADIENTS).findFirst()
                    .orElseThrow(() -> new AssertionError("no vanishing finding in " + r.findings()));
            assertEquals(Severity.CRITICAL, v.severity(), "more than four orders of magnitude: " + v.evidence());
            assertEquals(List.of("h1", "h2", "h3"), v.layers().subList(0, 3), "named from the input side: " + v.layers());
            assertFalse(v.layers().contains("h8"), "the layer next to the output still gets a gradient: " + v.layers());
            assertFalse(v.layers().contains("output"));
            assertTrue((double) v.evidence().get("orders") >= 4, v.evidence().toString());
            assertTrue(v.fixes().contains(Fix.RELU_HE_INIT) && v.fixes().contains(Fix.BATCH_NORMALIZATION), v.fixes().toString());
            assertEquals(1, v.iteration(), "visible from the first iteration");
            // The gradient shrinks layer by layer toward the input.
            List<Double> perLayer = List.copyOf(v.perLayer().values());
            for (int i = 1; i < perLayer.size(); i++) assertTrue(perLayer.get(i - 1) < perLayer.get(i), "monotone: " + v.perLayer());
        }
    }

    @Test
    void theSameDepthWithReluAndHeInitialisationIsHealthy() throws Exception {
        Run r = train("deep-relu-he", 200);
        try (TrainingSession s = r.session()) {
            assertEquals(TrainingSession.State.FINISHED, s.state());
            assertEquals(List.of(), r.findings(), "nothing to report");
            assertTrue(s.metrics().last().loss() < 0.1 * s.metrics().get(0).loss(), "and it learns");
        }
    }

    @Test
    void explodingTurnsNanAndPausesTrainingAtTheLayerAndIterationWhereItAppeared() throws Exception {
        Run r = train("exploding", 200);
        try (TrainingSession s = r.session()) {
            assertEquals(TrainingSession.State.PAUSED, s.state(), "paused, not failed: " + s.failure());
            assertNull(s.failure());
            NonFiniteEvent e = r.telemetry().nonFinite().orElseThrow();
            assertTrue(s.project().network().layer(e.layer()).isPresent(), "a real layer: " + e.layer());
            long expectedStop = e.source() == NonFiniteEvent.Source.PARAMETERS ? e.iteration() + 1 : e.iteration();
            assertEquals(expectedStop, s.metrics().size(), "paused right after the iteration where it appeared");
            for (int i = 0; i < e.iteration() - 1; i++) assertTrue(Double.isFinite(s.metrics().get(i).loss()), "finite before");
            assertTrue(e.iteration() < 50, "it explodes quickly: " + e);

            Finding f = r.findings().get(0);
            assertEquals(Severity.CRITICAL, f.severity());
            assertTrue(f.kind().name().startsWith("NON_FINITE_"), f.kind().toString());
            assertEquals(List.of(e.layer()), f.layers());
            assertEquals(e.iteration(), f.iteration());
            assertTrue(f.fixes().contains(Fix.LOWER_LEARNING_RATE));

            s.resume(); // the user may train on: NaN does not crash it, nor pause it again
            // (awaitIdle right after resume() can return before the worker wakes: poll the state.)
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (s.state() != TrainingSession.State.FINISHED && s.state() != TrainingSession.State.FAILED
                    && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertEquals(TrainingSession.State.FINISHED, s.state(), () -> String.valueOf(s.failure()));
            assertEquals(200, s.metrics().size());
            assertEquals(e, r.telemetry().nonFinite().orElseThrow(), "the first event stays the one reported");
        }
    }
}
