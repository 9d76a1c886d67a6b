package org.backprop.engine.stepthrough;

import org.backprop.engine.Samples;
import org.backprop.engine.project.LayerSpec;
import org.backprop.engine.project.NetworkSpec;
import org.backprop.engine.project.Project;
import org.backprop.engine.runtime.Nd4jRuntime;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The shipped worked examples reproduce their published numbers. */
class WorkedExamplesTest {

    @BeforeAll
    static void nd4j() {
        Nd4jRuntime.configure();
    }

    static Transcript explain(String sample) throws Exception {
        return StepThrough.open(Samples.load(sample), Samples.file(sample).getParent(), List.of()).next();
    }

    static Step only(Transcript t, StepKind kind, String layer, int unit) {
        List<Step> found = t.steps(kind).stream().filter(s -> s.unit() != null && s.unit().equals(new UnitRef(layer, unit))).toList();
        assertEquals(1, found.size(), kind + " of " + layer + " unit " + unit);
        return found.get(0);
    }

    @Test
    void theSeedsOneTwoOneNetworkShowsTheTrueChain() throws Exception {
        Transcript t = explain("chain-rule-1-2-1");
        assertEquals(List.of(26.0), t.examples().get(0).outputs(), "y = 2*4 + 3*6");
        assertEquals(4.0, t.lossBefore(), 0.0, "E = (26 - 28)^2, DL4J's MSE for one output");
        Step dEdy = only(t, StepKind.OUTPUT_ERROR, "output", 0);
        assertEquals(-4.0, dEdy.result(), 0.0);
        assertEquals("\\frac{\\partial E}{\\partial y} = 2 \\cdot (y - t) = 2 \\cdot (26 - 28) = -4", dEdy.latex());
        Step relu4 = only(t, StepKind.ACTIVATION_SLOPE, "hidden", 0);
        assertEquals(1.0, relu4.result(), 0.0);
        assertTrue(relu4.latex().endsWith("\\mathrm{ReLU}'(4) = 1"), relu4.latex());
        assertEquals(-16, t.parameter(ParameterRef.weight("output", 0, 0)).gradient(), 0.0);
        assertEquals(-24, t.parameter(ParameterRef.weight("output", 1, 0)).gradient(), 0.0);
        assertEquals(-16, t.parameter(ParameterRef.weight("hidden", 0, 0)).gradient(), 0.0);
        assertEquals(-24, t.parameter(ParameterRef.weight("hidden", 0, 1)).gradient(), 0.0);
        assertEquals(2.016, t.parameter(ParameterRef.weight("hidden", 0, 0)).after(), 1e-15, "2 - 0.001 * (-16)");
        assertTrue(t.lossAfter() < t.lossBefore(), "one step of SGD lowers the loss: " + t.lossAfter());
    }

    @Test
    void withAReluOutputReluPrimeOf26IsOneAndNothingElseChanges() throws Exception {
        Project seed = Samples.load("chain-rule-1-2-1");
        List<LayerSpec> layers = new ArrayList<>(seed.network().layers());
        layers.set(2, layers.get(2).with("activation", "relu"));
        Transcript relu = StepThrough.open(seed.withNetwork(new NetworkSpec(layers, seed.network().edges())),
                Samples.file("chain-rule-1-2-1").getParent(), List.of()).next();
        Step slope = only(relu, StepKind.ACTIVATION_SLOPE, "output", 0);
        assertTrue(slope.latex().endsWith("\\mathrm{ReLU}'(26) = 1"), slope.latex());
        Transcript identity = explain("chain-rule-1-2-1");
        for (ParameterChange c : identity.parameters()) {
            assertEquals(c.gradient(), relu.parameter(c.parameter()).gradient(), 0.0, c.parameter().toString());
        }
    }

    @Test
    void mazursTextbookExampleIsReproducedNumberForNumber() throws Exception {
        Transcript t = explain("textbook-2-2-2");
        // Published values (Mazur 2015), rounded by him to 8-9 digits.
        assertEquals(0.593269992, only(t, StepKind.ACTIVATION, "hidden", 0).result(), 1e-9, "out_h1");
        assertEquals(0.75136507, only(t, StepKind.ACTIVATION, "output", 0).result(), 1e-8, "out_o1");
        assertEquals(0.298371109, t.lossBefore(), 1e-9, "E_total: DL4J's MSE over 2 outputs is his sum of 1/2 (t - o)^2");
        assertEquals(0.082167041, t.parameter(ParameterRef.weight("output", 0, 0)).gradient(), 1e-9, "dE/dw5");
        assertEquals(0.35891648, t.parameter(ParameterRef.weight("output", 0, 0)).after(), 1e-8, "w5+");
        assertEquals(0.408666186, t.parameter(ParameterRef.weight("output", 1, 0)).after(), 1e-9, "w6+");
        assertEquals(0.511301270, t.parameter(ParameterRef.weight("output", 0, 1)).after(), 1e-9, "w7+");
        assertEquals(0.561370121, t.parameter(ParameterRef.weight("output", 1, 1)).after(), 1e-9, "w8+");
        assertEquals(0.149780716, t.parameter(ParameterRef.weight("hidden", 0, 0)).after(), 1e-9, "w1+");
        assertEquals(0.19956143, t.parameter(ParameterRef.weight("hidden", 1, 0)).after(), 1e-8, "w2+");
        assertEquals(0.24975114, t.parameter(ParameterRef.weight("hidden", 0, 1)).after(), 1e-8, "w3+");
        assertEquals(0.29950229, t.parameter(ParameterRef.weight("hidden", 1, 1)).after(), 1e-8, "w4+");
        assertTrue(t.notes().get(0).contains("for 2 outputs the two are the same number"), t.notes().get(0));
    }

    @Test
    void theTwoThreeOneSigmoidNetworkStartsFromItsPinnedWeights() throws Exception {
        Transcript t = explain("chain-rule-2-3-1");
        assertEquals(List.of(1.0, 2.0), t.examples().get(0).inputs());
        assertEquals(0.9, only(t, StepKind.PRE_ACTIVATION, "hidden", 0).result(), 1e-15, "0.1*1 + 0.4*2");
        assertEquals(1.2, only(t, StepKind.PRE_ACTIVATION, "hidden", 1).result(), 1e-15);
        assertEquals(1.5, only(t, StepKind.PRE_ACTIVATION, "hidden", 2).result(), 1e-15);
        assertTrue(t.lossAfter() < t.lossBefore());
    }

    @Test
    void aWeightsChainRunsFromTheLossThroughEveryDeltaAboveItToItsUpdate() throws Exception {
        Transcript t = explain("chain-rule-1-2-1");
        List<String> chain = t.chainOf(ParameterRef.weight("hidden", 0, 0)).stream().map(Step::title).toList();
        assertEquals(List.of("loss (mean squared error)",
                "output unit 1: how the loss changes with the output", "output unit 1: slope of relu", "output unit 1: delta",
                "hidden unit 1: slope of relu", "hidden unit 1: delta, from the layer above",
                "hidden W[0,0]: gradient", "hidden W[0,0]: new value"), chain);
    }
}
