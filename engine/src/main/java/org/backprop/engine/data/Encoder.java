package org.backprop.engine.data;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Turns examples into DL4J data sets shaped for the output layer: one-hot rows for a
 * classifier with one unit per class, a single 0/1 column for a one-unit classifier,
 * the values themselves for regression.
 */
final class Encoder {
    private Encoder() {}

    static PreparedData prepare(String description, Examples train, Examples test, int outputUnits, DataType dataType)
            throws DataException {
        if (train.isClassification()) {
            int k = train.classNames().size();
            // One unit fits two classes only (a 0/1 target); more would all collapse onto 1.
            if (outputUnits != k && !(outputUnits == 1 && k <= 2)) {
                throw new DataException("the output layer has " + outputUnits + " units but the data has " + k
                        + " classes (" + String.join(", ", train.classNames()) + "); give it " + k
                        + " units" + (k == 2 ? ", or 1 unit with a sigmoid" : ""));
            }
        } else if (train.values()[0].length != outputUnits) {
            throw new DataException("the output layer has " + outputUnits + " units but the data has "
                    + train.values()[0].length + " target value(s) per row");
        }
        DataSet tr = encode(train, outputUnits, dataType);
        DataSet te = test == null || test.size() == 0 ? tr : encode(test, outputUnits, dataType);
        return new PreparedData(description, tr, te, train.features()[0].length, train.classNames());
    }

    static DataSet encode(Examples e, int outputUnits, DataType dataType) {
        int n = e.size();
        double[][] labels;
        if (e.isClassification()) {
            labels = new double[n][outputUnits];
            for (int i = 0; i < n; i++) {
                if (outputUnits == 1) labels[i][0] = e.classes()[i] > 0 ? 1 : 0;
                else labels[i][e.classes()[i]] = 1;
            }
        } else {
            labels = e.values();
        }
        return new DataSet(Nd4j.create(e.features()).castTo(dataType), Nd4j.create(labels).castTo(dataType));
    }
}
