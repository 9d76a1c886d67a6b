package org.backprop.engine.stepthrough;

import java.util.List;

/**
 * One example of the batch: which training row it is (0-based), what goes in, what should come
 * out, and what the network gave before the update.
 */
public record Example(int row, List<Double> inputs, List<Double> targets, List<Double> outputs) {
    public Example {
        inputs = List.copyOf(inputs);
        targets = List.copyOf(targets);
        outputs = List.copyOf(outputs);
    }
}
