package org.backprop.engine.data;

import org.backprop.engine.project.DataSpec;
import org.backprop.engine.runtime.Nd4jRuntime;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class FeatureScalingTest {

    @BeforeAll
    static void nd4j() {
        Nd4jRuntime.configure();
    }

    static Examples rows(double... firstColumn) {
        double[][] x = new double[firstColumn.length][];
        for (int i = 0; i < x.length; i++) x[i] = new double[]{firstColumn[i], 7};
        return Examples.classes(x, new int[x.length], List.of("a", "b"));
    }

    static double[][] prepared(String normalize, Examples train, Examples test, boolean testPart) throws DataException {
        PreparedData d = DataLoader.prepare("t", train, test, normalize, 2, DataType.DOUBLE);
        return (testPart ? d.test() : d.train()).getFeatures().toDoubleMatrix();
    }

    @Test
    void standardizeUsesTheTrainingPartsStatisticsForTheTestPartToo() throws Exception {
        Examples train = rows(0, 2, 4);    // mean 2, sd sqrt(8/3)
        Examples test = rows(10, 12);
        double sd = Math.sqrt(8.0 / 3);
        double[][] tr = prepared("standardize", train, test, false);
        double[][] te = prepared("standardize", train, test, true);
        assertEquals(0, ColumnStats.mean(tr, 0), 1e-12);
        assertEquals(1, ColumnStats.sd(tr, 0), 1e-12);
        assertEquals((10 - 2) / sd, te[0][0], 1e-12);
        assertEquals((12 - 2) / sd, te[1][0], 1e-12);
        assertNotEquals(0, ColumnStats.mean(te, 0), 1, "the test part is not centred on its own");
    }

    @Test
    void aConstantColumnBecomesZeroNotNaN() throws Exception {
        for (String method : List.of("standardize", "minmax")) {
            double[][] tr = prepared(method, rows(1, 2, 3), rows(5), false);
            double[][] te = prepared(method, rows(1, 2, 3), rows(5), true);
            assertEquals(0, tr[0][1], 0, method);
            assertEquals(0, te[0][1], 0, method);
        }
    }

    @Test
    void minmaxMapsTheTrainingRangeToZeroOneAndScale255DividesPixels() throws Exception {
        assertArrayEquals(new double[]{0, 0.25, 1}, column(prepared("minmax", rows(2, 4, 10), null, false)), 1e-12);
        assertArrayEquals(new double[]{1.5}, column(prepared("minmax", rows(2, 4, 10), rows(14), true)), 1e-12);
        assertArrayEquals(new double[]{0, 1, 0.2}, column(prepared("scale255", rows(0, 255, 51), null, false)), 1e-12);
        assertArrayEquals(new double[]{3, -1}, column(prepared("none", rows(3, -1), null, false)), 0);
    }

    @Test
    void theSourceRowsAreLeftUntouched() throws Exception {
        Examples train = rows(2, 4, 10);
        prepared("minmax", train, null, false);
        assertEquals(10, train.features()[2][0]);
    }

    @Test
    void aCsvFileIsStandardizedAfterTheSplit(@TempDir Path dir) throws Exception {
        StringBuilder csv = new StringBuilder("x,y,label\n");
        for (int i = 1; i <= 100; i++) csv.append(i).append(',').append(i * i).append(',').append(i % 3).append('\n');
        Files.writeString(dir.resolve("data.csv"), csv);
        DataSpec spec = DataSpec.builder("csv").seed(5L).path("data.csv").normalize("standardize").testFraction(0.2).build();
        PreparedData d = DataLoader.load(spec, dir, DataType.DOUBLE, 3, "mcxent");
        double[][] tr = d.train().getFeatures().toDoubleMatrix();
        double[][] te = d.test().getFeatures().toDoubleMatrix();
        assertEquals(80, tr.length);
        assertEquals(20, te.length);
        for (int j = 0; j < 2; j++) {
            assertEquals(0, ColumnStats.mean(tr, j), 1e-9);
            assertEquals(1, ColumnStats.sd(tr, j), 1e-9);
            assertTrue(Math.abs(ColumnStats.mean(te, j)) > 1e-6, "test mean is not forced to 0: " + ColumnStats.mean(te, j));
        }
        assertEquals("data.csv (80 training rows, 20 test rows, standardized)", d.description());
    }

    static double[] column(double[][] x) {
        double[] c = new double[x.length];
        for (int i = 0; i < x.length; i++) c[i] = x[i][0];
        return c;
    }
}
