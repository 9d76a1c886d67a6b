package org.backprop.engine.train;

/**
 * Decides at each epoch's end whether to measure the model on the test part: as often as
 * possible while evaluations take at most a fixed share of the run's time. Small sets are
 * evaluated every few epochs, large ones every epoch; training itself is unaffected (and stays
 * deterministic), only how many evaluation points the curves get depends on the machine.
 */
final class EvaluationBudget {
    private final double share;
    private long started = System.nanoTime();
    private long lastCost = -1;

    EvaluationBudget(double share) {
        this.share = share;
    }

    boolean due() {
        if (lastCost < 0) return true;
        long sinceLast = System.nanoTime() - started;
        return lastCost <= share * sinceLast;
    }

    void spent(long nanos) {
        lastCost = nanos;
        started = System.nanoTime();
    }
}
