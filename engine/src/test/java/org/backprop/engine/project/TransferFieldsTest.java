package org.backprop.engine.project;

import org.backprop.engine.Samples;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The fine-tuning fields of the project format: weightsFrom, frozen, reinit, learningRate, classes. */
class TransferFieldsTest {

    static Project fineTune() {
        Project xor = Samples.load("xor");
        NetworkSpec net = xor.network().withWeightsFrom("models/pretrained.zip")
                .withLayer(xor.network().layer("hidden").orElseThrow().with("frozen", true).with("learningRate", 0.001))
                .withLayer(xor.network().layer("output").orElseThrow().with("reinit", true));
        return xor.withNetwork(net).withData(xor.data().withClasses(List.of(1, 0)));
    }

    @Test
    void theFieldsRoundTripToTheSameBytesAndSitWhereAReaderLooksForThem() throws Exception {
        Project p = fineTune();
        String json = ProjectFiles.toJson(p);
        assertTrue(json.contains("\"network\": {\n    \"weightsFrom\": \"models/pretrained.zip\",\n    \"layers\": ["), json);
        assertTrue(json.contains("\"frozen\": true,\n        \"learningRate\": 0.001"), json);
        assertTrue(json.contains("\"reinit\": true"), json);
        assertTrue(json.contains("\"classes\": [\n      1,\n      0\n    ]") || json.contains("\"classes\": [1, 0]"), json);
        Project back = ProjectFiles.parse(json, "ft.bpw.json");
        assertEquals(p, back);
        assertEquals(json, ProjectFiles.toJson(back));
        assertTrue(back.network().layer("hidden").orElseThrow().frozen());
        assertFalse(back.network().layer("output").orElseThrow().frozen());
    }

    @Test
    void projectsWithoutTheFieldsAreWrittenAsBefore() throws Exception {
        String xor = Files.readString(Samples.file("xor"));
        assertFalse(xor.contains("weightsFrom"));
        assertEquals(xor, ProjectFiles.toJson(ProjectFiles.parse(xor, "xor.bpw.json")));
    }

    @Test
    void aMisspeltWeightsFromIsNamedWithTheFieldsThatExist() {
        String text = ProjectFiles.toJson(fineTune()).replace("\"weightsFrom\"", "\"weightFrom\"");
        var e = assertThrows(ProjectFormatException.class, () -> ProjectFiles.parse(text, "p.json"));
        assertTrue(e.getMessage().contains("network: unknown field \"weightFrom\"; expected one of edges, layers, weightsFrom"), e.getMessage());
    }

    @Test
    void frozenIsAFlagAndOnlyLayersWithParametersHaveIt() {
        String notAFlag = ProjectFiles.toJson(fineTune()).replace("\"frozen\": true", "\"frozen\": \"yes\"");
        var e = assertThrows(ProjectFormatException.class, () -> ProjectFiles.parse(notAFlag, "p.json"));
        assertTrue(e.getMessage().contains("frozen must be true or false, got \"yes\""), e.getMessage());

        LayerSpec drop = LayerSpec.of("drop", LayerType.DROPOUT, "rate", 0.5);
        assertFalse(drop.frozen(), "a dropout layer is never frozen: it has nothing to freeze");
        assertFalse(LayerType.DROPOUT.isTrainable());
        assertTrue(LayerType.CONV2D.isTrainable() && LayerType.BATCH_NORM.isTrainable());
    }

    @Test
    void classesAreListedOnceEach() {
        String twice = ProjectFiles.toJson(fineTune()).replaceAll("\"classes\": \\[[^\\]]*\\]", "\"classes\": [1, 1]");
        var e = assertThrows(ProjectFormatException.class, () -> ProjectFiles.parse(twice, "p.json"));
        assertTrue(e.getMessage().contains("classes must list class numbers (0-based), each once"), e.getMessage());
    }
}
