package org.backprop.engine.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.backprop.engine.Samples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.backprop.engine.cli.WorkbenchCliTest.run;
import static org.junit.jupiter.api.Assertions.*;

/** Gradient telemetry on the command line: train --out writes it, diagnose explains it. */
class TelemetryCliTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void trainWritesTelemetryAndDiagnosisNextToTheMetrics() throws Exception {
        Path out = tmp.resolve("run");
        WorkbenchCliTest.Result r = run("train", Samples.file("deep-sigmoid").toString(), "--out", out.toString(), "--iterations", "60");
        assertEquals(0, r.exit(), r.err());

        JsonNode telemetry = JSON.readTree(out.resolve("telemetry.json").toFile());
        assertEquals(60, telemetry.get("lastIteration").asInt());
        List<String> layers = new ArrayList<>();
        telemetry.get("layers").forEach(l -> layers.add(l.get("id").asText()));
        assertEquals(List.of("h1", "h2", "h3", "h4", "h5", "h6", "h7", "h8", "output"), layers);
        JsonNode w = telemetry.get("layers").get(0).get("parameters").get("W");
        assertEquals(4, w.get("gradientNorm").get("mean").size(), "iterations 1, 20, 40, 60");
        assertEquals(1, w.get("gradientNorm").get("first").get(0).asInt());
        assertFalse(w.get("histograms").get("gradients").isEmpty());
        assertEquals(16, telemetry.get("layers").get(0).get("gradientMatrices").get(0).get("cols").asInt());

        JsonNode diagnosis = JSON.readTree(out.resolve("diagnosis.json").toFile());
        JsonNode first = diagnosis.get("findings").get(0);
        assertEquals("vanishing_gradients", first.get("kind").asText());
        assertEquals("h1", first.get("layers").get(0).asText());
        assertTrue(first.get("message").asText().startsWith("From iteration 1, the weight gradients of 'h1'"), first.get("message").asText());
        assertTrue(r.out().contains("diagnosis  Vanishing gradients (h1, h2"), r.out());
    }

    @Test
    void diagnosePrintsTheVanishingFindingInPlainWords() {
        WorkbenchCliTest.Result r = run("diagnose", Samples.file("deep-sigmoid").toString(), "--lang", "en");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().startsWith("Diagnosis of Deep sigmoid network: 200 iterations"), r.out());
        assertTrue(r.out().contains("[CRITICAL] Vanishing gradients (layers: 'h1', 'h2', 'h3'"), r.out());
        assertTrue(r.out().contains("orders of magnitude smaller than those of the output layer 'output'"), r.out());
        assertTrue(r.out().contains("- Use ReLU in the hidden layers with He initialisation"), r.out());
    }

    @Test
    void diagnoseSpeaksChineseAndJson() throws Exception {
        WorkbenchCliTest.Result zh = run("diagnose", Samples.file("exploding").toString(), "--lang", "zh-CN");
        assertEquals(0, zh.exit(), zh.err());
        assertTrue(zh.out().contains("训练在第"), zh.out());

        WorkbenchCliTest.Result json = run("diagnose", Samples.file("deep-relu-he").toString(), "--format", "json", "--iterations", "50");
        assertEquals(0, json.exit(), json.err());
        JsonNode d = JSON.readTree(json.out());
        assertEquals("Deep ReLU network with He initialisation", d.get("project").asText());
        assertEquals(0, d.get("findings").size(), json.out());
    }

    @Test
    void recurrentLayersGetTheirGradientPerTimeStepInTelemetryAndDiagnosis() throws Exception {
        Path out = tmp.resolve("rnn");
        WorkbenchCliTest.Result r = run("train", Samples.file("elman-sine").toString(), "--out", out.toString(), "--iterations", "40");
        assertEquals(0, r.exit(), r.err());
        JsonNode layers = JSON.readTree(out.resolve("telemetry.json").toFile()).get("layers");
        JsonNode steps = layers.get(0).get("timeStepGradientNorms");
        assertEquals("hidden", layers.get(0).get("id").asText());
        assertEquals(3, steps.size(), "iterations 1, 20, 40");
        assertEquals(40, steps.get(2).get("iteration").asInt());
        assertEquals(32, steps.get(2).get("norms").size(), "one per time step");
        assertNull(layers.get(1).get("timeStepGradientNorms"), "the output layer has none");

        WorkbenchCliTest.Result d = run("diagnose", Samples.file("rnn-adding").toString(), "--lang", "en");
        assertEquals(0, d.exit(), d.err());
        assertTrue(d.out().contains("Gradient vanishes through time (layers: 'memory')"), d.out());
        assertTrue(d.out().contains("- Use an LSTM layer"), d.out());
        WorkbenchCliTest.Result zh = run("diagnose", Samples.file("rnn-exploding").toString(), "--lang", "zh-CN");
        assertTrue(zh.out().contains("梯度随时间步爆炸"), zh.out());
        assertTrue(zh.out().contains("renormalizeL2PerLayer"), zh.out());
    }

    @Test
    void diagnoseRejectsNonsense() {
        assertEquals(WorkbenchCli.USAGE, run("diagnose", Samples.file("xor").toString(), "--iterations", "0").exit());
        assertEquals(WorkbenchCli.INVALID_INPUT, run("diagnose", tmp.resolve("nope.bpw.json").toString()).exit());
    }
}
