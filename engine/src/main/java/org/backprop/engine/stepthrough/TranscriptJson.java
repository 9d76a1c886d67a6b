package org.backprop.engine.stepthrough;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A transcript as JSON for tools: every record field, numbers in full double precision, and for
 * each step also its phase and its whole LaTeX line. Marked with a format name and version so
 * that tools can check what they read.
 */
public final class TranscriptJson {
    public static final String FORMAT = "backprop-workbench/transcript";
    public static final int VERSION = 1;

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(MapperFeature.AUTO_DETECT_IS_GETTERS) // ParameterRef.isWeight() is a question, not a field
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private TranscriptJson() {}

    public static String render(Transcript t) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", FORMAT);
        root.put("version", VERSION);
        root.setAll((ObjectNode) MAPPER.valueToTree(t));
        ArrayNode steps = (ArrayNode) root.get("steps");
        for (int i = 0; i < steps.size(); i++) {
            Step s = t.steps().get(i);
            ((ObjectNode) steps.get(i)).put("phase", s.kind().phase().name()).put("latex", s.latex());
        }
        try {
            return MAPPER.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a transcript could not be written as JSON", e);
        }
    }

    /** The mapper that reads what {@link #render} writes, for tools and tests. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }
}
