package org.backprop.engine.project;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** A connection between two layers; {@code feedback} edges carry the previous time step. */
@JsonPropertyOrder({"from", "to", "feedback"})
public record EdgeSpec(
        String from,
        String to,
        @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean feedback) {

    @JsonCreator
    static EdgeSpec read(@JsonProperty("from") String from, @JsonProperty("to") String to,
                         @JsonProperty("feedback") Boolean feedback) {
        TrainingSettings.require(from != null && to != null, "an edge needs \"from\" and \"to\"");
        return new EdgeSpec(from, to, Boolean.TRUE.equals(feedback));
    }

    public static EdgeSpec forward(String from, String to) {
        return new EdgeSpec(from, to, false);
    }

    public static EdgeSpec feedback(String from, String to) {
        return new EdgeSpec(from, to, true);
    }
}
