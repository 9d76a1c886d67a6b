package org.backprop.engine.stepthrough;

import org.nd4j.linalg.learning.config.AdaGrad;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.learning.config.RmsProp;
import org.nd4j.linalg.learning.config.Sgd;

/**
 * An optimizer's rule written out as steps, following DL4J's updater source (nd4j's
 * {@code org.nd4j.linalg.learning.*Updater} and the libnd4j helpers they call). The rule keeps its
 * own state between iterations, so that what it predicts is computed independently of DL4J;
 * the step-through then shows the value DL4J's fit() produced and checks that the two agree.
 */
interface UpdateRule {

    /** The optimizer and its settings in words, e.g. "sgd, learning rate 0.5". */
    String describe();

    /** Steps taken once per iteration before the parameters (Adam's bias-corrected rate). */
    default void begin(int iteration, Steps out) {}

    /**
     * Writes the steps of the optimizer's state for one parameter and proposes its new value.
     *
     * @param iteration DL4J's iteration count before this update (0 for the first)
     */
    Proposal propose(UpdateTarget p, int iteration, Steps out);

    /** The new value in symbols and in numbers, and the value itself. */
    record Proposal(String formula, String numbers, double value) {}

    static UpdateRule of(IUpdater updater) throws StepThroughException {
        if (updater instanceof Sgd s) return new SgdRule(s.getLearningRate());
        if (updater instanceof Nesterovs n) return new NesterovsRule(n.getLearningRate(), n.getMomentum());
        if (updater instanceof Adam a) return new AdamRule(a.getLearningRate(), a.getBeta1(), a.getBeta2(), a.getEpsilon());
        if (updater instanceof RmsProp r) return new RmsPropRule(r.getLearningRate(), r.getRmsDecay(), r.getEpsilon());
        if (updater instanceof AdaGrad g) return new AdaGradRule(g.getLearningRate(), g.getEpsilon());
        throw new StepThroughException("the optimizer " + updater.getClass().getSimpleName() + " cannot be explained step by step");
    }
}
