package org.backprop.engine.recurrent;

import org.deeplearning4j.nn.weights.IWeightInit;
import org.nd4j.linalg.activations.IActivation;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One project layer inside a {@link FeedbackLoop}: z_t = in_t W + b + sum over feedback sources s
 * of a_s(t-1) F_s, a_t = f(z_t). A mutable bean because DL4J stores layer configurations as JSON
 * (its shaded Jackson needs a no-argument constructor and setters).
 */
public final class LoopCell {
    private String id;
    private long units;
    private IActivation activation;
    private IWeightInit weightInit;
    private IWeightInit feedbackWeightInit;
    private List<String> feedbackFrom = new ArrayList<>();

    public LoopCell() {}

    /**
     * @param weightInit         init of W, or null for the loop layer's
     * @param feedbackWeightInit init of the feedback weights, or null for {@code weightInit}
     * @param feedbackFrom       ids of the cells whose previous-step activations feed this one
     *                           (its own id for a self-loop)
     */
    public LoopCell(String id, long units, IActivation activation, IWeightInit weightInit, IWeightInit feedbackWeightInit,
                    List<String> feedbackFrom) {
        this.id = id;
        this.units = units;
        this.activation = activation;
        this.weightInit = weightInit;
        this.feedbackWeightInit = feedbackWeightInit;
        this.feedbackFrom = new ArrayList<>(feedbackFrom);
    }

    public String getId() { return id; }

    public void setId(String id) { this.id = id; }

    public long getUnits() { return units; }

    public void setUnits(long units) { this.units = units; }

    public IActivation getActivation() { return activation; }

    public void setActivation(IActivation activation) { this.activation = activation; }

    public IWeightInit getWeightInit() { return weightInit; }

    public void setWeightInit(IWeightInit weightInit) { this.weightInit = weightInit; }

    public IWeightInit getFeedbackWeightInit() { return feedbackWeightInit; }

    public void setFeedbackWeightInit(IWeightInit feedbackWeightInit) { this.feedbackWeightInit = feedbackWeightInit; }

    public List<String> getFeedbackFrom() { return feedbackFrom; }

    public void setFeedbackFrom(List<String> feedbackFrom) { this.feedbackFrom = new ArrayList<>(feedbackFrom); }

    /** Parameter key of the weights on the feedback edge from {@code source}: "RW" for a self-loop, as in SimpleRnn. */
    static String feedbackKey(String cell, String source) {
        return cell.equals(source) ? "RW" : "FW:" + source;
    }

    LoopCell copy() {
        return new LoopCell(id, units, activation, weightInit, feedbackWeightInit, feedbackFrom);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LoopCell c && units == c.units && Objects.equals(id, c.id) && Objects.equals(activation, c.activation)
                && Objects.equals(weightInit, c.weightInit) && Objects.equals(feedbackWeightInit, c.feedbackWeightInit)
                && Objects.equals(feedbackFrom, c.feedbackFrom);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, units, activation, feedbackFrom);
    }

    @Override
    public String toString() {
        return id + "(" + units + " " + activation + (feedbackFrom.isEmpty() ? "" : ", feedback from " + feedbackFrom) + ")";
    }
}
