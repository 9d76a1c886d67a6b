package org.backprop.engine.data;

import org.backprop.engine.project.DataSpec;
import org.backprop.engine.runtime.Nd4jRuntime;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class IrisTest {

    @BeforeAll
    static void nd4j() {
        Nd4jRuntime.configure();
    }

    static DataSpec iris(String normalize, double testFraction) {
        return DataSpec.builder("iris").seed(42L).normalize(normalize).testFraction(testFraction).build();
    }

    @Test
    void holds150FlowersFiftyOfEachSpecies() throws Exception {
        Examples all = Iris.load();
        assertEquals(150, all.size());
        assertEquals(4, all.featureCount());
        assertEquals(List.of("setosa", "versicolor", "virginica"), all.classNames());
        int[] perClass = new int[3];
        for (int c : all.classes()) perClass[c]++;
        assertArrayEquals(new int[]{50, 50, 50}, perClass);
        // First row of Fisher's table: 5.1, 3.5, 1.4, 0.2, setosa.
        assertArrayEquals(new double[]{5.1, 3.5, 1.4, 0.2}, all.features()[0]);
        assertEquals(0, all.classes()[0]);
    }

    @Test
    void splitsIntoTrainingAndTestPartsWithOneHotTargetsForThreeClasses() throws Exception {
        PreparedData d = DataLoader.load(iris(null, 0.2), null, DataType.FLOAT, 3, "mcxent");
        assertEquals(120, d.train().numExamples());
        assertEquals(30, d.test().numExamples());
        assertEquals(4, d.featureCount());
        assertEquals(List.of("setosa", "versicolor", "virginica"), d.classNames());
        assertEquals(3, d.targetCount());
        assertEquals(150.0, d.train().getLabels().sumNumber().doubleValue() + d.test().getLabels().sumNumber().doubleValue(), 0,
                "one 1 per row");
        assertEquals("iris (120 training rows, 30 test rows, standardized)", d.description());
    }

    @Test
    void isStandardizedByDefaultAndRawWhenAskedFor() throws Exception {
        double[][] x = DataLoader.load(iris(null, 0.2), null, DataType.DOUBLE, 3, "mcxent").train().getFeatures().toDoubleMatrix();
        for (int j = 0; j < 4; j++) {
            assertEquals(0, ColumnStats.mean(x, j), 1e-9);
            assertEquals(1, ColumnStats.sd(x, j), 1e-9);
        }
        PreparedData raw = DataLoader.load(iris("none", 0), null, DataType.DOUBLE, 3, "mcxent");
        assertEquals(150, raw.train().numExamples());
        assertEquals(6.9, raw.train().getFeatures().getColumn(2).maxNumber().doubleValue(), 1e-12, "longest petal, cm");
    }

    @Test
    void saysHowManyUnitsTheOutputNeeds() {
        DataException e = assertThrows(DataException.class, () -> DataLoader.load(iris(null, 0.2), null, DataType.FLOAT, 2, "mcxent"));
        assertTrue(e.getMessage().contains("3 classes (setosa, versicolor, virginica)"), e.getMessage());
    }
}
