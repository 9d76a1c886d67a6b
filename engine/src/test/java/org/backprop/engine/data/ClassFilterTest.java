package org.backprop.engine.data;

import org.backprop.engine.Samples;
import org.backprop.engine.project.DataSpec;
import org.backprop.engine.runtime.Nd4jRuntime;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** {@code "classes"}: half of Fashion-MNIST's classes, relabelled from 0. */
class ClassFilterTest {

    @BeforeAll
    static void nd4j() {
        Nd4jRuntime.configure();
    }

    static DataSpec fashion(Integer limit, List<Integer> classes) {
        String d = "data/fashion-mnist-subset/";
        return DataSpec.builder("idx").path(d + "train-images-idx3-ubyte.gz").labels(d + "train-labels-idx1-ubyte.gz").testPath(d + "t10k-images-idx3-ubyte.gz").testLabels(d + "t10k-labels-idx1-ubyte.gz").limit(limit).classes(classes).build();
    }

    @Test
    void keepsTheListedClassesOfBothPartsRelabelledInTheListedOrder() throws Exception {
        Path root = Samples.root();
        PreparedData all = DataLoader.load(fashion(600, null), root, DataType.FLOAT, 10, "mcxent");
        PreparedData half = DataLoader.load(fashion(600, List.of(5, 6, 7, 8, 9)), root, DataType.FLOAT, 5, "mcxent");
        assertEquals(List.of("Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"), half.classNames());
        assertEquals(298, half.train().numExamples(), "the first 600 training images hold 298 of classes 5-9");
        assertEquals(225, half.test().numExamples(), "the 500 test images hold 225 of them");
        // The first training image of class 5 or above, in both: same pixels, label shifted down by 5.
        int[] labels = Nd4j.argMax(all.train().getLabels(), 1).toIntVector();
        int first = 0;
        while (labels[first] < 5) first++;
        assertEquals(all.train().getFeatures().getRow(first), half.train().getFeatures().getRow(0));
        assertEquals(labels[first] - 5, Nd4j.argMax(half.train().getLabels(), 1).getInt(0));
    }

    @Test
    void aClassTheDataDoesNotHaveIsNamedWithTheClassesItHas() {
        var e = assertThrows(DataException.class,
                () -> DataLoader.load(fashion(50, List.of(3, 12)), Samples.root(), DataType.FLOAT, 2, "mcxent"));
        assertTrue(e.getMessage().contains("\"classes\" lists class 12, but the data has 10 classes, numbered 0 to 9 (T-shirt/top"), e.getMessage());
    }

    @Test
    void regressionDataHasNoClassesToPick() {
        DataSpec plane = DataSpec.generated("plane", 20, 0, 1, 0.2).withClasses(List.of(0));
        var e = assertThrows(DataException.class, () -> DataLoader.load(plane, null, DataType.FLOAT, 1, "mse"));
        assertTrue(e.getMessage().contains("has values to regress, not classes"), e.getMessage());
    }
}
