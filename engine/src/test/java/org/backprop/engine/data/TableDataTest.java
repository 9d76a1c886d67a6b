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

    @Test
    void aTableWithALengthIsSequencesStepAfterStepForARecurrentNetwork() throws Exception {
        Nd4jRuntime.configure();
        Project elman = Samples.load("elman-steps");
        // Two sequences of 2 steps, 1 feature and 1 target per step.
        Project p = elman.withData(DataSpec.builder("table").length(2)
                .inputs(java.util.List.of(java.util.List.of(1.0, 2.0), java.util.List.of(3.0, 4.0)))
                .targets(java.util.List.of(java.util.List.of(0.1, 0.2), java.util.List.of(0.3, 0.4))).build());
        PreparedData d = ProjectData.load(p, Path.of("."));
        assertArrayEquals(new long[]{2, 1, 2}, d.train().getFeatures().shape(), "[sequences, features, steps]");
        assertEquals(4.0, d.train().getFeatures().getDouble(1, 0, 1), 0.0);
        assertEquals(0.2, d.train().getLabels().getDouble(0, 0, 1), 1e-7);
        assertNull(d.train().getLabelsMaskArray(), "every step has a target");

        var odd = assertThrows(IllegalArgumentException.class, () -> DataSpec.builder("table").length(2)
                .inputs(java.util.List.of(java.util.List.of(1.0, 2.0, 3.0))).targets(java.util.List.of(java.util.List.of(0.1, 0.2))).build());
        assertTrue(odd.getMessage().contains("a table of sequences of length 2 needs rows of whole time steps"), odd.getMessage());
        var flat = assertThrows(DataException.class, () -> ProjectData.load(elman.withData(DataSpec.table(new double[][]{{1}}, new double[][]{{0}})), Path.of(".")));
        assertTrue(flat.getMessage().contains("or a table with a length (time steps per row)"), flat.getMessage());
    }
}
