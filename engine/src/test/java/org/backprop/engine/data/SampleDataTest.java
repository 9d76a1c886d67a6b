package org.backprop.engine.data;

import org.backprop.engine.Samples;
import org.backprop.engine.project.LayerSpec;
import org.backprop.engine.project.LayerType;
import org.backprop.engine.project.Project;
import org.backprop.engine.runtime.Nd4jRuntime;
import org.backprop.engine.train.MetricPoint;
import org.backprop.engine.train.TrainingPlan;
import org.backprop.engine.train.TrainingSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/** The shipped samples find their data and fit their networks. */
class SampleDataTest {

    @BeforeAll
    static void nd4j() {
        Nd4jRuntime.configure();
    }

    static PreparedData data(String sample) throws DataException {
        Project p = Samples.load(sample);
        LayerSpec output = p.network().layers().stream().filter(l -> l.type() == LayerType.OUTPUT).findFirst().orElseThrow();
        return DataLoader.load(p.data(), Samples.file(sample).getParent(), DataType.FLOAT, output.intValue("units"),
                output.stringValue("loss"));
    }

    @Test
    void fashionMlpTrainsOnTheShippedSubsetAndItsLossGoesDown() throws Exception {
        Project p = Samples.load("fashion-mlp");
        PreparedData d = data("fashion-mlp");
        assertEquals(2000, d.train().numExamples());
        assertEquals(500, d.test().numExamples());
        try (TrainingSession s = new TrainingSession(p, d)) {
            s.setPlan(TrainingPlan.iterations(20));
            s.start();
            assertTrue(s.awaitIdle(60, TimeUnit.SECONDS));
            assertEquals(TrainingSession.State.FINISHED, s.state(), () -> String.valueOf(s.failure()));
            assertEquals(20, s.metrics().size());
            double first = mean(s.metrics().since(0).subList(0, 3));
            double last = mean(s.metrics().since(0).subList(17, 20));
            assertTrue(first > 2, "starts near ln(10) = 2.3 for ten classes: " + first);
            assertTrue(last < first * 0.75, "loss " + first + " -> " + last);
            assertTrue(s.metrics().lastEvaluation().testAccuracy() > 0.3, "well above 1 in 10 after 20 batches");
        }
    }

    @Test
    void irisAndCircleSamplesFitTheirNetworks() throws Exception {
        PreparedData iris = data("iris");
        assertEquals(List.of(120, 30, 4, 3), List.of(iris.train().numExamples(), iris.test().numExamples(), iris.featureCount(), iris.targetCount()));
        PreparedData circle = data("circle");
        assertEquals(List.of(250, 250, 2, 1), List.of(circle.train().numExamples(), circle.test().numExamples(), circle.featureCount(), circle.targetCount()));
        assertTrue(circle.isClassification());
    }

    static double mean(List<MetricPoint> points) {
        return points.stream().mapToDouble(MetricPoint::loss).average().orElseThrow();
    }
}
