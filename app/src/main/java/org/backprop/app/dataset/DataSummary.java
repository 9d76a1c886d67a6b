package org.backprop.app.dataset;

import org.backprop.engine.data.PreparedData;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.List;

/**
 * What the data-set panel shows of loaded data: counts, and for a set of two features the
 * training points (as the network sees them, scaled) with their class.
 *
 * @param classes     class names; empty for values to predict
 * @param points      [n][2] training points for the preview, or null when there are not two features
 * @param pointClass  each point's class (0 for values to predict)
 */
public record DataSummary(String description, long examples, long train, long test, long features, long outputs,
                          List<String> classes, boolean sequences, double[][] points, int[] pointClass) {
    /** More points draw no better picture, only a slower one. */
    static final int PREVIEW_LIMIT = 2000;

    static DataSummary of(PreparedData d, boolean sequences) {
        long train = d.train().numExamples();
        // PreparedData hands the training part back as the test part when nothing is held out.
        long test = d.test() == d.train() ? 0 : d.test().numExamples();
        double[][] points = null;
        int[] cls = null;
        if (!sequences && d.featureCount() == 2) {
            int n = (int) Math.min(train, PREVIEW_LIMIT);
            INDArray x = d.train().getFeatures();
            INDArray y = d.train().getLabels();
            points = new double[n][2];
            cls = new int[n];
            for (int i = 0; i < n; i++) {
                points[i][0] = x.getDouble(i, 0);
                points[i][1] = x.getDouble(i, 1);
                if (!d.isClassification()) continue;
                cls[i] = y.size(1) == 1 ? (y.getDouble(i, 0) > 0.5 ? 1 : 0) : y.getRow(i).argMax().getInt(0);
            }
        }
        return new DataSummary(d.description(), train + test, train, test, d.featureCount(), d.targetCount(),
                List.copyOf(d.classNames()), sequences, points, cls);
    }
}
