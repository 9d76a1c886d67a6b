package org.backprop.engine.telemetry;

import org.deeplearning4j.nn.api.Model;
import org.nd4j.linalg.dataset.DataSet;

import java.util.Map;
import java.util.function.Supplier;

/**
 * The gradient reaching each time step of the recurrent layers, ||dL/dh_t|| for t = 0..T-1: what
 * shows a gradient vanishing (or exploding) through time. The telemetry listener asks once per
 * sampled iteration, right after backpropagation, and only when the model has a recurrent layer.
 */
@FunctionalInterface
public interface TimeStepProbe {

    /** Records no time steps. */
    TimeStepProbe NONE = model -> Map.of();

    /**
     * @return per recurrent layer, by its telemetry id ({@link LayerTelemetry#id()}), one norm per
     *         time step; layers it cannot measure are absent
     */
    Map<String, double[]> norms(Model model);

    /** Measures on the minibatch {@code batch} supplies: the one the model was just trained on. */
    static TimeStepProbe onBatch(Supplier<DataSet> batch) {
        return new BatchTimeSteps(batch, BatchTimeSteps.MAX_EXAMPLES);
    }
}
