package org.backprop.engine.recurrent;

import org.backprop.engine.Samples;
import org.backprop.engine.data.PreparedData;
import org.backprop.engine.data.ProjectData;
import org.backprop.engine.project.GradientClipping;
import org.backprop.engine.project.Project;
import org.backprop.engine.runtime.Nd4jRuntime;
import org.backprop.engine.train.MetricPoint;
import org.backprop.engine.train.TrainingPlan;
import org.backprop.engine.train.TrainingSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;

import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/** The recurrent samples learn what their descriptions say, in short runs. */
class RecurrentSamplesTest {

    @BeforeAll
    static void nd4j() {
        Nd4jRuntime.configure();
    }

    record Run(TrainingSession session, PreparedData data) {
        double testLoss() { return session.metrics().lastEvaluation().testLoss(); }
    }

    static Run train(String sample, long iterations) throws Exception {
        return train(Samples.load(sample), sample, iterations);
    }

    static Run train(Project p, String sample, long iterations) throws Exception {
        PreparedData d = ProjectData.load(p, Samples.file(sample).getParent());
        TrainingSession s = new TrainingSession(p, d);
        s.setPlan(TrainingPlan.iterations(iterations));
        s.start();
        assertTrue(s.awaitIdle(120, TimeUnit.SECONDS));
        assertEquals(TrainingSession.State.FINISHED, s.state(), () -> String.valueOf(s.failure()));
        s.close();
        return new Run(s, d);
    }

    /**
     * The loss of always answering the mean target, in DL4J's units for a sequence output: squared
     * error summed over the steps that have a target, averaged over the sequences.
     */
    static double predictingTheMean(DataSet d) {
        INDArray y = d.getLabels();
        INDArray mask = d.getLabelsMaskArray();
        double sum = 0, count = 0, squares = 0;
        for (int pass = 0; pass < 2; pass++) {
            double mean = count == 0 ? 0 : sum / count;
            for (int i = 0; i < y.size(0); i++) {
                for (int t = 0; t < y.size(2); t++) {
                    if (mask != null && mask.getDouble(i, t) == 0) continue;
                    for (int k = 0; k < y.size(1); k++) {
                        double v = y.getDouble(i, k, t);
                        if (pass == 0) { sum += v; count++; } else squares += (v - mean) * (v - mean) / y.size(1);
                    }
                }
            }
        }
        return squares / y.size(0);
    }

    @Test
    void elmanSineLearnsTheWaveWellBelowPredictingTheMean() throws Exception {
        Run r = train("elman-sine", 150);
        double baseline = predictingTheMean(r.data().test());
        assertTrue(r.testLoss() < baseline / 10, "test loss " + r.testLoss() + " vs predicting the mean " + baseline);
    }

    @Test
    void jordanSineLearnsTheWaveWellBelowPredictingTheMean() throws Exception {
        Project p = Samples.load("jordan-sine");
        assertTrue(p.network().edges().stream().anyMatch(e -> e.feedback() && e.from().equals("output") && e.to().equals("hidden")));
        Run r = train(p, "jordan-sine", 150);
        double baseline = predictingTheMean(r.data().test());
        assertTrue(r.testLoss() < baseline / 5, "test loss " + r.testLoss() + " vs predicting the mean " + baseline);
    }

    @Test
    void lstmAddingBeatsRnnAddingAtTheChosenLag() throws Exception {
        Project lstm = Samples.load("lstm-adding");
        Project rnn = Samples.load("rnn-adding");
        assertEquals(lstm.data(), rnn.data(), "the same sequences, lag and training for both");
        assertEquals(lstm.training(), rnn.training());
        assertEquals(20, lstm.data().lag());
        Run l = train(lstm, "lstm-adding", 320);
        Run r = train(rnn, "rnn-adding", 320);
        double baseline = predictingTheMean(l.data().test());
        assertTrue(l.testLoss() < 0.05, "LSTM solves it: " + l.testLoss());
        assertTrue(r.testLoss() > baseline * 0.6, "the plain recurrent layer stays near the mean's " + baseline + ": " + r.testLoss());
    }

    @Test
    void theExplodingSampleBlowsUpAndClippingFixesIt() throws Exception {
        Project p = Samples.load("rnn-exploding");
        assertEquals(GradientClipping.Type.NONE, p.training().gradientClipping().type());
        Run wild = train(p, "rnn-exploding", 5);
        assertTrue(wild.session().metrics().since(0).stream().mapToDouble(MetricPoint::loss).anyMatch(v -> !Double.isFinite(v)),
                "without clipping the loss overflows within 5 steps");
        Run clipped = train(p.withTraining(p.training().withGradientClipping(
                new GradientClipping(GradientClipping.Type.CLIP_L2_PER_LAYER, 1))), "rnn-exploding", 100);
        double baseline = predictingTheMean(clipped.data().test());
        assertTrue(clipped.testLoss() < baseline / 3, "clipped: " + clipped.testLoss() + " vs the mean's " + baseline);
    }

    @Test
    void charAliceWritesTextFromItsAlphabet() throws Exception {
        Run r = train("char-alice", 10);
        var model = r.session().network().model();
        String text = TextGenerator.generate(model, r.data().classNames(), "alice ", 40, 0.8, 3);
        assertEquals(46, text.length());
        assertTrue(text.startsWith("alice "));
        assertTrue(text.chars().allMatch(c -> r.data().classNames().contains(String.valueOf((char) c))), text);
        assertEquals(text, TextGenerator.generate(model, r.data().classNames(), "alice ", 40, 0.8, 3), "seeded");
    }

    /** The first step's gradient norm over the last step's, at the sample's initial weights. */
    private static double firstOverLast(String sample, String layer) throws Exception {
        Project p = Samples.load(sample);
        PreparedData d = ProjectData.load(p, Samples.file(sample).getParent());
        double[] norms = TimeStepGradients.of(org.backprop.engine.compile.NetworkCompiler.compile(p).model(), (DataSet) d.test().getRange(0, 32)).get(layer);
        return norms[0] / norms[norms.length - 1];
    }

    @Test
    void perStepGradientsShowVanishingInThePlainLayerAndExplodingInTheExplodingSample() throws Exception {
        double rnn = firstOverLast("rnn-adding", "memory");
        double lstm = firstOverLast("lstm-adding", "memory");
        double exploding = firstOverLast("rnn-exploding", "hidden");
        assertTrue(rnn < 1e-3, "vanishing: the first of 25 steps gets " + rnn + " of the last step's gradient");
        assertTrue(lstm > 5 * rnn, "the LSTM's cell keeps more of it: " + lstm + " vs " + rnn);
        assertTrue(exploding > 5, "exploding: the first of 50 steps gets " + exploding + " times the last step's gradient");
    }
}
