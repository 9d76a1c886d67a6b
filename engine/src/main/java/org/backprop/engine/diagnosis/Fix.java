package org.backprop.engine.diagnosis;

import java.util.Locale;

/** A concrete change a finding suggests; its words are in findings.properties under {@code fix.<key>}. */
public enum Fix {
    RELU_HE_INIT,
    TANH_XAVIER_INIT,
    BATCH_NORMALIZATION,
    LOWER_LEARNING_RATE,
    HIGHER_LEARNING_RATE,
    GRADIENT_CLIPPING,
    GRADIENT_RENORMALIZATION,
    LSTM,
    LEAKY_RELU,
    NORMALIZE_INPUTS,
    WEIGHT_INIT;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
