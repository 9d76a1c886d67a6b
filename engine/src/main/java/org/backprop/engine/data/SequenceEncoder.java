package org.backprop.engine.data;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Sequences as DL4J wants them for recurrent layers: features [examples, features, steps], labels
 * [examples, targets, steps], and a label mask [examples, steps] where some steps have no target.
 */
final class SequenceEncoder {
    private SequenceEncoder() {}

    static PreparedData prepare(String description, SequenceExamples train, SequenceExamples test, int outputUnits,
                                DataType dataType) throws DataException {
        if (train.targetCount() != outputUnits) {
            throw new DataException("the output layer has " + outputUnits + " units but the data has " + train.targetCount()
                    + (train.classNames().isEmpty() ? " target value(s) per step" : " classes per step; give it "
                    + train.targetCount() + " units"));
        }
        DataSet tr = encode(train, dataType);
        DataSet te = test == null || test.size() == 0 ? tr : encode(test, dataType);
        return new PreparedData(description, tr, te, train.featureCount(), train.classNames());
    }

    static DataSet encode(SequenceExamples e, DataType dataType) {
        int n = e.size(), steps = e.steps(), f = e.featureCount(), k = e.targetCount();
        double[] x = new double[n * f * steps];
        double[] y = new double[n * k * steps];
        double[] mask = new double[n * steps];
        boolean masked = false;
        for (int i = 0; i < n; i++) {
            for (int t = 0; t < steps; t++) {
                for (int j = 0; j < f; j++) x[(i * f + j) * steps + t] = e.features()[i][t][j];
                for (int j = 0; j < k; j++) y[(i * k + j) * steps + t] = e.targets()[i][t][j];
                mask[i * steps + t] = e.hasTarget()[i][t] ? 1 : 0;
                masked |= !e.hasTarget()[i][t];
            }
        }
        return new DataSet(Nd4j.create(x, new long[]{n, f, steps}, 'c').castTo(dataType),
                Nd4j.create(y, new long[]{n, k, steps}, 'c').castTo(dataType), null,
                masked ? Nd4j.create(mask, new long[]{n, steps}, 'c').castTo(dataType) : null);
    }
}
