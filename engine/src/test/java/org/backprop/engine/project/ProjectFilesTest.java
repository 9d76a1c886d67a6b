package org.backprop.engine.project;

import org.backprop.engine.Samples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class ProjectFilesTest {

    @TempDir
    Path tmp;

    @Test
    void everySampleReadsAndSavesToTheSameBytes() throws Exception {
        assertFalse(Samples.all().isEmpty());
        for (Path sample : Samples.all()) {
            String original = Files.readString(sample, StandardCharsets.UTF_8);
            Project p = ProjectFiles.read(sample);
            Path copy = tmp.resolve(sample.getFileName());
            ProjectFiles.write(p, copy);
            assertEquals(original, Files.readString(copy, StandardCharsets.UTF_8), sample + " changed on save");
            assertEquals(p, ProjectFiles.read(copy));
        }
    }

    @Test
    void pinnedWeightsAndPositionsSurviveASaveAndRead() throws Exception {
        Project xor = Samples.load("xor");
        LayerSpec hidden = xor.network().layer("hidden").orElseThrow()
                .withParameters(Map.of("W", ParameterValues.matrix(new double[][]{{0.5, -1, 2}, {0.25, 0.001, -3}}),
                        "b", ParameterValues.vector(0, 0.1, -0.2)))
                .withPosition(120, 80.5);
        var layers = new java.util.ArrayList<>(xor.network().layers());
        layers.set(1, hidden);
        Project pinned = xor.withNetwork(new NetworkSpec(layers, xor.network().edges()));
        String json = ProjectFiles.toJson(pinned);
        assertTrue(json.contains("[0.5, -1, 2]"), "rows are written one per line, numbers as people write them:\n" + json);
        assertTrue(json.contains("[0.25, 0.001, -3]"));
        Project back = ProjectFiles.parse(json, "pinned.json");
        assertEquals(pinned, back);
        assertEquals(json, ProjectFiles.toJson(back));
    }

    @Test
    void malformedJsonNamesTheLine() {
        String broken = xorText().replace("\"units\": 3,", "\"units\": 3");
        var e = assertThrows(ProjectFormatException.class, () -> ProjectFiles.parse(broken, "broken.json"));
        assertTrue(e.getMessage().startsWith("broken.json, line 23:"), e.getMessage());
        assertEquals(23, e.line());
    }

    @Test
    void aMistypedLayerPropertyNamesLayerPropertyAndLine() {
        String typo = xorText().replace("\"units\": 3,", "\"unit\": 3,");
        var e = assertThrows(ProjectFormatException.class, () -> ProjectFiles.parse(typo, "typo.json"));
        assertTrue(e.getMessage().contains("layer 'hidden' (dense, line 22) has unknown property \"unit\""), e.getMessage());
        assertTrue(e.getMessage().contains("units"), "lists the properties a dense layer has: " + e.getMessage());
    }

    @Test
    void anOutOfRangeValueNamesTheLayerAndTheRule() {
        String zero = xorText().replace("\"units\": 3,", "\"units\": 0,");
        var e = assertThrows(ProjectFormatException.class, () -> ProjectFiles.parse(zero, "zero.json"));
        assertTrue(e.getMessage().contains("layer 'hidden' (dense, line 22): units must be at least 1, got 0"), e.getMessage());
    }

    @Test
    void aWrongTypeNamesTheFieldPath() {
        String text = xorText().replace("\"batchSize\": 4", "\"batchSize\": \"four\"");
        var e = assertThrows(ProjectFormatException.class, () -> ProjectFiles.parse(text, "p.json"));
        assertTrue(e.getMessage().contains("training.batchSize: expected a whole number"), e.getMessage());
        assertTrue(e.getMessage().contains("line 49"), e.getMessage());
    }

    @Test
    void anUnknownFieldIsNamedWithTheFieldsThatExist() {
        String text = xorText().replace("\"batchSize\": 4", "\"batchsize\": 4");
        var e = assertThrows(ProjectFormatException.class, () -> ProjectFiles.parse(text, "p.json"));
        assertTrue(e.getMessage().contains("unknown field \"batchsize\""), e.getMessage());
        assertTrue(e.getMessage().contains("batchSize"), e.getMessage());
        assertTrue(e.getMessage().startsWith("p.json, line 49: training: "), e.getMessage());
    }

    @Test
    void aValueRuleBrokenInTrainingSettingsSaysWhy() {
        String text = xorText().replace("\"learningRate\": 0.1", "\"learningRate\": -1");
        var e = assertThrows(ProjectFormatException.class, () -> ProjectFiles.parse(text, "p.json"));
        assertTrue(e.getMessage().contains("learningRate must be above 0"), e.getMessage());
    }

    @Test
    void aFileFromANewerWorkbenchSaysSo() {
        String text = xorText().replace("\"version\": 1", "\"version\": 7");
        var e = assertThrows(ProjectFormatException.class, () -> ProjectFiles.parse(text, "future.json"));
        assertTrue(e.getMessage().contains("newer Backprop Workbench (format version 7)"), e.getMessage());
        assertTrue(e.getMessage().contains("line 3"), e.getMessage());
    }

    @Test
    void somethingElseIsNotTakenForAProject() {
        var e = assertThrows(ProjectFormatException.class, () -> ProjectFiles.parse("{\"name\": \"x\"}", "other.json"));
        assertTrue(e.getMessage().contains("not a Backprop Workbench project"), e.getMessage());
        var empty = assertThrows(ProjectFormatException.class, () -> ProjectFiles.parse("", "empty.json"));
        assertTrue(empty.getMessage().startsWith("empty.json"), empty.getMessage());
    }

    @Test
    void savingReplacesTheFileWholeAndLeavesNoTemporaryFiles() throws Exception {
        Path file = tmp.resolve("p.bpw.json");
        Files.writeString(file, "old content");
        ProjectFiles.write(Samples.load("xor"), file);
        assertEquals(Samples.load("xor"), ProjectFiles.read(file));
        try (var s = Files.list(tmp)) {
            assertEquals(1, s.count(), "no temporary file is left beside the project");
        }
    }

    private static String xorText() {
        try {
            return Files.readString(Samples.file("xor"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
