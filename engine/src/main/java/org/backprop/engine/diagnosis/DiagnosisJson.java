package org.backprop.engine.diagnosis;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.backprop.engine.telemetry.Telemetry;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Writes findings as {@code diagnosis.json}: the keys and numbers (for programs, and for a GUI
 * that words them in its own language) and the English text (for people reading the file).
 */
public final class DiagnosisJson {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private DiagnosisJson() {}

    public static void write(String project, Telemetry t, List<Finding> findings, Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        MAPPER.writeValue(file.toFile(), toTree(project, t, findings));
    }

    public static String toJson(String project, Telemetry t, List<Finding> findings) {
        try {
            return MAPPER.writeValueAsString(toTree(project, t, findings));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static ObjectNode toTree(String project, Telemetry t, List<Finding> findings) {
        FindingText english = new FindingText(Locale.ROOT);
        ObjectNode root = MAPPER.createObjectNode();
        root.put("project", project);
        root.put("iterations", t.lastIteration());
        root.put("samplingInterval", t.config().samplingInterval());
        root.put("paused", t.nonFinite().isPresent());
        ArrayNode list = root.putArray("findings");
        for (Finding f : findings) {
            ObjectNode n = list.addObject();
            n.put("kind", f.kind().key());
            n.put("severity", f.severity().name().toLowerCase(Locale.ROOT));
            n.set("layers", MAPPER.valueToTree(f.layers()));
            n.put("iteration", f.iteration());
            n.put("lastIteration", f.lastIteration());
            n.set("evidence", MAPPER.valueToTree(f.evidence()));
            n.set("perLayer", MAPPER.valueToTree(f.perLayer()));
            n.set("fixes", MAPPER.valueToTree(f.fixes().stream().map(Fix::key).toList()));
            n.put("title", english.title(f));
            n.put("message", english.message(f));
            n.set("fixTexts", MAPPER.valueToTree(f.fixes().stream().map(english::fix).toList()));
        }
        return root;
    }
}
