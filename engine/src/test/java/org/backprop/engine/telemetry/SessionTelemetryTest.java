package org.backprop.engine.telemetry;

import org.backprop.engine.Samples;
import org.backprop.engine.data.ProjectData;
import org.backprop.engine.project.Project;
import org.backprop.engine.runtime.Nd4jRuntime;
import org.backprop.engine.train.TrainingPlan;
import org.backprop.engine.train.TrainingSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

class SessionTelemetryTest {

    @BeforeAll
    static void nd4j() {
        Nd4jRuntime.configure();
    }

    @Test
    void aResetStartsTheTelemetryOverWithTheFreshModel() throws Exception {
        Project p = Samples.load("xor");
        try (TrainingSession s = new TrainingSession(p, ProjectData.load(p, Samples.file("xor").getParent()))) {
            Telemetry t = SessionTelemetry.attach(s, TelemetryConfig.defaults()).telemetry();
            s.setPlan(TrainingPlan.iterations(20));
            s.start();
            assertTrue(s.awaitIdle(30, TimeUnit.SECONDS));
            assertEquals(20, t.lastIteration());
            assertEquals(2, t.sampledIterations(), "1 and 20");
            LayerTelemetry before = t.layers().get(0);

            s.reset();
            assertEquals(0, t.lastIteration());
            assertTrue(t.layers().isEmpty());
            assertTrue(t.loss().isEmpty());

            s.step();
            assertTrue(s.awaitIdle(30, TimeUnit.SECONDS));
            assertEquals(1, t.lastIteration());
            assertNotSame(before, t.layers().get(0), "records of the new model");
            assertEquals(1, t.layers().get(0).parameters().get("W").gradientNorm().size());
        }
    }
}
