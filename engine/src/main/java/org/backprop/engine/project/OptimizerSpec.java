package org.backprop.engine.project;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The updater and its parameters. Optional parameters left out take DL4J's defaults
 * (momentum 0.9; Adam beta1 0.9, beta2 0.999, epsilon 1e-8).
 */
@JsonPropertyOrder({"type", "learningRate", "momentum", "beta1", "beta2", "epsilon"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OptimizerSpec(Type type, double learningRate, Double momentum, Double beta1, Double beta2, Double epsilon) {

    public enum Type {
        @JsonProperty("sgd") SGD,
        @JsonProperty("nesterovs") NESTEROVS,
        @JsonProperty("adam") ADAM,
        @JsonProperty("rmsprop") RMSPROP,
        @JsonProperty("adagrad") ADAGRAD
    }

    public OptimizerSpec {
        TrainingSettings.require(type != null, "optimizer needs a \"type\": sgd, nesterovs, adam, rmsprop or adagrad");
        TrainingSettings.require(learningRate > 0 && Double.isFinite(learningRate),
                "learningRate must be above 0, got " + learningRate);
        TrainingSettings.require(momentum == null || (momentum >= 0 && momentum < 1), "momentum must be in [0, 1)");
    }

    public static OptimizerSpec sgd(double lr) {
        return new OptimizerSpec(Type.SGD, lr, null, null, null, null);
    }

    public static OptimizerSpec adam(double lr) {
        return new OptimizerSpec(Type.ADAM, lr, null, null, null, null);
    }

    public OptimizerSpec withLearningRate(double lr) {
        return new OptimizerSpec(type, lr, momentum, beta1, beta2, epsilon);
    }
}
