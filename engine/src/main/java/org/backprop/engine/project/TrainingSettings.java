package org.backprop.engine.project;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * How to train: optimizer, batch, epochs, seed, regularisation, gradient clipping,
 * precision and the default weight init (a layer may override it).
 *
 * @param dropout probability of dropping a hidden unit's activation (0 = none); DL4J itself
 *                takes the probability of keeping it, the compiler converts.
 */
@JsonPropertyOrder({"optimizer", "batchSize", "epochs", "seed", "l1", "l2", "dropout",
        "gradientClipping", "dataType", "weightInit"})
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
        String weightInit) {

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
    }

    public static TrainingSettings defaults() {
        return new TrainingSettings(OptimizerSpec.adam(0.01), 32, 10, 42, 0, 0, 0, GradientClipping.NONE, Precision.FLOAT, "xavier");
    }

    public TrainingSettings withEpochs(int e) {
        return new TrainingSettings(optimizer, batchSize, e, seed, l1, l2, dropout, gradientClipping, dataType, weightInit);
    }

    public TrainingSettings withDataType(Precision p) {
        return new TrainingSettings(optimizer, batchSize, epochs, seed, l1, l2, dropout, gradientClipping, p, weightInit);
    }

    public TrainingSettings withOptimizer(OptimizerSpec o) {
        return new TrainingSettings(o, batchSize, epochs, seed, l1, l2, dropout, gradientClipping, dataType, weightInit);
    }

    static void require(boolean ok, String message) {
        if (!ok) throw new IllegalArgumentException(message);
    }
}
