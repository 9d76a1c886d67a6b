package org.backprop.engine.train;

import org.backprop.engine.Samples;
import org.backprop.engine.data.DataLoader;
import org.backprop.engine.data.PreparedData;
import org.backprop.engine.project.Project;
import org.backprop.engine.runtime.Nd4jRuntime;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

class TrainingSessionTest {

    @BeforeAll
    static void nd4j() {
        Nd4jRuntime.configure();
    }

    static TrainingSession xor() throws Exception {
        Project p = Samples.load("xor");
        PreparedData d = DataLoader.load(p.data(), Samples.file("xor").getParent(), DataType.FLOAT, 1, "mse");
        return new TrainingSession(p, d);
    }

    @Test
    void xorTrainsBelowTheLossTheIssueAsksFor() throws Exception {
        try (TrainingSession s = xor()) {
            s.start();
            assertTrue(s.awaitIdle(60, TimeUnit.SECONDS));
            assertEquals(TrainingSession.State.FINISHED, s.state(), () -> String.valueOf(s.failure()));
            assertEquals(500, s.metrics().size(), "500 epochs of one 4-row batch");
            assertTrue(s.metrics().last().loss() < 0.05, "final loss " + s.metrics().last().loss());
            assertEquals(1.0, s.metrics().lastEvaluation().testAccuracy());
        }
    }
}
