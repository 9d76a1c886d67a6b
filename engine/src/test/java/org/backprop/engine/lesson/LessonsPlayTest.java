package org.backprop.engine.lesson;

import org.backprop.engine.Samples;
import org.backprop.engine.compile.NetworkCompiler;
import org.backprop.engine.project.GradientClipping;
import org.backprop.engine.runtime.Nd4jRuntime;
import org.backprop.engine.stepthrough.StepKind;
import org.backprop.engine.train.TrainingSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Plays every shipped lesson end to end without a screen: each project opens and each step's action
 * runs for real (few iterations), and the numbers a lesson tells the class are checked where cheap.
 */
class LessonsPlayTest {

    @BeforeAll
    static void nd4j() {
        Nd4jRuntime.configure();
    }

    static Lesson lesson(String name) throws Exception {
        return LessonFiles.read(Samples.root().resolve("lessons").resolve(name + LessonFiles.SUFFIX));
    }

    /** Every step played in order; the outcomes by step number (from 1). */
    static Map<Integer, LessonPlayer.Outcome> play(Lesson l) throws Exception {
        LessonPlayer player = new LessonPlayer(l);
        for (String id : l.projects().keySet()) assertNotNull(player.project(id), id);
        Map<Integer, LessonPlayer.Outcome> out = new LinkedHashMap<>();
        for (int i = 0; i < l.steps().size(); i++) {
            LessonPlayer.Outcome o = player.play(l.steps().get(i));
            if (o != null) out.put(i + 1, o);
        }
        return out;
    }

    static double accuracy(LessonPlayer.Outcome o) {
        assertNotNull(o.evaluation(), o.project() + " was evaluated");
        return o.evaluation().testAccuracy();
    }

    static double testLoss(LessonPlayer.Outcome o) {
        assertNotNull(o.evaluation(), o.project() + " was evaluated");
        return o.evaluation().testLoss();
    }

    @Test
    void lesson1ChainRuleShowsTheNumbersItTells() throws Exception {
        Map<Integer, LessonPlayer.Outcome> o = play(lesson("01-chain-rule"));
        assertEquals(StepKind.ACTIVATION, o.get(2).step().kind());
        assertEquals(26.0, o.get(2).step().result(), 0.0, "y = 2*4 + 3*6");
        assertEquals(4.0, o.get(2).transcript().lossBefore(), 0.0, "E = (26 - 28)^2");
        assertEquals(StepKind.OUTPUT_ERROR, o.get(3).step().kind());
        assertEquals(-4.0, o.get(3).step().result(), 0.0, "dE/dy");
        assertEquals(StepKind.WEIGHT_GRADIENT, o.get(4).step().kind());
        assertEquals(-16.0, o.get(4).step().result(), 0.0);
        assertEquals(StepKind.UPDATE, o.get(5).step().kind());
        assertEquals(2.016, o.get(5).step().result(), 1e-12);
        assertEquals(2.33, o.get(5).transcript().lossAfter(), 0.005, "loss after one step, as the text says");
        assertEquals(0.864, o.get(6).step().result(), 0.0005, "the 2-3-1 network's output");
        assertEquals(StepKind.HIDDEN_DELTA, o.get(7).step().kind());
        assertEquals(-0.0046, o.get(7).step().result(), 0.00005);
    }

    @Test
    void lesson2XorWithoutAHiddenLayerStaysAt75PercentWithOneItReaches100() throws Exception {
        Map<Integer, LessonPlayer.Outcome> o = play(lesson("02-xor-hidden-layer"));
        assertTrue(accuracy(o.get(2)) <= 0.75, "no hidden layer: " + accuracy(o.get(2)));
        assertTrue(o.get(2).metrics().last().loss() > 0.15, "the linear loss stalls: " + o.get(2).metrics().last().loss());
        assertEquals(1.0, accuracy(o.get(4)), "with a hidden layer");
        assertTrue(o.get(4).metrics().last().loss() < 0.05, "xor loss " + o.get(4).metrics().last().loss());
    }

    @Test
    void lesson3VanishingGradientsOpensBothNetworks() throws Exception {
        Lesson l = lesson("03-vanishing-gradients");
        Map<Integer, LessonPlayer.Outcome> o = play(l);
        assertEquals(TrainingSession.State.FINISHED, o.get(2).state());
        assertEquals(TrainingSession.State.FINISHED, o.get(4).state());
        // The claim itself, from DL4J's gradient at the start (the diagnosis, with telemetry, names it in words).
        LessonPlayer p = new LessonPlayer(l);
        double sigmoid = firstToLastLayerGradient(p.project("sigmoid"), l.projectFile("sigmoid").getParent());
        double relu = firstToLastLayerGradient(p.project("relu"), l.projectFile("relu").getParent());
        assertTrue(sigmoid < 1e-3, "sigmoid: the first layer's gradient is orders of magnitude below the output's: " + sigmoid);
        assertTrue(relu > 1e-2, "ReLU + He: within about an order of magnitude: " + relu);
    }

    /** |dE/dW| of the first layer over that of the output layer, on the whole training set. */
    static double firstToLastLayerGradient(org.backprop.engine.project.Project project, java.nio.file.Path dir) throws Exception {
        var net = NetworkCompiler.compile(project, dir).multiLayer();
        var data = org.backprop.engine.data.ProjectData.load(project, dir).train();
        net.setInput(data.getFeatures());
        net.setLabels(data.getLabels());
        net.computeGradientAndScore();
        int last = net.getnLayers() - 1;
        double first = net.gradient().getGradientFor("0_W").norm2Number().doubleValue();
        double output = net.gradient().getGradientFor(last + "_W").norm2Number().doubleValue();
        return first / output;
    }

    @Test
    void lesson4ExplodesAsItIsAndTrainsWithClipping() throws Exception {
        Lesson l = lesson("04-exploding-gradients");
        LessonPlayer player = new LessonPlayer(l);
        assertEquals(GradientClipping.Type.NONE, player.project("rnn").training().gradientClipping().type(), "no clipping at first");
        var plain = player.play(l.steps().get(1)).metrics();
        assertEquals(131, plain.get(0).loss(), 1.0, "the first loss the text quotes");
        assertFalse(Double.isFinite(plain.last().loss()), "infinite or NaN by the end: " + plain.last().loss());
        var clipped = player.play(l.steps().get(2)).metrics();
        assertEquals(new GradientClipping(GradientClipping.Type.CLIP_L2_PER_LAYER, 1.0), player.project("rnn").training().gradientClipping(),
                "after the clipping step the project clips");
        assertEquals(40, clipped.size());
        for (var m : clipped.since(0)) assertTrue(Double.isFinite(m.loss()), "finite at iteration " + m.iteration() + ": " + m.loss());
        assertTrue(Double.isFinite(clipped.last().loss()) && clipped.last().loss() < clipped.get(0).loss() / 2,
                "clipping trains: " + clipped.get(0).loss() + " -> " + clipped.last().loss());
    }

    @Test
    void lesson5ElmanBeatsTheMeanAndAllFourNetworksTrain() throws Exception {
        Map<Integer, LessonPlayer.Outcome> o = play(lesson("05-feedback-networks"));
        assertTrue(testLoss(o.get(2)) < 16.2, "Elman below the mean's 16.2: " + testLoss(o.get(2)));
        assertTrue(testLoss(o.get(3)) < 16.2, "Jordan below the mean's 16.2: " + testLoss(o.get(3)));
        for (int s : List.of(4, 5)) {
            assertEquals(TrainingSession.State.FINISHED, o.get(s).state(), o.get(s).project());
            assertTrue(Double.isFinite(testLoss(o.get(s))), o.get(s).project());
        }
        var bptt = o.get(6);
        assertEquals(3, bptt.transcript().timeSteps(), "the tiny Elman net unrolled over 3 steps");
        assertEquals(StepKind.BACKPROPAGATED_ERROR, bptt.step().kind());
        assertEquals(1, bptt.step().time(), "dE/dh at t = 2");
        assertEquals(-1.41164, bptt.step().result(), 5e-6, "the number the answer quotes");
        assertTrue(bptt.step().edges().stream().anyMatch(e -> e.recurrent()), "the path from step 3 through RW");
    }

    @Test
    void lesson6FineTuningAndScratchBothTrainOnTheFiveNewClasses() throws Exception {
        Lesson l = lesson("06-fine-tuning");
        Map<Integer, LessonPlayer.Outcome> o = play(l);
        double tuned = accuracy(o.get(3));
        double scratch = accuracy(o.get(4));
        assertTrue(tuned > 0.4 && scratch > 0.4, "both well above chance (20%): " + tuned + ", " + scratch);
        LessonPlayer p = new LessonPlayer(l);
        assertEquals(109_061, NetworkCompiler.compile(p.project("scratch")).parameterCount(), "the text's parameter count");
    }

    @Test
    void lesson7FashionMlpHasTheParametersItCountsAndLearns() throws Exception {
        Lesson l = lesson("07-fashion-mnist");
        Map<Integer, LessonPlayer.Outcome> o = play(l);
        assertTrue(accuracy(o.get(2)) > 0.7, "test accuracy after 100 iterations: " + accuracy(o.get(2)));
        LessonPlayer p = new LessonPlayer(l);
        assertEquals(109_386, NetworkCompiler.compile(p.project("mlp")).parameterCount(), "784-128-64-10");
    }
}
