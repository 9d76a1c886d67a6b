package org.backprop.engine.cli;

import org.backprop.engine.train.MetricPoint;
import org.backprop.engine.train.MetricsLog;

import java.io.PrintWriter;
import java.util.Locale;

/** A one-line progress bar, redrawn in place on a terminal; silent when output is not a terminal. */
final class ProgressBar {
    private static final int WIDTH = 30;
    private final PrintWriter out;
    private final long total;
    private final boolean enabled;

    ProgressBar(PrintWriter out, long totalIterations, boolean enabled) {
        this.out = out;
        this.total = Math.max(1, totalIterations);
        this.enabled = enabled;
    }

    void update(MetricsLog log) {
        if (!enabled) return;
        MetricPoint p = log.last();
        if (p == null) return;
        double f = Math.min(1, p.iteration() / (double) total);
        int filled = (int) Math.round(f * WIDTH);
        out.printf(Locale.ROOT, "\r[%s%s] %3.0f%%  epoch %d  iteration %,d  loss %.5f  %,.0f samples/s ",
                "#".repeat(filled), ".".repeat(WIDTH - filled), 100 * f, p.epoch() + 1, p.iteration(), p.loss(), p.samplesPerSecond());
        out.flush();
    }

    void finish() {
        if (!enabled) return;
        out.print("\r" + " ".repeat(110) + "\r");
        out.flush();
    }
}
