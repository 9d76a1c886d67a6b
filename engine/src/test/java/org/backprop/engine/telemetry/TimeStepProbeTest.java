package org.backprop.engine.telemetry;

import org.backprop.engine.Samples;
import org.backprop.engine.compile.NetworkCompiler;
import org.backprop.engine.data.ProjectData;
import org.backprop.engine.project.Project;
import org.backprop.engine.recurrent.TimeStepGradients;
import org.backprop.engine.runtime.Nd4jRuntime;
import org.backprop.engine.train.TrainingPlan;
import org.backprop.engine.train.TrainingSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.dataset.DataSet;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/** Session telemetry records the gradient per time step of recurrent layers, on the batch just trained on. */
class TimeStepProbeTest {

    @BeforeAll
    static void nd4j() {
        Nd4jRuntime.configure();
    }

    private static TrainingSession session(String sample) throws Exception {
        Project p = Samples.load(sample);
        return new TrainingSession(p, ProjectData.load(p, Samples.file(sample).getParent()));
    }

    @Test
    void theRecurrentLayerGetsOneNormPerTimeStepAtEachSampledIteration() throws Exception {
        try (TrainingSession s = session("elman-sine")) {
            Telemetry t = SessionTelemetry.attach(s, TelemetryConfig.defaults().withSamplingInterval(5).withTimeStepInterval(5)).telemetry();
            s.setPlan(TrainingPlan.iterations(12));
            s.step();
            assertTrue(s.awaitIdle(30, TimeUnit.SECONDS));
            DataSet first = s.currentBatch();
            LayerTelemetry hidden = t.layer("hidden").orElseThrow();
            assertTrue(hidden.recurrent());
            List<LayerTelemetry.TimeStepNorms> rows = hidden.timeStepNorms().toList();
            assertEquals(1, rows.size());
            // The same numbers as measuring the untrained model (same seed) on the batch of iteration 1.
            double[] expected = TimeStepGradients.of(NetworkCompiler.compile(s.project()).model(), first).get("hidden");
            assertArrayEquals(expected, rows.get(0).norms(), 1e-6);
            assertEquals(32, rows.get(0).norms().length, "elman-sine's sequences are 32 steps long");

            s.start();
            assertTrue(s.awaitIdle(30, TimeUnit.SECONDS));
            assertEquals(List.of(1L, 5L, 10L), hidden.timeStepNorms().toList().stream().map(LayerTelemetry.TimeStepNorms::iteration).toList(),
                    "only at sampled iterations");
            for (double v : hidden.timeStepNorms().toList().get(2).norms()) assertTrue(v > 0 && Double.isFinite(v), "a real norm: " + v);
            assertTrue(t.layer("output").orElseThrow().timeStepNorms().toList().isEmpty(), "not for the dense output layer");
        }
    }

    @Test
    void aFeedbackLoopIsMeasuredAtTheCellItIsNamedAfter() throws Exception {
        try (TrainingSession s = session("jordan-sine")) {
            Telemetry t = SessionTelemetry.attach(s, TelemetryConfig.defaults()).telemetry();
            s.step();
            assertTrue(s.awaitIdle(30, TimeUnit.SECONDS));
            LayerTelemetry loop = t.layers().stream().filter(LayerTelemetry::recurrent).findFirst().orElseThrow();
            assertEquals("loop:hidden", loop.id());
            double[] expected = TimeStepGradients.of(NetworkCompiler.compile(s.project()).model(), s.currentBatch()).get("hidden");
            assertArrayEquals(expected, loop.timeStepNorms().toList().get(0).norms(), 1e-6);
        }
    }

    /** The probe works on a copy: the run is bit for bit the one without it (also for a ComputationGraph). */
    @Test
    void measuringDoesNotChangeTraining() throws Exception {
        for (String sample : List.of("elman-sine", "jordan-sine")) {
            assertEquals(losses(sample, TimeStepProbe.NONE), losses(sample, null), sample);
        }
    }

    private static List<Double> losses(String sample, TimeStepProbe probe) throws Exception {
        try (TrainingSession s = session(sample)) {
            TelemetryConfig c = TelemetryConfig.defaults().withSamplingInterval(2).withTimeStepInterval(2);
            Telemetry t = (probe == null ? SessionTelemetry.attach(s, c) : SessionTelemetry.attach(s, c, probe)).telemetry();
            s.setPlan(TrainingPlan.iterations(6));
            s.start();
            assertTrue(s.awaitIdle(30, TimeUnit.SECONDS));
            assertEquals(probe == null ? 4 : 0, t.layers().stream().filter(LayerTelemetry::recurrent).findFirst().orElseThrow()
                    .timeStepNorms().toList().size(), "iterations 1, 2, 4, 6");
            List<Double> out = new ArrayList<>();
            for (int i = 0; i < s.metrics().size(); i++) out.add(s.metrics().get(i).loss());
            return out;
        }
    }
}
