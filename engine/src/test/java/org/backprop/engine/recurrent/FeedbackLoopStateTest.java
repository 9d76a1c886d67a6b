package org.backprop.engine.recurrent;

import org.backprop.engine.Projects;
import org.backprop.engine.Samples;
import org.backprop.engine.compile.CompiledNetwork;
import org.backprop.engine.compile.NetworkCompiler;
import org.backprop.engine.data.ProjectData;
import org.backprop.engine.project.EdgeSpec;
import org.backprop.engine.project.LayerSpec;
import org.backprop.engine.project.NetworkSpec;
import org.backprop.engine.project.Project;
import org.backprop.engine.runtime.Nd4jRuntime;
import org.backprop.engine.train.TrainingPlan;
import org.backprop.engine.train.TrainingSession;
import org.deeplearning4j.nn.conf.BackpropType;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.backprop.engine.project.LayerType.*;
import static org.junit.jupiter.api.Assertions.*;

/** The loop's state carries across calls: step by step, segment by segment (truncated BPTT). */
class FeedbackLoopStateTest {

    @BeforeAll
    static void nd4j() {
        Nd4jRuntime.configure();
    }

    private static MultiLayerNetwork jordan() throws Exception {
        var net = new NetworkSpec(List.of(
                LayerSpec.of("in", INPUT, "size", 2),
                LayerSpec.of("h", DENSE, "units", 4, "activation", "tanh"),
                LayerSpec.of("h2", DENSE, "units", 3, "activation", "tanh"),
                LayerSpec.of("out", OUTPUT, "units", 2, "activation", "softmax", "loss", "mcxent")),
                List.of(EdgeSpec.forward("in", "h"), EdgeSpec.forward("h", "h2"), EdgeSpec.forward("h2", "out"),
                        EdgeSpec.feedback("out", "h"), EdgeSpec.feedback("h2", "h2")));
        CompiledNetwork c = NetworkCompiler.compile(Projects.of(net, Projects.gradientCheck()));
        return c.multiLayer();
    }

    private static INDArray steps(INDArray a, long from, long to) {
        return a.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.interval(from, to));
    }

    @Test
    void oneStepAtATimeGivesTheWholeSequencesOutput() throws Exception {
        MultiLayerNetwork net = jordan();
        INDArray x = Nd4j.rand(DataType.DOUBLE, 3, 2, 6);
        INDArray whole = net.output(x);
        net.rnnClearPreviousState();
        for (int t = 0; t < 6; t++) {
            assertEquals(0, steps(whole, t, t + 1).distance2(net.rnnTimeStep(steps(x, t, t + 1))), 1e-12, "step " + t);
        }
    }

    @Test
    void aSingleStepMayComeAsAPlainMatrix() throws Exception {
        MultiLayerNetwork net = jordan();
        INDArray x = Nd4j.rand(DataType.DOUBLE, 3, 2, 2);
        INDArray whole = net.output(x);
        net.rnnClearPreviousState();
        net.rnnTimeStep(steps(x, 0, 1));
        INDArray second = net.rnnTimeStep(x.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.point(1)));
        assertEquals(0, whole.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.point(1)).distance2(second.reshape(3, 2)), 1e-12);
    }

    @Test
    void segmentsWithTheStoredStateGiveTheWholeSequencesOutput() throws Exception {
        MultiLayerNetwork net = jordan();
        INDArray x = Nd4j.rand(DataType.DOUBLE, 3, 2, 6);
        INDArray whole = net.output(x);
        net.rnnClearPreviousState();
        List<INDArray> first = net.rnnActivateUsingStoredState(steps(x, 0, 4), false, true);
        List<INDArray> second = net.rnnActivateUsingStoredState(steps(x, 4, 6), false, true);
        assertEquals(0, steps(whole, 0, 4).distance2(first.get(first.size() - 1)), 1e-12);
        assertEquals(0, steps(whole, 4, 6).distance2(second.get(second.size() - 1)), 1e-12);
    }

    @Test
    void jordanSineTrainsWithTruncatedBackpropagationThroughTime() throws Exception {
        Project p = Samples.load("jordan-sine");
        p = p.withTraining(p.training().withTbpttLength(8));
        var data = ProjectData.load(p, Samples.file("jordan-sine").getParent());
        try (TrainingSession s = new TrainingSession(p, data)) {
            assertEquals(BackpropType.TruncatedBPTT, s.network().multiLayer().getLayerWiseConfigurations().getBackpropType());
            s.setPlan(TrainingPlan.iterations(60));
            s.start();
            assertTrue(s.awaitIdle(60, TimeUnit.SECONDS));
            assertEquals(TrainingSession.State.FINISHED, s.state(), () -> String.valueOf(s.failure()));
            double first = s.metrics().get(0).loss();
            double last = s.metrics().last().loss();
            assertTrue(Double.isFinite(last) && last < first / 3, first + " -> " + last);
        }
    }
}
