package org.backprop.engine.project;

import org.backprop.engine.Samples;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/** The recurrent additions to the file format: written only when set, read strictly. */
class RecurrentProjectFilesTest {

    @Test
    void truncatedBpttIsWrittenWhenSetAndReadBack() throws Exception {
        Project p = Samples.load("jordan-sine");
        assertFalse(ProjectFiles.toJson(p).contains("tbpttLength"), "0 (full BPTT) is left out, so older files stay as they are");
        Project t = p.withTraining(p.training().withTbpttLength(8));
        String json = ProjectFiles.toJson(t);
        assertTrue(json.contains("\"weightInit\": \"xavier\",\n    \"tbpttLength\": 8\n"), json);
        Project back = ProjectFiles.parse(json, "t.json");
        assertEquals(t, back);
        assertEquals(8, back.training().tbpttLength());
        assertEquals(json, ProjectFiles.toJson(back));
    }

    @Test
    void sequenceFieldsAreCheckedLikeTheOthers() {
        String text = ProjectFiles.toJson(Samples.load("lstm-adding"));
        var typo = assertThrows(ProjectFormatException.class, () -> ProjectFiles.parse(text.replace("\"lag\":", "\"lags\":"), "p.json"));
        assertTrue(typo.getMessage().contains("data: unknown field \"lags\""), typo.getMessage());
        var zero = assertThrows(ProjectFormatException.class, () -> ProjectFiles.parse(text.replace("\"lag\": 20", "\"lag\": 0"), "p.json"));
        assertTrue(zero.getMessage().contains("lag must be at least 1"), zero.getMessage());
        var steps = assertThrows(ProjectFormatException.class, () -> ProjectFiles.parse(
                text.replace("\"loss\": \"mse\"", "\"loss\": \"mse\", \"steps\": \"first\""), "p.json"));
        assertTrue(steps.getMessage().contains("steps must be one of all, last"), steps.getMessage());
    }

    @Test
    void feedbackEdgesAndRecurrentPropertiesReadNaturally() {
        Project p = Samples.load("rnn-exploding");
        String json = ProjectFiles.toJson(p);
        assertTrue(json.contains("\"recurrentWeightInit\": \"identity\""), json);
        assertTrue(json.contains("\"from\": \"hidden\",\n        \"to\": \"hidden\",\n        \"feedback\": true"), json);
    }
}
