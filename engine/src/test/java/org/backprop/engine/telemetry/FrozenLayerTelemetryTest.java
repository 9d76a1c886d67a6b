package org.backprop.engine.telemetry;

import com.fasterxml.jackson.databind.JsonNode;
import org.backprop.engine.Samples;
import org.backprop.engine.data.ProjectData;
import org.backprop.engine.diagnosis.Diagnosis;
import org.backprop.engine.diagnosis.Finding;
import org.backprop.engine.project.Project;
import org.backprop.engine.runtime.Nd4jRuntime;
import org.backprop.engine.train.TrainingPlan;
import org.backprop.engine.train.TrainingSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/** The fine-tuning sample, hidden layers frozen: telemetry says so, and the diagnosis does not mistake it for a problem. */
class FrozenLayerTelemetryTest {

    @BeforeAll
    static void nd4j() {
        Nd4jRuntime.configure();
    }

    @Test
    void frozenLayersAreMarkedRecordedAsZeroUpdateAndNotReportedAsVanishing() throws Exception {
        Project p = Samples.load("fashion-finetune");
        var dir = Samples.file("fashion-finetune").getParent();
        try (TrainingSession s = new TrainingSession(p, ProjectData.load(p, dir), dir)) {
            Telemetry t = SessionTelemetry.attach(s, TelemetryConfig.defaults().withSamplingInterval(2)).telemetry();
            float[] before = s.network().layer("hidden1").getParam("W").dup().ravel().toFloatVector();
            s.setPlan(TrainingPlan.iterations(12));
            s.start();
            assertTrue(s.awaitIdle(60, TimeUnit.SECONDS));
            assertArrayEquals(before, s.network().layer("hidden1").getParam("W").dup().ravel().toFloatVector(), "frozen: bit for bit");

            LayerTelemetry hidden1 = t.layer("hidden1").orElseThrow();
            LayerTelemetry output = t.layer("output").orElseThrow();
            assertTrue(hidden1.frozen());
            assertTrue(t.layer("hidden2").orElseThrow().frozen());
            assertFalse(output.frozen());
            assertEquals("relu", hidden1.activation(), "the wrapped layer's activation, not the frozen wrapper's");
            assertEquals("DenseLayer", hidden1.layerType());

            ParameterTelemetry w = hidden1.parameters().get("W");
            assertEquals(7, w.updateRatioLog10().size(), "sampled at 1, 2, 4, ..., 12 like every other layer");
            assertEquals(output.parameters().get("W").updateRatioLog10().size(), w.updateRatioLog10().size());
            for (double r : w.updateRatioLog10().points().mean()) assertEquals(Double.NEGATIVE_INFINITY, r, "update exactly 0");
            for (double g : w.gradientMeanAbs().points().mean()) assertEquals(0.0, g);
            assertFalse(hidden1.deadFraction().isEmpty(), "its activations are still measured");
            for (double r : output.parameters().get("W").updateRatioLog10().points().mean()) assertTrue(Double.isFinite(r));

            JsonNode json = TelemetryJson.toTree(t);
            JsonNode h1 = json.get("layers").get(0);
            assertEquals("hidden1", h1.get("id").asText());
            assertTrue(h1.get("frozen").asBoolean());
            assertFalse(json.get("layers").get(2).get("frozen").asBoolean());
            assertEquals("-Infinity", h1.get("parameters").get("W").get("updateRatioLog10").get("mean").get(0).asText());

            List<Finding> findings = Diagnosis.standard().findings(t);
            for (Finding f : findings) {
                assertFalse(f.layers().contains("hidden1") || f.layers().contains("hidden2"), "a frozen layer reported: " + f);
            }
        }
    }
}
