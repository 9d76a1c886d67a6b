package org.backprop.engine.train;

/**
 * The model measured on the whole training and test parts, in inference mode.
 *
 * @param testAccuracy fraction correct, or NaN for regression
 */
public record Evaluation(int iteration, int epoch, double trainLoss, double testLoss, double testAccuracy) {}
