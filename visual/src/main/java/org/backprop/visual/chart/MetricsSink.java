package org.backprop.visual.chart;

import org.backprop.engine.train.Evaluation;
import org.backprop.engine.train.MetricPoint;

import java.util.List;

/** Receives a run's metrics in batches, once per frame, on the UI thread. */
public interface MetricsSink {
    /** A new run (another project, or a reset): forget what was shown. */
    void clear();

    /** What arrived since the previous call; either list may be empty. */
    void append(List<MetricPoint> points, List<Evaluation> evaluations);

    MetricsSink NONE = new MetricsSink() {
        @Override
        public void clear() {}

        @Override
        public void append(List<MetricPoint> points, List<Evaluation> evaluations) {}
    };
}
