package org.backprop.engine.train;

/**
 * How long to train: a number of epochs, optionally capped by a number of iterations.
 *
 * @param maxIterations 0 for no cap
 */
public record TrainingPlan(int epochs, long maxIterations) {
    public TrainingPlan {
        if (epochs < 1) throw new IllegalArgumentException("epochs must be at least 1, got " + epochs);
        if (maxIterations < 0) throw new IllegalArgumentException("iterations must not be negative");
    }

    public static TrainingPlan epochs(int epochs) {
        return new TrainingPlan(epochs, 0);
    }

    /** Exactly {@code n} iterations, however many epochs that takes. */
    public static TrainingPlan iterations(long n) {
        return new TrainingPlan(Integer.MAX_VALUE, n);
    }
}
