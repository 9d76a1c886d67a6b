package org.backprop.engine.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.backprop.engine.Samples;
import org.backprop.engine.compile.NetworkCompiler;
import org.backprop.engine.data.ProjectData;
import org.backprop.engine.project.Project;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.backprop.engine.stepthrough.StepThrough;
import org.backprop.engine.stepthrough.Transcript;
import org.backprop.engine.stepthrough.TranscriptJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.backprop.engine.cli.WorkbenchCliTest.run;
import static org.junit.jupiter.api.Assertions.*;

/** {@code workbench explain}: the handout and the JSON say what the step-through computed. */
class ExplainCommandTest {

    @TempDir
    Path tmp;

    private static String seed() {
        return Samples.file("chain-rule-1-2-1").toString();
    }

    @Test
    void theOneTwoOneSamplePrintsY26E4AndDEdyMinus4() {
        WorkbenchCliTest.Result r = run("explain", seed());
        assertEquals(WorkbenchCli.OK, r.exit(), r.err());
        String md = r.out();
        assertTrue(md.contains("\n- y = 26 (target t = 28)\n"), md);
        assertTrue(md.contains("\n- E = 4\n"), md);
        assertTrue(md.contains("\n- dE/dy = -4\n"), md);
        assertTrue(md.contains("$$\\frac{\\partial E}{\\partial y} = 2 \\cdot (y - t) = 2 \\cdot (26 - 28) = -4$$"), md);
        assertTrue(md.contains("\\mathrm{ReLU}'(4) = 1$$"), "the true slope, never 0 for z > 0:\n" + md);
        assertTrue(md.contains("| hidden | W[0,0] | 0_W | 2 | -16 | 2.016 |"), md);
        assertTrue(md.contains("- loss after the update: E = 2.32843"), md);
    }

    @Test
    void theMarkdownHandoutHasEveryStepInOrderAndEveryParameter() throws Exception {
        Transcript t = StepThrough.open(Samples.load("textbook-2-2-2"), Samples.file("textbook-2-2-2").getParent(), List.of()).next();
        String md = run("explain", Samples.file("textbook-2-2-2").toString(), "--format", "md").out();
        int at = 0;
        for (var s : t.steps()) {
            int next = md.indexOf((s.index() + 1) + ". " + s.title() + "\n   $$" + s.latex() + "$$\n", at);
            assertTrue(next > at, "step " + s.index() + " in order: " + s.latex());
            at = next;
        }
        for (String heading : List.of("## In short", "## Notes", "## Forward pass", "## Loss", "## Backward pass (chain rule)", "## Update", "## Parameters")) {
            assertTrue(md.contains("\n" + heading + "\n"), heading);
        }
        assertEquals(t.parameters().size(), md.lines().filter(l -> l.startsWith("| hidden |") || l.startsWith("| output |")).count());
        assertTrue(md.contains("| output | W[0,0] | 1_W | 0.4 | 0.082167 | 0.358916 |"), "Mazur's w5 and w5+:\n" + md);
    }

    @Test
    void jsonCarriesEveryStepAndParameterInFullPrecision() throws Exception {
        WorkbenchCliTest.Result r = run("explain", seed(), "--format", "json");
        assertEquals(WorkbenchCli.OK, r.exit(), r.err());
        JsonNode json = TranscriptJson.mapper().readTree(r.out());
        Transcript t = StepThrough.open(Samples.load("chain-rule-1-2-1"), Samples.file("chain-rule-1-2-1").getParent(), List.of()).next();
        assertEquals(TranscriptJson.FORMAT, json.get("format").asText());
        assertEquals(1, json.get("version").asInt());
        assertEquals(4.0, json.get("lossBefore").asDouble(), 0.0);
        assertEquals(t.lossAfter(), json.get("lossAfter").asDouble(), 0.0, "full precision, not 6 digits");
        assertEquals(t.steps().size(), json.get("steps").size());
        Set<String> fields = Set.of("index", "kind", "phase", "example", "time", "title", "symbol", "formula", "numbers", "result",
                "latex", "unit", "parameter", "units", "edges");
        for (JsonNode step : json.get("steps")) {
            assertEquals(fields, iterable(step.fieldNames()), step.toString());
        }
        JsonNode dEdy = json.get("steps").get(7);
        assertEquals("OUTPUT_ERROR", dEdy.get("kind").asText());
        assertEquals(-4.0, dEdy.get("result").asDouble(), 0.0);
        assertEquals(t.parameters().size(), json.get("parameters").size());
        JsonNode w = json.get("parameters").get(0);
        assertEquals("hidden", w.get("parameter").get("layer").asText());
        assertEquals("W", w.get("parameter").get("name").asText());
        assertEquals("0_W", w.get("dl4jKey").asText());
        assertEquals(-16.0, w.get("gradient").asDouble(), 0.0);
        assertEquals(t.parameters().get(0).after(), w.get("after").asDouble(), 0.0);
        assertFalse(w.get("parameter").has("weight"), "no derived fields in the data: " + w);
    }

    @Test
    void chosenExamplesFormABatchAveragedAsDl4jDoes() throws Exception {
        WorkbenchCliTest.Result r = run("explain", Samples.file("xor").toString(), "--example", "2", "--example", "3", "--format", "json");
        assertEquals(WorkbenchCli.OK, r.exit(), r.err());
        JsonNode json = TranscriptJson.mapper().readTree(r.out());
        assertEquals(2, json.get("examples").size());
        assertEquals(1, json.get("examples").get(0).get("row").asInt(), "rows are 0-based in the data, 1-based on the command line");
        long means = 0;
        for (JsonNode s : json.get("steps")) if (s.get("kind").asText().equals("BATCH_MEAN")) means++;
        assertEquals(13, means, "one mean per parameter of the 2-3-1 net");
        for (JsonNode p : json.get("parameters")) {
            assertEquals(p.get("batchSum").asDouble() / 2, p.get("gradient").asDouble(), 1e-15);
        }
    }

    @Test
    void wrongExamplesAndUnsupportedNetworksAreRefusedWithOneClearMessage() throws Exception {
        assertEquals(WorkbenchCli.USAGE, run("explain", seed(), "--example", "0").exit());
        WorkbenchCliTest.Result missing = run("explain", seed(), "--example", "5");
        assertEquals(WorkbenchCli.INVALID_INPUT, missing.exit());
        assertTrue(missing.err().contains("there is no example 5: the training data"), missing.err());

        Path regularised = tmp.resolve("l2.bpw.json");
        Files.writeString(regularised, Files.readString(Samples.file("xor")).replace("\"l2\": 0", "\"l2\": 0.01"));
        WorkbenchCliTest.Result r = run("explain", regularised.toString());
        assertEquals(WorkbenchCli.INVALID_INPUT, r.exit());
        assertTrue(r.err().startsWith("l2.bpw.json: cannot be explained step by step:\n  - training l1/l2 regularisation"), r.err());
        assertFalse(r.err().contains("Exception"), r.err());

        WorkbenchCliTest.Result format = run("explain", seed(), "--format", "pdf");
        assertEquals(WorkbenchCli.USAGE, format.exit(), format.err());
    }

    @Test
    void theElmanSampleUnrollsThroughTimeAndItsJsonEqualsDl4jsGradients() throws Exception {
        String file = Samples.file("elman-steps").toString();
        WorkbenchCliTest.Result md = run("explain", file);
        assertEquals(WorkbenchCli.OK, md.exit(), md.err());
        String text = md.out();
        assertTrue(text.contains("**Network:** input (1 unit) -> hidden (layer 1, 2 units, tanh) -> output (layer 2, 1 unit, identity), "
                + "unrolled over 3 time steps"), text);
        assertTrue(text.contains("**Examples:** sequence 1: inputs [1, -0.5, 0.5], targets [0, 1, -0.5]"), text);
        for (int step = 1; step <= 3; step++) assertTrue(text.contains("\n### Time step t = " + step + "\n"), "t = " + step);
        assertTrue(text.indexOf("t = 3, hidden unit 1: how the loss changes with h") < text.indexOf("t = 1, hidden unit 1: how the loss changes with h"),
                "backward through time, from the last step to the first");
        assertTrue(text.contains("| hidden | RW[0,1] | 0_RW |"), text);

        WorkbenchCliTest.Result r = run("explain", file, "--format", "json");
        assertEquals(WorkbenchCli.OK, r.exit(), r.err());
        JsonNode json = TranscriptJson.mapper().readTree(r.out());
        assertEquals(3, json.get("timeSteps").asInt());
        Project p = Samples.load("elman-steps");
        MultiLayerNetwork net = NetworkCompiler.compile(p).multiLayer();
        DataSet data = ProjectData.load(p, Samples.file("elman-steps").getParent()).train();
        net.setInput(data.getFeatures());
        net.setLabels(data.getLabels());
        net.computeGradientAndScore();
        assertEquals(net.score(), json.get("lossBefore").asDouble(), 1e-12);
        var dl4j = net.gradient().gradientForVariable();
        assertEquals(11, json.get("parameters").size());
        for (JsonNode c : json.get("parameters")) {
            JsonNode ref = c.get("parameter");
            INDArray g = dl4j.get(c.get("dl4jKey").asText());
            double expected = ref.get("name").asText().equals("b") ? g.getDouble(ref.get("column").asLong())
                    : g.getDouble(ref.get("row").asLong(), ref.get("column").asLong());
            assertEquals(expected, c.get("gradient").asDouble(), 1e-12, c.toString());
        }
        int times = 0;
        for (JsonNode s : json.get("steps")) if (s.get("time").asInt() == 1) times++;
        assertTrue(times > 10, "steps carry their time index: " + times + " at t = 2");
    }

    private static Set<String> iterable(java.util.Iterator<String> it) {
        Set<String> s = new java.util.HashSet<>();
        it.forEachRemaining(s::add);
        return s;
    }
}
