package org.backprop.engine.stepthrough;

/** A project the step-through cannot explain; the message names the layer or setting and says why. */
public final class StepThroughException extends Exception {
    public StepThroughException(String message) {
        super(message);
    }
}
