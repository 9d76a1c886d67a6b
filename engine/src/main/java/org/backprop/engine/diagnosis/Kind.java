package org.backprop.engine.diagnosis;

import java.util.List;
import java.util.Locale;

/**
 * What a finding is about. Its words are in findings.properties under {@code <key>.title} and
 * {@code <key>.message}; the message's arguments are {0} the layers, {1} the iteration, then the
 * evidence named here, in this order.
 */
public enum Kind {
    VANISHING_GRADIENTS("orders", "weakestMeanAbs", "outputLayer", "outputMeanAbs"),
    EXPLODING_GRADIENTS("orders", "largestMeanAbs", "outputLayer", "outputMeanAbs"),
    VANISHING_THROUGH_TIME("orders", "firstNorm", "laterNorm", "steps"),
    EXPLODING_THROUGH_TIME("factor", "peakNorm", "lastNorm", "steps"),
    GRADIENT_SPIKE("spike", "typical", "factor"),
    UPDATE_RATIO_HIGH("log10Ratio"),
    UPDATE_RATIO_LOW("log10Ratio", "lossFraction"),
    ACTIVATIONS_COLLAPSED("std"),
    ACTIVATIONS_EXPLODING("std"),
    SATURATED_UNITS("percent"),
    DEAD_RELUS("percent"),
    NON_FINITE_LOSS("loss"),
    NON_FINITE_ACTIVATIONS("nanCount", "infCount"),
    NON_FINITE_GRADIENTS("nanCount", "infCount", "parameter"),
    NON_FINITE_PARAMETERS("nanCount", "infCount", "parameter");

    private final List<String> evidence;

    Kind(String... evidence) {
        this.evidence = List.of(evidence);
    }

    /** The evidence keys the message uses, as arguments {2}, {3}, ... */
    public List<String> evidence() {
        return evidence;
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
