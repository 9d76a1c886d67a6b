package org.backprop.engine.diagnosis;

import org.backprop.engine.Samples;
import org.backprop.engine.data.ProjectData;
import org.backprop.engine.project.GradientClipping;
import org.backprop.engine.project.Project;
import org.backprop.engine.runtime.Nd4jRuntime;
import org.backprop.engine.telemetry.SessionTelemetry;
import org.backprop.engine.telemetry.Telemetry;
import org.backprop.engine.telemetry.TelemetryConfig;
import org.backprop.engine.train.TrainingPlan;
import org.backprop.engine.train.TrainingSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The recurrent samples, trained for real with statistics every 10 iterations (the diagnose
 * command's default), get the through-time findings they are there to show, and only those.
 */
class TimeStepDiagnosisTest {

    @BeforeAll
    static void nd4j() {
        Nd4jRuntime.configure();
    }

    private static List<Finding> diagnose(Project p, String sample, long iterations) throws Exception {
        try (TrainingSession s = new TrainingSession(p, ProjectData.load(p, Samples.file(sample).getParent()))) {
            Telemetry t = SessionTelemetry.attach(s, TelemetryConfig.defaults().withSamplingInterval(10).withTimeStepInterval(10)).telemetry();
            s.setPlan(TrainingPlan.iterations(iterations));
            s.start();
            assertTrue(s.awaitIdle(120, TimeUnit.SECONDS), "training went idle");
            assertNull(s.failure());
            return Diagnosis.standard().findings(t);
        }
    }

    private static Optional<Finding> find(List<Finding> findings, Kind kind) {
        return findings.stream().filter(f -> f.kind() == kind).findFirst();
    }

    @Test
    void aPlainRecurrentLayerLosesTheGradientOverTheAddingProblemsLag() throws Exception {
        List<Finding> f = diagnose(Samples.load("rnn-adding"), "rnn-adding", 40);
        Finding v = find(f, Kind.VANISHING_THROUGH_TIME).orElseThrow(() -> new AssertionError("no vanishing through time in " + f));
        assertEquals(List.of("memory"), v.layers());
        assertTrue((double) v.evidence().get("orders") >= 2, v.evidence().toString());
        assertEquals(25, v.evidence().get("steps"));
        double quoted = Math.log10((double) v.evidence().get("laterNorm") / (double) v.evidence().get("firstNorm"));
        assertEquals(Math.floor(quoted * 10) / 10, (double) v.evidence().get("orders"), 1e-9,
                "the orders of magnitude are those of the norms the finding quotes: " + v.evidence());
        assertTrue(v.fixes().contains(Fix.LSTM));
        assertTrue(find(f, Kind.EXPLODING_THROUGH_TIME).isEmpty(), f.toString());
    }

    @Test
    void anIdentityReluRecurrenceExplodesAndClippingIsTheFix() throws Exception {
        Project p = Samples.load("rnn-exploding");
        List<Finding> f = diagnose(p, "rnn-exploding", 20); // pauses at the overflow, iteration 2
        Finding e = find(f, Kind.EXPLODING_THROUGH_TIME).orElseThrow(() -> new AssertionError("no exploding through time in " + f));
        assertEquals(List.of("hidden"), e.layers());
        assertEquals(1, e.iteration(), "visible at the first iteration, before the overflow");
        assertTrue((double) e.evidence().get("factor") >= 10, e.evidence().toString());
        assertEquals(List.of(Fix.GRADIENT_CLIPPING, Fix.GRADIENT_RENORMALIZATION), e.fixes().subList(0, 2));
        assertTrue(find(f, Kind.VANISHING_THROUGH_TIME).isEmpty(), f.toString());

        Project clipped = p.withTraining(p.training().withGradientClipping(new GradientClipping(GradientClipping.Type.CLIP_L2_PER_LAYER, 1)));
        List<Finding> c = diagnose(clipped, "rnn-exploding", 30);
        assertTrue(find(c, Kind.EXPLODING_THROUGH_TIME).isEmpty(), "clipped, it trains and is not reported: " + c);
    }

    @Test
    void elmanAndJordanOnTheSineKeepTheirGradientThroughTime() throws Exception {
        for (String sample : List.of("elman-sine", "jordan-sine")) {
            List<Finding> f = diagnose(Samples.load(sample), sample, 50);
            assertTrue(f.stream().noneMatch(x -> x.kind() == Kind.VANISHING_THROUGH_TIME || x.kind() == Kind.EXPLODING_THROUGH_TIME),
                    sample + ": " + f);
        }
    }

    /** While its gates learn the LSTM's first steps get little too; by 200 iterations it carries the gradient. */
    @Test
    void theLstmCarriesTheGradientAcrossTheLagByTheDiagnoseDefault() throws Exception {
        List<Finding> f = diagnose(Samples.load("lstm-adding"), "lstm-adding", 200);
        assertTrue(find(f, Kind.VANISHING_THROUGH_TIME).isEmpty(), f.toString());
    }
}
