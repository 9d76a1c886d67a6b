package org.backprop.engine.train;

/** One training iteration: its minibatch loss and the throughput around it. */
public record MetricPoint(int iteration, int epoch, double loss, double samplesPerSecond) {}
