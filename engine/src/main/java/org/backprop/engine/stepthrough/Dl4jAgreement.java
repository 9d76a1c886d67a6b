package org.backprop.engine.stepthrough;

/**
 * The guard between the workbench's own chain rule and DL4J: a number is only shown when both
 * agree to 1e-9 relative (1e-12 absolute near zero, where summation order alone can differ).
 * A disagreement is a bug to report, never a number to teach.
 */
final class Dl4jAgreement {
    static final double RELATIVE = 1e-9;
    static final double ABSOLUTE = 1e-12;

    private Dl4jAgreement() {}

    static boolean close(double a, double b) {
        return Math.abs(a - b) <= RELATIVE * Math.max(Math.abs(a), Math.abs(b)) + ABSOLUTE;
    }

    static void require(String what, double mine, double dl4j) {
        if (!close(mine, dl4j)) {
            throw new IllegalStateException("the step-through disagrees with DL4J on " + what + ": " + mine
                    + " here, " + dl4j + " in DL4J; this is a bug in the workbench, please report it with the project file");
        }
    }
}
