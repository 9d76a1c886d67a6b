package org.backprop.engine.stepthrough;

/** What one step computes, and the phase of the iteration it belongs to. */
public enum StepKind {
    /** z = sum of w * a + b of one unit. */
    PRE_ACTIVATION(Phase.FORWARD),
    /** a = f(z) of one unit. */
    ACTIVATION(Phase.FORWARD),
    /** The loss of one example. */
    LOSS(Phase.LOSS),
    /** The loss of one sequence of an unrolled recurrent network: the sum over its time steps. */
    SEQUENCE_LOSS(Phase.LOSS),
    /** The mean of the examples' losses: the number DL4J reports as the score. */
    BATCH_LOSS(Phase.LOSS),
    /** dL/dy of one output unit. */
    OUTPUT_ERROR(Phase.BACKWARD),
    /** f'(z) of one unit. */
    ACTIVATION_SLOPE(Phase.BACKWARD),
    /**
     * dL/da of one hidden unit, shown on its own where the slope is not one number (softmax), and
     * dL/dh of an unrolled recurrent unit: through its step's output plus through the next step.
     */
    BACKPROPAGATED_ERROR(Phase.BACKWARD),
    /** delta = dL/dz of one output unit. */
    DELTA(Phase.BACKWARD),
    /** delta = f'(z) * sum of w * delta_next of one hidden unit. */
    HIDDEN_DELTA(Phase.BACKWARD),
    /** dL/dw = delta * a_prev. */
    WEIGHT_GRADIENT(Phase.BACKWARD),
    /** dL/db = delta. */
    BIAS_GRADIENT(Phase.BACKWARD),
    /** dE/dp = the mean over the batch of each example's dL/dp. */
    BATCH_MEAN(Phase.AVERAGE),
    /** A number the optimizer derives once per iteration (Adam's bias-corrected rate). */
    LEARNING_RATE(Phase.UPDATE),
    /** The optimizer's memory of one parameter (momentum, moving averages). */
    OPTIMIZER_STATE(Phase.UPDATE),
    /** The parameter's new value, as DL4J's updater set it. */
    UPDATE(Phase.UPDATE);

    public enum Phase { FORWARD, LOSS, BACKWARD, AVERAGE, UPDATE }

    private final Phase phase;

    StepKind(Phase phase) {
        this.phase = phase;
    }

    public Phase phase() {
        return phase;
    }
}
