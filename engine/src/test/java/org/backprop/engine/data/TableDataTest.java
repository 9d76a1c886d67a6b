package org.backprop.engine.data;

import org.backprop.engine.Samples;
import org.backprop.engine.project.DataSpec;
import org.backprop.engine.project.Project;
import org.backprop.engine.project.TrainingSettings;
import org.backprop.engine.runtime.Nd4jRuntime;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

class TableDataTest {

    @Test
    void typedRowsBecomeTheTrainingSetInOrderWithNothingHeldOut() throws Exception {
        Nd4jRuntime.configure();
        double[][] x = {{1, 2}, {3, 4}, {5, 6}, {7, 8}, {9, 10}, {11, 12}};
        double[][] t = {{0.5}, {0.25}, {0}, {1}, {-1}, {2}};
        Project p = Samples.load("xor").withData(DataSpec.table(x, t));
        p = p.withTraining(p.training().withDataType(TrainingSettings.Precision.DOUBLE));
        PreparedData d = ProjectData.load(p, Path.of("."));
        assertEquals(6, d.train().numExamples());
        assertSame(d.train(), d.test(), "no test part unless the file asks for one");
        assertArrayEquals(x, d.train().getFeatures().toDoubleMatrix());
        assertArrayEquals(t, d.train().getLabels().toDoubleMatrix());
        assertFalse(d.isClassification());
    }

    @Test
    void targetsThatDoNotFitTheOutputLayerAreExplained() {
        Project p = Samples.load("xor").withData(DataSpec.table(new double[][]{{1, 2}}, new double[][]{{0, 1}}));
        var e = assertThrows(DataException.class, () -> ProjectData.load(p, Path.of(".")));
        assertTrue(e.getMessage().contains("the output layer has 1 units but the data has 2 target value(s) per row"), e.getMessage());
    }
}
