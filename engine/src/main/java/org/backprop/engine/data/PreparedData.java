package org.backprop.engine.data;

import org.nd4j.linalg.dataset.DataSet;

import java.util.List;

/**
 * A data set ready for training: features and targets as DL4J {@link DataSet}s in the
 * network's data type, already normalised, split into a training and a test part.
 *
 * @param classNames one name per class for classification (targets are one-hot), empty for
 *                   regression
 * @param test       the held-out part; equal to {@code train} when the split leaves no test rows
 */
public record PreparedData(String description, DataSet train, DataSet test, int featureCount, List<String> classNames) {

    public boolean isClassification() {
        return !classNames.isEmpty();
    }

    public int targetCount() {
        return (int) train.getLabels().size(1);
    }
}
