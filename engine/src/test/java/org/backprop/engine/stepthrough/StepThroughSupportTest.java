package org.backprop.engine.stepthrough;

import org.backprop.engine.Projects;
import org.backprop.engine.Samples;
import org.backprop.engine.project.DataSpec;
import org.backprop.engine.project.EdgeSpec;
import org.backprop.engine.project.LayerSpec;
import org.backprop.engine.project.NetworkSpec;
import org.backprop.engine.project.Project;
import org.backprop.engine.project.TrainingSettings;
import org.backprop.engine.runtime.Nd4jRuntime;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.backprop.engine.project.LayerType.*;
import static org.junit.jupiter.api.Assertions.*;

/** What the step-through refuses, and how it names the reason; which examples it takes. */
class StepThroughSupportTest {

    @BeforeAll
    static void nd4j() {
        Nd4jRuntime.configure();
    }

    private static String refusal(Project p) {
        return assertThrows(StepThroughException.class, () -> StepThrough.of(p, new double[][]{{0, 0}}, new double[][]{{1, 0}}))
                .getMessage();
    }

    @Test
    void layersOtherThanDenseAreRefusedByName() {
        String conv = refusal(Projects.chain(Projects.gradientCheck(),
                LayerSpec.of("in", INPUT, "size", 16, "height", 4, "width", 4, "channels", 1),
                LayerSpec.of("c", CONV2D, "filters", 1, "kernel", 2),
                LayerSpec.of("out", OUTPUT, "units", 2)));
        assertTrue(conv.contains("layer 'c' (conv2d): the step-through explains dense layers only, not conv2d"), conv);
        String bn = refusal(Projects.chain(Projects.gradientCheck(),
                LayerSpec.of("in", INPUT, "size", 2), LayerSpec.of("norm", BATCH_NORM), LayerSpec.of("out", OUTPUT, "units", 2)));
        assertTrue(bn.contains("layer 'norm' (batchnorm): the step-through explains dense layers only"), bn);
        String drop = refusal(Projects.chain(Projects.gradientCheck(),
                LayerSpec.of("in", INPUT, "size", 2), LayerSpec.of("d", DROPOUT), LayerSpec.of("out", OUTPUT, "units", 2)));
        assertTrue(drop.contains("layer 'd' (dropout): the step-through explains dense layers only"), drop);
    }

    @Test
    void randomnessAndExtraGradientTermsAreRefusedWithTheSettingToChange() {
        String dense = refusal(Projects.chain(Projects.gradientCheck(),
                LayerSpec.of("in", INPUT, "size", 2), LayerSpec.of("h", DENSE, "units", 2, "dropout", 0.5),
                LayerSpec.of("out", OUTPUT, "units", 2)));
        assertTrue(dense.contains("layer 'h' (dense): dropout 0.5 drops units at random"), dense);
        TrainingSettings t = Projects.gradientCheck();
        String l2 = refusal(Projects.chain(new TrainingSettings(t.optimizer(), 1, 1, 1, 0, 0.01, 0, t.gradientClipping(), t.dataType(), "xavier"),
                LayerSpec.of("in", INPUT, "size", 2), LayerSpec.of("out", OUTPUT, "units", 2)));
        assertTrue(l2.contains("set l1 and l2 to 0"), l2);
    }

    @Test
    void aNetworkOfMoreThanAFewDozenParametersIsRefusedNamingItsLargestLayer() {
        String big = refusal(Projects.chain(Projects.gradientCheck(),
                LayerSpec.of("in", INPUT, "size", 2), LayerSpec.of("wide", DENSE, "units", 20),
                LayerSpec.of("out", OUTPUT, "units", 2)));
        assertEquals("the network has 102 parameters; the step-through explains up to 64, a few steps each "
                + "(layer 'wide' alone holds 60)", big);
    }

    @Test
    void aBranchingNetworkIsRefused() {
        var net = new NetworkSpec(List.of(
                LayerSpec.of("in", INPUT, "size", 2), LayerSpec.of("a", DENSE, "units", 2), LayerSpec.of("b", DENSE, "units", 2),
                LayerSpec.of("out", OUTPUT, "units", 2)),
                List.of(EdgeSpec.forward("in", "a"), EdgeSpec.forward("in", "b"), EdgeSpec.forward("a", "out"), EdgeSpec.forward("b", "out")));
        assertTrue(refusal(Projects.of(net, Projects.gradientCheck())).contains("this network branches"));
    }

    @Test
    void crossEntropyTargetsMustBeProbabilitiesAndBatchesSmall() {
        Project softmax = Projects.chain(Projects.gradientCheck(),
                LayerSpec.of("in", INPUT, "size", 2), LayerSpec.of("out", OUTPUT, "units", 2, "activation", "softmax", "loss", "mcxent"));
        var e = assertThrows(StepThroughException.class,
                () -> StepThrough.of(softmax, new double[][]{{0, 0}}, new double[][]{{1, 1}}));
        assertTrue(e.getMessage().contains("example 1: cross-entropy with softmax needs targets that are probabilities adding up to 1"), e.getMessage());
        double[][] nine = new double[9][2];
        double[][] oneHot = new double[9][];
        for (int i = 0; i < 9; i++) oneHot[i] = new double[]{1, 0};
        var many = assertThrows(StepThroughException.class, () -> StepThrough.of(softmax, nine, oneHot));
        assertTrue(many.getMessage().contains("9 examples are too many to read step by step; choose up to 8"), many.getMessage());
    }

    @Test
    void byDefaultTheProjectsFirstBatchIsExplainedWhenSmallElseItsFirstExample() throws Exception {
        Transcript xor = StepThrough.open(Samples.load("xor"), Samples.file("xor").getParent(), List.of()).next();
        assertEquals(4, xor.examples().size(), "xor's batch is its four rows");
        assertTrue(xor.notes().stream().anyMatch(n -> n.contains("holds the sum over the 4 examples")), xor.notes().toString());
        assertTrue(xor.notes().stream().anyMatch(n -> n.contains("trains in float precision")), xor.notes().toString());

        Project circle = Projects.chain(new TrainingSettings(Projects.gradientCheck().optimizer(), 32, 1, 1, 0, 0, 0,
                        Projects.gradientCheck().gradientClipping(), TrainingSettings.Precision.DOUBLE, "xavier"),
                LayerSpec.of("in", INPUT, "size", 2), LayerSpec.of("out", OUTPUT, "units", 2));
        Transcript first = StepThrough.open(circle, Path.of("."), List.of()).next(); // 30 training rows of 40
        assertEquals(1, first.examples().size());
        assertTrue(first.notes().stream().anyMatch(n -> n.contains("first batch has 30 examples")), first.notes().toString());

        Transcript chosen = StepThrough.open(circle, Path.of("."), List.of(4, 2)).next();
        assertEquals(List.of(4, 2), chosen.examples().stream().map(Example::row).toList());
        var missing = assertThrows(StepThroughException.class, () -> StepThrough.open(circle, Path.of("."), List.of(99)));
        assertTrue(missing.getMessage().startsWith("there is no example 100: the training data (circle"), missing.getMessage());
    }

    @Test
    void eachNextContinuesFromTheWeightsDl4jProduced() throws Exception {
        Project p = Samples.load("chain-rule-1-2-1").withData(DataSpec.table(new double[][]{{2}}, new double[][]{{28}}));
        StepThrough s = StepThrough.open(p, Path.of("."), List.of());
        Transcript first = s.next();
        Transcript second = s.next();
        assertEquals(2, second.iteration());
        assertEquals(first.lossAfter(), second.lossBefore(), 1e-12);
        for (ParameterChange c : first.parameters()) {
            assertEquals(c.after(), second.parameter(c.parameter()).before(), 0.0, c.parameter().toString());
        }
    }
}
