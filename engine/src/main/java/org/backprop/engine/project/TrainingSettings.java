package org.backprop.engine.project;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * How to train: optimizer, batch, epochs, seed, regularisation, gradient clipping,
 * precision and the default weight init (a layer may override it).
 *
 * @param dropout     probability of dropping a hidden unit's activation (0 = none); DL4J itself
 *                    takes the probability of keeping it, the compiler converts.
 * @param tbpttLength truncated backpropagation through time for recurrent networks: sequences are
 *                    fed this many steps at a time, the state carried over, gradients cut at each
 *                    segment (DL4J's TruncatedBPTT); 0 (the default, left out of files) = full BPTT
 */
@JsonPropertyOrder({"optimizer", "batchSize", "epochs", "seed", "l1", "l2", "dropout",
        "gradientClipping", "dataType", "weightInit", "tbpttLength"})
public record TrainingSettings(
        OptimizerSpec optimizer,
        int batchSize,
        int epochs,
        long seed,
        double l1,
        double l2,
        double dropout,
        GradientClipping gradientClipping,
        Precision dataType,
        String weightInit,
        @JsonInclude(JsonInclude.Include.NON_DEFAULT) Integer tbpttLength) {

    public enum Precision {
        @JsonProperty("float") FLOAT,
        @JsonProperty("double") DOUBLE
    }

    public TrainingSettings {
        optimizer = optimizer == null ? OptimizerSpec.adam(0.01) : optimizer;
        gradientClipping = gradientClipping == null ? GradientClipping.NONE : gradientClipping;
        dataType = dataType == null ? Precision.FLOAT : dataType;
        weightInit = weightInit == null ? "xavier" : weightInit;
        require(batchSize >= 1, "batchSize must be at least 1, got " + batchSize);
        require(epochs >= 1, "epochs must be at least 1, got " + epochs);
        require(l1 >= 0 && l2 >= 0, "l1 and l2 must not be negative");
        require(dropout >= 0 && dropout < 1, "dropout is the probability of dropping a unit: at least 0 and below 1, got " + dropout);
        require(LayerType.Vocab.WEIGHT_INITS.contains(weightInit),
                "weightInit must be one of " + String.join(", ", LayerType.Vocab.WEIGHT_INITS) + ", got \"" + weightInit + "\"");
        tbpttLength = tbpttLength == null ? 0 : tbpttLength; // files without it: full BPTT
        require(tbpttLength >= 0, "tbpttLength must not be negative (0 = full backpropagation through time)");
    }

    /** Settings without truncated BPTT, as files before recurrent networks had them. */
    public TrainingSettings(OptimizerSpec optimizer, int batchSize, int epochs, long seed, double l1, double l2,
                            double dropout, GradientClipping gradientClipping, Precision dataType, String weightInit) {
        this(optimizer, batchSize, epochs, seed, l1, l2, dropout, gradientClipping, dataType, weightInit, 0);
    }

    public static TrainingSettings defaults() {
        return new TrainingSettings(OptimizerSpec.adam(0.01), 32, 10, 42, 0, 0, 0, GradientClipping.NONE, Precision.FLOAT, "xavier");
    }

    public TrainingSettings withEpochs(int e) {
        return new TrainingSettings(optimizer, batchSize, e, seed, l1, l2, dropout, gradientClipping, dataType, weightInit, tbpttLength);
    }

    public TrainingSettings withDataType(Precision p) {
        return new TrainingSettings(optimizer, batchSize, epochs, seed, l1, l2, dropout, gradientClipping, p, weightInit, tbpttLength);
    }

    public TrainingSettings withOptimizer(OptimizerSpec o) {
        return new TrainingSettings(o, batchSize, epochs, seed, l1, l2, dropout, gradientClipping, dataType, weightInit, tbpttLength);
    }

    public TrainingSettings withGradientClipping(GradientClipping c) {
        return new TrainingSettings(optimizer, batchSize, epochs, seed, l1, l2, dropout, c, dataType, weightInit, tbpttLength);
    }

    public TrainingSettings withTbpttLength(int n) {
        return new TrainingSettings(optimizer, batchSize, epochs, seed, l1, l2, dropout, gradientClipping, dataType, weightInit, n);
    }

    static void require(boolean ok, String message) {
        if (!ok) throw new IllegalArgumentException(message);
    }
}
