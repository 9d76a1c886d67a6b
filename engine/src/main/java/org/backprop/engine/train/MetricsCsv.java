package org.backprop.engine.train;

import org.backprop.engine.project.NumberText;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * metrics.csv: one row per iteration. The evaluation columns are filled on the iterations
 * where the model was measured on the whole training and test parts, empty elsewhere.
 */
public final class MetricsCsv {
    public static final String HEADER = "iteration,epoch,loss,train_loss,test_loss,test_accuracy,samples_per_second";

    private MetricsCsv() {}

    public static void write(MetricsLog log, Path file) throws IOException {
        Path tmp = file.resolveSibling("." + file.getFileName() + ".tmp");
        List<Evaluation> evals = log.evaluations();
        int e = 0;
        try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            w.write(HEADER);
            w.write('\n');
            int n = log.size();
            for (int i = 0; i < n; i++) {
                MetricPoint p = log.get(i);
                w.write(p.iteration() + "," + p.epoch() + "," + num(p.loss()) + ",");
                while (e < evals.size() && evals.get(e).iteration() < p.iteration()) e++;
                if (e < evals.size() && evals.get(e).iteration() == p.iteration()) {
                    Evaluation ev = evals.get(e);
                    w.write(num(ev.trainLoss()) + "," + num(ev.testLoss()) + "," + (Double.isNaN(ev.testAccuracy()) ? "" : num(ev.testAccuracy())));
                } else {
                    w.write(",,");
                }
                w.write("," + Math.round(p.samplesPerSecond()) + "\n");
            }
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Eight significant digits: more than a float holds, and the file stays readable. */
    private static String num(double v) {
        if (!Double.isFinite(v)) return Double.toString(v);
        return NumberText.format(new java.math.BigDecimal(v).round(new java.math.MathContext(8)).doubleValue());
    }
}
