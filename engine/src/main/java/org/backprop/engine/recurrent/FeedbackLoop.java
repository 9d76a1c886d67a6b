package org.backprop.engine.recurrent;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.api.ParamInitializer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.BaseRecurrentLayer;
import org.deeplearning4j.nn.conf.memory.LayerMemoryReport;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * DL4J layer configuration for a chain of layers with feedback edges between them, unrolled in
 * time: at step t each cell takes the previous cell's activation of step t and, along each feedback
 * edge, its source's activation of step t-1 (zero at the first step). Jordan's network is the case
 * of feedback from the output back to a hidden layer. DL4J has no such layer; {@link FeedbackLoopLayer}
 * computes it with an exact backward pass through time.
 *
 * <p>Why a hand-written layer and not a SameDiff layer that unrolls the loop: such a prototype
 * (jordan-sine's loop, 32 steps) failed DL4J's gradient check (every gradient twice the numerical
 * one), ran 1.5-1.9x slower per iteration, and a SameDiff layer carries no state between calls,
 * which truncated BPTT and step-by-step generation need.
 *
 * <p>The layer emits the last cell's activations, or its pre-activations when
 * {@code emitsPreActivation} is set: the loop then ends in the network's output layer, and an
 * RnnLossLayer after it applies that output's activation and loss.
 */
public class FeedbackLoop extends BaseRecurrentLayer {
    private List<LoopCell> cells = new ArrayList<>();
    private boolean emitsPreActivation;

    /** For DL4J's JSON reader. */
    public FeedbackLoop() {
        setActivationFn(new ActivationIdentity());
    }

    public FeedbackLoop(String name, List<LoopCell> cells, boolean emitsPreActivation) {
        this();
        setLayerName(name);
        setCells(cells);
        this.emitsPreActivation = emitsPreActivation;
    }

    public List<LoopCell> getCells() { return cells; }

    public void setCells(List<LoopCell> cells) {
        this.cells = new ArrayList<>(cells);
        if (!cells.isEmpty()) setNOut(cells.get(cells.size() - 1).getUnits());
    }

    public boolean isEmitsPreActivation() { return emitsPreActivation; }

    public void setEmitsPreActivation(boolean emitsPreActivation) { this.emitsPreActivation = emitsPreActivation; }

    /** Inputs per step of cell {@code i}: the loop's input for the first, the previous cell's units after. */
    long inputsOf(int i) {
        return i == 0 ? getNIn() : cells.get(i - 1).getUnits();
    }

    int indexOf(String cellId) {
        for (int i = 0; i < cells.size(); i++) if (cells.get(i).getId().equals(cellId)) return i;
        throw new IllegalArgumentException("no cell " + cellId + " in " + cells);
    }

    @Override
    public Layer instantiate(NeuralNetConfiguration conf, Collection<TrainingListener> listeners, int layerIndex,
                             INDArray layerParamsView, boolean initializeParams, DataType networkDataType) {
        FeedbackLoopLayer layer = new FeedbackLoopLayer(conf, networkDataType);
        layer.setListeners(listeners);
        layer.setIndex(layerIndex);
        layer.setParamsViewArray(layerParamsView);
        Map<String, INDArray> params = initializer().init(conf, layerParamsView, initializeParams);
        layer.setParamTable(params);
        layer.setConf(conf);
        return layer;
    }

    @Override
    public ParamInitializer initializer() {
        return FeedbackLoopParams.INSTANCE;
    }

    @Override
    public LayerMemoryReport getMemoryReport(InputType inputType) {
        long params = FeedbackLoopParams.INSTANCE.numParams(this);
        return new LayerMemoryReport.Builder(layerName, FeedbackLoop.class, inputType, getOutputType(-1, inputType))
                .standardMemory(params, params)
                .workingMemory(0, 0, 0, 0)
                .cacheMemory(0, 0)
                .build();
    }

    @Override
    public FeedbackLoop clone() {
        FeedbackLoop c = (FeedbackLoop) super.clone();
        c.cells = new ArrayList<>(cells.stream().map(LoopCell::copy).toList());
        return c;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FeedbackLoop f && super.equals(o) && cells.equals(f.cells) && emitsPreActivation == f.emitsPreActivation;
    }

    @Override
    public int hashCode() {
        return 31 * super.hashCode() + cells.hashCode();
    }
}
