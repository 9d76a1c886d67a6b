package org.backprop.engine.data;

import org.backprop.engine.Samples;
import org.backprop.engine.project.DataSpec;
import org.backprop.engine.runtime.Nd4jRuntime;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.dataset.DataSet;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The generated and text sequence sets: shapes, targets, masks and the lag they promise. */
class SequenceSourcesTest {

    @BeforeAll
    static void nd4j() {
        Nd4jRuntime.configure();
    }

    @Test
    void wavesPredictTheNextValueOfTheSameSeries() throws Exception {
        for (String shape : List.of("sine", "sawtooth", "square")) {
            PreparedData d = DataLoader.load(DataSpec.sequences(shape, 10, 12, null, 8.0, null, 0.0, 3, 0.2), null, DataType.DOUBLE, 1, "mse");
            DataSet tr = d.train();
            assertArrayEquals(new long[]{8, 1, 12}, tr.getFeatures().shape());
            assertArrayEquals(new long[]{8, 1, 12}, tr.getLabels().shape());
            assertNull(tr.getLabelsMaskArray(), "every step has a target");
            for (int t = 0; t < 11; t++) assertEquals(tr.getLabels().getDouble(0, 0, t), tr.getFeatures().getDouble(0, 0, t + 1), 1e-12);
            assertTrue(tr.getFeatures().maxNumber().doubleValue() <= 1 && tr.getFeatures().minNumber().doubleValue() >= -1, shape);
        }
    }

    @Test
    void theAddingProblemMarksTwoNumbersTheFirstAtLeastLagStepsBeforeTheEnd() throws Exception {
        SequenceExamples e = SequenceSets.generate(DataSpec.sequences("adding", 300, 20, 15, null, null, 0, 5, 0));
        for (int i = 0; i < e.size(); i++) {
            int first = -1, marks = 0;
            double sum = 0;
            for (int t = 0; t < 20; t++) {
                if (e.features()[i][t][1] == 1) {
                    if (first < 0) first = t;
                    marks++;
                    sum += e.features()[i][t][0];
                }
                assertEquals(t == 19, e.hasTarget()[i][t]);
            }
            assertEquals(2, marks);
            assertTrue(19 - first >= 15, "first mark at " + first);
            assertEquals(sum, e.targets()[i][19][0], 1e-12);
        }
        PreparedData d = DataLoader.load(DataSpec.sequences("adding", 10, 20, 15, null, null, 0, 5, 0.2), null, DataType.FLOAT, 1, "mse");
        assertEquals(1.0, d.train().getLabelsMaskArray().getDouble(0, 19));
        assertEquals(1.0, d.train().getLabelsMaskArray().sumNumber().doubleValue() / d.train().numExamples());
    }

    @Test
    void copyMemoryAsksForTheSymbolsAfterTheGoMarker() throws Exception {
        SequenceExamples e = SequenceSets.generate(DataSpec.sequences("copy", 5, 3, 6, null, 4, 0, 1, 0));
        assertEquals(3 + 6 + 3, e.steps());
        assertEquals(6, e.featureCount(), "4 symbols, blank, go");
        assertEquals(List.of("0", "1", "2", "3"), e.classNames());
        for (int i = 0; i < e.size(); i++) {
            assertEquals(1, e.features()[i][8][5], "go marker ends the lag");
            for (int k = 0; k < 3; k++) {
                assertTrue(e.hasTarget()[i][9 + k]);
                assertArrayEquals(java.util.Arrays.copyOf(e.features()[i][k], 4), e.targets()[i][9 + k]);
            }
            assertFalse(e.hasTarget()[i][8]);
        }
    }

    @Test
    void textWindowsAreOneHotOverTheFilesAlphabetAndSequenceToOneKeepsTheLastStep() throws Exception {
        DataSpec spec = DataSpec.builder("text").samples(20).seed(1L).path("data/alice/alice-chapter-1.txt").testFraction(0.0)
                .length(30).build();
        PreparedData d = DataLoader.load(spec, Samples.root(), DataType.FLOAT, 41, "mcxent");
        assertEquals(41, d.featureCount());
        assertEquals(41, d.classNames().size());
        assertEquals("a", d.classNames().get(d.classNames().indexOf(" ") + 14), "sorted: space, punctuation, then letters");
        assertArrayEquals(new long[]{20, 41, 30}, d.train().getFeatures().shape());
        assertEquals(20 * 30, d.train().getFeatures().sumNumber().doubleValue(), 1e-9, "one character per step");
        assertEquals(d.train().getLabels().getDouble(0, 5, 3), d.train().getFeatures().getDouble(0, 5, 4));
        PreparedData last = DataLoader.load(spec, Samples.root(), DataType.FLOAT, 41, "mcxent", true);
        assertEquals(20, last.train().getLabelsMaskArray().sumNumber().doubleValue());
        assertEquals(1.0, last.train().getLabelsMaskArray().getDouble(3, 29));
    }

    @Test
    void anOutputOfTheWrongSizeIsNamed() {
        var e = assertThrows(DataException.class, () -> DataLoader.load(
                DataSpec.sequences("copy", 5, 3, 6, null, 4, 0, 1, 0), null, DataType.FLOAT, 3, "mcxent"));
        assertTrue(e.getMessage().contains("the output layer has 3 units but the data has 4 classes"), e.getMessage());
    }
}
