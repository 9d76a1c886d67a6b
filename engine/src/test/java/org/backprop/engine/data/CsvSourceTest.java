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

class CsvSourceTest {
    @TempDir
    Path dir;

    @BeforeAll
    static void nd4j() {
        Nd4jRuntime.configure();
    }

    static DataSpec csv(String path, Boolean header, List<String> features, String label) {
        return DataSpec.builder("csv").path(path).header(header).features(features).label(label).testFraction(0.0).build();
    }

    Path write(String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text);
    }

    PreparedData load(DataSpec spec, int outputUnits, String loss) throws DataException {
        return DataLoader.load(spec, dir, DataType.DOUBLE, outputUnits, loss);
    }

    @Test
    void aRowWithTheWrongNumberOfColumnsIsReportedByFileAndLine() throws Exception {
        write("data.csv", "a,b,c,d,label\n1,2,3,4,x\n\n5,6,7,8,y\n1,2,3,x\n");
        DataException e = assertThrows(DataException.class, () -> load(csv("data.csv", null, null, null), 2, "mcxent"));
        assertEquals("data.csv, line 5: expected 5 columns, found 4", e.getMessage());
    }

    @Test
    void aValueThatIsNotANumberIsReportedByFileLineColumnAndValue() throws Exception {
        write("data.csv", "width,height,label\n1,2,x\n3,abc,y\n");
        DataException e = assertThrows(DataException.class, () -> load(csv("data.csv", null, null, null), 2, "mcxent"));
        assertEquals("data.csv, line 3, column \"height\": \"abc\" is not a number", e.getMessage());

        write("plain.csv", "1,2,x\n3,,y\n");
        e = assertThrows(DataException.class, () -> load(csv("plain.csv", false, null, null), 2, "mcxent"));
        assertEquals("plain.csv, line 2, column 2: the value is missing", e.getMessage());
    }

    @Test
    void columnsAreChosenByHeaderNameOrByNumber() throws Exception {
        write("data.csv", "a,b,c,kind\n1,10,100,cat\n2,20,200,dog\n3,30,300,cat\n");
        PreparedData d = load(csv("data.csv", null, List.of("c", "1"), "kind"), 2, "mcxent");
        assertEquals(2, d.featureCount());
        assertArrayEquals(new double[]{100, 1}, d.train().getFeatures().getRow(0).toDoubleVector(), "in the order given");
        assertEquals(List.of("cat", "dog"), d.classNames());

        d = load(csv("data.csv", null, List.of("b"), "4"), 2, "mcxent");
        assertArrayEquals(new double[]{10, 20, 30}, d.train().getFeatures().getColumn(0).toDoubleVector());

        d = load(csv("data.csv", null, null, null), 2, "mcxent");
        assertEquals(3, d.featureCount(), "by default the last column is the label and every other one a feature");
        assertArrayEquals(new double[]{1, 10, 100}, d.train().getFeatures().getRow(0).toDoubleVector());

        DataException e = assertThrows(DataException.class, () -> load(csv("data.csv", null, List.of("width"), "kind"), 2, "mcxent"));
        assertEquals("data.csv: no column \"width\"; the header has a, b, c, kind", e.getMessage());
        e = assertThrows(DataException.class, () -> load(csv("data.csv", null, List.of("9"), "kind"), 2, "mcxent"));
        assertEquals("data.csv: there is no column 9; the file has 4 columns", e.getMessage());
    }

    @Test
    void withoutAHeaderTheLastColumnIsTheLabel() throws Exception {
        write("data.csv", "0.5,1.5,1\n2.5,3.5,0\n4.5,5.5,10\n6.5,7.5,2\n");
        PreparedData d = load(csv("data.csv", false, null, null), 4, "mcxent");
        assertEquals(4, d.train().numExamples());
        assertEquals(List.of("0", "1", "2", "10"), d.classNames(), "numeric class names sort as numbers");
    }

    @Test
    void aNumericLabelIsAValueOnlyForOneUnitWithARegressionLoss() throws Exception {
        write("data.csv", "x,y\n1,0\n2,1\n3,1\n4,0\n5,1\n");
        assertFalse(load(csv("data.csv", null, null, null), 1, "mse").isClassification());
        assertFalse(load(csv("data.csv", null, null, null), 1, "l1").isClassification());
        PreparedData binary = load(csv("data.csv", null, null, null), 1, "xent");
        assertEquals(List.of("0", "1"), binary.classNames());
        assertArrayEquals(new double[]{0, 1, 1, 0, 1}, binary.train().getLabels().getColumn(0).toDoubleVector());
        assertEquals(List.of("0", "1"), load(csv("data.csv", null, null, null), 2, "mse").classNames(), "two units: classes");

        write("words.csv", "x,y\n1,low\n2,high\n3,mid\n");
        DataException e = assertThrows(DataException.class, () -> load(csv("words.csv", null, null, null), 1, "mse"));
        assertTrue(e.getMessage().contains("3 classes (high, low, mid)"), "words are classes, sorted: " + e.getMessage());
    }

    @Test
    void quotedFieldsMayHoldCommasQuotesAndLineBreaks() throws Exception {
        write("data.csv", "\uFEFFsize,\"weight, kg\",colour\r\n1,2,\"red, dark\"\r\n3,4,\"say \"\"blue\"\"\"\r\n5,6,\"two\nlines\"\r\n7,8\r\n");
        DataException e = assertThrows(DataException.class, () -> load(csv("data.csv", null, List.of("weight, kg"), null), 4, "mcxent"));
        assertEquals("data.csv, line 6: expected 3 columns, found 2", e.getMessage(), "the line a text editor shows");
        write("data.csv", "size,\"weight, kg\",colour\n1,2,\"red, dark\"\n3,4,\"say \"\"blue\"\"\"\n");
        PreparedData d = load(csv("data.csv", null, List.of("weight, kg"), null), 2, "mcxent");
        assertEquals(List.of("red, dark", "say \"blue\""), d.classNames());
        assertArrayEquals(new double[]{2, 4}, d.train().getFeatures().getColumn(0).toDoubleVector());
    }

    @Test
    void aMissingFileIsNamedByItsResolvedPath() {
        DataException e = assertThrows(DataException.class, () -> load(csv("../missing.csv", null, null, null), 2, "mcxent"));
        assertEquals("file not found: " + dir.toAbsolutePath().getParent().resolve("missing.csv"), e.getMessage());
    }
}
