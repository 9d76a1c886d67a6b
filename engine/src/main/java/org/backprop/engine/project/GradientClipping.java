package org.backprop.engine.project;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** DL4J's gradient normalisation: {@code none}, clipping or renormalising, with its threshold. */
@JsonPropertyOrder({"type", "threshold"})
public record GradientClipping(Type type, double threshold) {

    public static final GradientClipping NONE = new GradientClipping(Type.NONE, 1);

    public enum Type {
        @JsonProperty("none") NONE,
        @JsonProperty("clipElementWise") CLIP_ELEMENT_WISE,
        @JsonProperty("clipL2PerLayer") CLIP_L2_PER_LAYER,
        @JsonProperty("clipL2PerParamType") CLIP_L2_PER_PARAM_TYPE,
        @JsonProperty("renormalizeL2PerLayer") RENORMALIZE_L2_PER_LAYER,
        @JsonProperty("renormalizeL2PerParamType") RENORMALIZE_L2_PER_PARAM_TYPE
    }

    public GradientClipping {
        type = type == null ? Type.NONE : type;
        TrainingSettings.require(threshold > 0, "gradientClipping threshold must be above 0, got " + threshold);
    }
}
