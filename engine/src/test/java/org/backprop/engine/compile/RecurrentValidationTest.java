package org.backprop.engine.compile;

import org.backprop.engine.Projects;
import org.backprop.engine.Samples;
import org.backprop.engine.data.DataException;
import org.backprop.engine.data.ProjectData;
import org.backprop.engine.project.DataSpec;
import org.backprop.engine.project.EdgeSpec;
import org.backprop.engine.project.LayerSpec;
import org.backprop.engine.project.NetworkSpec;
import org.backprop.engine.project.Project;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.backprop.engine.project.LayerType.*;
import static org.junit.jupiter.api.Assertions.*;

/** Feedback the build cannot train is refused with a sentence about the edge or layer, before DL4J sees it. */
class RecurrentValidationTest {

    private static List<String> problems(List<LayerSpec> layers, EdgeSpec... extra) {
        List<EdgeSpec> edges = new ArrayList<>();
        for (int i = 1; i < layers.size(); i++) edges.add(EdgeSpec.forward(layers.get(i - 1).id(), layers.get(i).id()));
        edges.addAll(List.of(extra));
        return NetworkValidator.problems(new NetworkSpec(layers, edges));
    }

    private static final LayerSpec IN = LayerSpec.of("in", INPUT, "size", 2);
    private static final LayerSpec H = LayerSpec.of("h", DENSE, "units", 3);
    private static final LayerSpec OUT = LayerSpec.of("out", OUTPUT, "units", 2);

    @Test
    void drawableFeedbackIsAccepted() {
        assertEquals(List.of(), problems(List.of(IN, H, OUT), EdgeSpec.feedback("h", "h")));
        assertEquals(List.of(), problems(List.of(IN, H, OUT), EdgeSpec.feedback("out", "h")));
        assertEquals(List.of(), problems(List.of(IN, H, OUT), EdgeSpec.feedback("out", "out")));
        assertEquals(List.of(), problems(List.of(IN, LayerSpec.of("l", LSTM), OUT), EdgeSpec.feedback("l", "l")));
    }

    @Test
    void whatCannotBeTrainedSaysWhy() {
        assertEquals(List.of("edge out -> in: feedback cannot go into the input layer; connect it to the first hidden layer instead (the same Jordan network)"),
                problems(List.of(IN, H, OUT), EdgeSpec.feedback("out", "in")));
        assertEquals(List.of("layer 'l' (lstm) is recurrent: draw its self-loop (a feedback edge from 'l' to itself)"),
                problems(List.of(IN, LayerSpec.of("l", LSTM), OUT)));
        assertEquals(List.of("edge out -> l: a feedback loop runs through dense layers and the output layer only; layer 'l' (lstm) is in it"),
                problems(List.of(IN, LayerSpec.of("l", LSTM), OUT), EdgeSpec.feedback("l", "l"), EdgeSpec.feedback("out", "l")));
        assertEquals(List.of("edge h -> h: this feedback edge is drawn twice"),
                problems(List.of(IN, H, OUT), EdgeSpec.feedback("h", "h"), EdgeSpec.feedback("h", "h")));
        assertTrue(problems(List.of(IN, H, LayerSpec.of("h2", DENSE, "units", 2, "dropout", 0.5), OUT), EdgeSpec.feedback("h2", "h"))
                .contains("layer 'h2' (dense): inside a feedback loop only the loop's first layer ('h') can have dropout"));
        assertEquals(List.of("layer 'out' (output): steps \"last\" is for recurrent networks; this one has no feedback edge"),
                problems(List.of(IN, H, LayerSpec.of("out", OUTPUT, "units", 2, "steps", "last"))));
    }

    @Test
    void theStepThroughRefusesRecurrentNetworksItDoesNotUnrollRatherThanExplainThemWrongly() {
        // It unrolls tiny Elman networks only (see ElmanStepThroughTest); a large one and an LSTM are refused by name.
        assertEquals(List.of("the network has 305 parameters; unrolled over time the step-through explains up to 32 "
                        + "(layer 'hidden' holds 288: W, the recurrent RW and b)"),
                org.backprop.engine.stepthrough.StepThroughSupport.problems(Samples.load("elman-sine")));
        assertTrue(org.backprop.engine.stepthrough.StepThroughSupport.problems(Samples.load("lstm-adding")).get(0)
                .endsWith("the step-through unrolls an Elman layer (a dense layer with a self-loop), not the gates and cell of an lstm"));
    }

    @Test
    void fineTuningSettingsMeetRecurrence() throws Exception {
        assertEquals(List.of("layer 'h' (dense): freezing a recurrent layer is not available in this build; unfreeze it"),
                problems(List.of(IN, LayerSpec.of("h", DENSE, "units", 3, "frozen", true), OUT), EdgeSpec.feedback("h", "h")));
        assertEquals(List.of("the feedback loop [h, out] trains as one DL4J layer: give its layers the same learningRate"),
                problems(List.of(IN, LayerSpec.of("h", DENSE, "units", 3, "learningRate", 0.1), OUT), EdgeSpec.feedback("out", "h")));
        var same = new NetworkSpec(List.of(IN, LayerSpec.of("h", DENSE, "units", 3, "learningRate", 0.1),
                LayerSpec.of("out", OUTPUT, "units", 2, "learningRate", 0.1)),
                List.of(EdgeSpec.forward("in", "h"), EdgeSpec.forward("h", "out"), EdgeSpec.feedback("out", "h")));
        CompiledNetwork c = NetworkCompiler.compile(Projects.of(same, Projects.gradientCheck()));
        var loop = (org.deeplearning4j.nn.conf.layers.BaseLayer) c.multiLayer().getLayer(0).conf().getLayer();
        assertEquals(0.1, loop.getIUpdater().getLearningRate(0, 0), 1e-12, "the loop's own learning rate");
    }

    @Test
    void aLoopMustBeAChain() {
        var net = new NetworkSpec(List.of(IN, H, LayerSpec.of("side", DENSE, "units", 2), OUT),
                List.of(EdgeSpec.forward("in", "h"), EdgeSpec.forward("in", "side"), EdgeSpec.forward("h", "out"),
                        EdgeSpec.forward("side", "out"), EdgeSpec.feedback("out", "h")));
        assertEquals(List.of("edge out -> h: the layers from 'h' to 'out' must form a chain to carry feedback, but 'out' also takes input from elsewhere"),
                NetworkValidator.problems(net));
    }

    @Test
    void sequencesAndRecurrenceGoTogether() throws Exception {
        Project sine = Samples.load("elman-sine");
        var flat = sine.withNetwork(new NetworkSpec(sine.network().layers(), sine.network().edges().stream().filter(e -> !e.feedback()).toList()));
        var e = assertThrows(DataException.class, () -> ProjectData.load(flat, null));
        assertTrue(e.getMessage().contains("draw a self-loop on a hidden layer"), e.getMessage());
        Project onCircle = Projects.of(sine.network(), Projects.gradientCheck()).withData(DataSpec.generated("circle", 10, 0, 1, 0));
        e = assertThrows(DataException.class, () -> ProjectData.load(onCircle, null));
        assertTrue(e.getMessage().contains("needs sequences"), e.getMessage());
    }

    @Test
    void layersInsideALoopReportTheirOwnParametersAndPinnedValuesLandThere() throws Exception {
        var pinned = LayerSpec.of("h", DENSE, "units", 2, "activation", "tanh").withParameters(java.util.Map.of(
                "FW:out", org.backprop.engine.project.ParameterValues.matrix(new double[][]{{1, 2}})));
        var net = new NetworkSpec(List.of(LayerSpec.of("in", INPUT, "size", 3), pinned,
                LayerSpec.of("out", OUTPUT, "units", 1, "activation", "identity", "loss", "mse")),
                List.of(EdgeSpec.forward("in", "h"), EdgeSpec.forward("h", "out"), EdgeSpec.feedback("out", "h")));
        CompiledNetwork c = NetworkCompiler.compile(Projects.of(net, Projects.gradientCheck()));
        assertEquals(3 * 2 + 1 * 2 + 2, c.layers().get("h").parameterCount(), "W, FW:out and b");
        assertEquals(2 + 1, c.layers().get("out").parameterCount());
        assertEquals("h/", c.layers().get("h").paramPrefix());
        assertEquals(2.0, c.multiLayer().getLayer(0).getParam("h/FW:out").getDouble(0, 1));
    }
}
