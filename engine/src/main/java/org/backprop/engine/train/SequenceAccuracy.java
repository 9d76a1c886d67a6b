package org.backprop.engine.train;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Accuracy over the time steps that have a target: [examples, classes, steps] outputs and labels. */
final class SequenceAccuracy {
    private SequenceAccuracy() {}

    static double of(INDArray out, INDArray labels, INDArray labelsMask) {
        INDArray hits;
        if (labels.size(1) == 1) {
            hits = out.gt(0.5).eq(labels.gt(0.5)).castTo(DataType.DOUBLE).reshape(labels.size(0), labels.size(2));
        } else {
            hits = Nd4j.argMax(out, 1).eq(Nd4j.argMax(labels, 1)).castTo(DataType.DOUBLE);
        }
        if (labelsMask == null) return hits.meanNumber().doubleValue();
        INDArray mask = labelsMask.castTo(DataType.DOUBLE);
        return hits.mul(mask).sumNumber().doubleValue() / mask.sumNumber().doubleValue();
    }
}
