package org.backprop.engine.stepthrough;

/**
 * What one iteration did to one parameter.
 *
 * @param dl4jKey  DL4J's key for the array it lives in, e.g. "0_W"
 * @param gradient dE/dp, the mean over the batch: what the optimizer uses and what a finite
 *                 difference of DL4J's score measures
 * @param batchSum the sum over the batch, which is what DL4J's gradient view holds after
 *                 {@code computeGradientAndScore()} (its updater divides by the batch size);
 *                 equal to {@code gradient} for one example
 * @param after    the value after the update, read back from DL4J after its fit()
 */
public record ParameterChange(ParameterRef parameter, String dl4jKey, double before, double gradient,
                              double batchSum, double after) {}
