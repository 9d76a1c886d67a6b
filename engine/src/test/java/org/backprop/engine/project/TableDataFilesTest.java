package org.backprop.engine.project;

import org.backprop.engine.Samples;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/** The {@code table} data source: rows typed into the project file, read and written canonically. */
class TableDataFilesTest {

    private static final String TABLE = """
              "data": {
                "source": "table",
                "inputs": [
                  [0.05, 0.1],
                  [1, -2]
                ],
                "targets": [
                  [0.01, 0.99],
                  [0, 1]
                ]
              }
            }
            """;

    @Test
    void rowsAreWrittenOneRowPerLineAndReadBackToTheSameBytes() throws Exception {
        Project p = Samples.load("xor").withData(DataSpec.table(new double[][]{{0.05, 0.1}, {1, -2}}, new double[][]{{0.01, 0.99}, {0, 1}}));
        String json = ProjectFiles.toJson(p);
        assertTrue(json.endsWith(TABLE), json);
        Project back = ProjectFiles.parse(json, "table.json");
        assertEquals(p, back);
        assertEquals(json, ProjectFiles.toJson(back));
    }

    @Test
    void aMisspeltTableFieldIsNamedWithTheFieldsThatExist() {
        String text = withTable(TABLE.replace("\"targets\"", "\"target\""));
        var e = assertThrows(ProjectFormatException.class, () -> ProjectFiles.parse(text, "t.json"));
        assertTrue(e.getMessage().contains("data: unknown field \"target\""), e.getMessage());
        assertTrue(e.getMessage().contains("targets"), e.getMessage());
    }

    @Test
    void rowsOfDifferentWidthsOrCountsAreRefusedWithTheRow() {
        var ragged = assertThrows(ProjectFormatException.class,
                () -> ProjectFiles.parse(withTable(TABLE.replace("[1, -2]", "[1]")), "t.json"));
        assertTrue(ragged.getMessage().contains("inputs row 2 has 1 values, row 1 has 2"), ragged.getMessage());

        var missing = assertThrows(ProjectFormatException.class,
                () -> ProjectFiles.parse(withTable(TABLE.replace(",\n      [0, 1]", "")), "t.json"));
        assertTrue(missing.getMessage().contains("as many target rows as input rows, got 2 input rows and 1 target rows"), missing.getMessage());

        var words = assertThrows(ProjectFormatException.class,
                () -> ProjectFiles.parse(withTable(TABLE.replace("[0, 1]", "[0, \"one\"]")), "t.json"));
        assertTrue(words.getMessage().startsWith("t.json, line "), words.getMessage());
    }

    @Test
    void rowsBelongToTheTableSourceOnly() {
        String text = withTable(TABLE.replace("\"source\": \"table\"", "\"source\": \"xor-gate\""));
        var e = assertThrows(ProjectFormatException.class, () -> ProjectFiles.parse(text, "t.json"));
        assertTrue(e.getMessage().contains("\"inputs\" and \"targets\" belong to the source \"table\""), e.getMessage());
    }

    private static String withTable(String dataBlock) {
        String xor = ProjectFiles.toJson(Samples.load("xor"));
        return xor.substring(0, xor.indexOf("  \"data\": {")) + dataBlock;
    }
}
