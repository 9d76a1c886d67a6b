package org.backprop.engine.data;

import org.backprop.engine.project.DataSpec;

import java.util.ArrayList;
import java.util.List;

/**
 * The data spec's {@code classes}: keeps the examples of the listed classes and relabels them
 * 0, 1, ... in the listed order, so that a model can be trained on half of a data set's classes
 * and fine-tuned on the other half.
 */
final class ClassFilter {
    private ClassFilter() {}

    static Examples apply(DataSpec spec, Examples e) throws DataException {
        List<Integer> keep = spec.classes();
        if (keep == null || e == null) return e;
        if (!e.isClassification()) {
            throw new DataException("\"classes\" picks classes, but this data (" + spec.source()
                    + ") has values to regress, not classes");
        }
        List<String> names = e.classNames();
        int[] newLabel = new int[names.size()];
        java.util.Arrays.fill(newLabel, -1);
        List<String> kept = new ArrayList<>();
        for (int i = 0; i < keep.size(); i++) {
            int c = keep.get(i);
            if (c >= names.size()) {
                throw new DataException("\"classes\" lists class " + c + ", but the data has " + names.size()
                        + " classes, numbered 0 to " + (names.size() - 1) + " (" + String.join(", ", names) + ")");
            }
            newLabel[c] = i;
            kept.add(names.get(c));
        }
        int n = 0;
        for (int c : e.classes()) if (newLabel[c] >= 0) n++;
        if (n == 0 && e.size() > 0) {
            throw new DataException("none of the " + e.size() + " examples belongs to the classes " + keep + " (" + String.join(", ", kept) + ")");
        }
        double[][] x = new double[n][];
        int[] y = new int[n];
        int j = 0;
        for (int i = 0; i < e.size(); i++) {
            int c = newLabel[e.classes()[i]];
            if (c < 0) continue;
            x[j] = e.features()[i];
            y[j++] = c;
        }
        return Examples.classes(x, y, kept);
    }
}
