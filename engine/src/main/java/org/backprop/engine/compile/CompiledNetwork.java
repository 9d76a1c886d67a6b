package org.backprop.engine.compile;

import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A project compiled into a real, initialised DL4J model: a MultiLayerNetwork for a chain,
 * a ComputationGraph where the graph branches. The few calls training needs are here so that
 * callers do not care which of the two it is.
 */
public final class CompiledNetwork {
    private final Model model;
    private final Map<String, LayerInfo> layers;
    private final String inputId;
    private final String outputId;
    private Map<String, WeightSource> weightSources = Map.of();
    private java.util.Set<String> frozen = java.util.Set.of();

    CompiledNetwork(Model model, List<LayerInfo> layers, String inputId, String outputId) {
        this.model = model;
        Map<String, LayerInfo> m = new LinkedHashMap<>();
        layers.forEach(l -> m.put(l.id(), l));
        this.layers = Collections.unmodifiableMap(m);
        this.inputId = inputId;
        this.outputId = outputId;
    }

    public Model model() { return model; }

    public boolean isGraph() { return model instanceof ComputationGraph; }

    public MultiLayerNetwork multiLayer() { return (MultiLayerNetwork) model; }

    public ComputationGraph graph() { return (ComputationGraph) model; }

    /** Per layer, in project order (the input layer included). */
    public Map<String, LayerInfo> layers() { return layers; }

    public String inputId() { return inputId; }

    public String outputId() { return outputId; }

    public long parameterCount() { return model.numParams(); }

    /**
     * The DL4J layer a project layer became (for a frozen layer, its frozen wrapper; for a layer in
     * a feedback loop, the loop's layer, where its parameters are the keys starting with
     * {@link LayerInfo#paramPrefix()}); null for the input.
     */
    public org.deeplearning4j.nn.api.Layer layer(String id) {
        LayerInfo info = layers.get(id);
        if (info == null || id.equals(inputId)) return null;
        return isGraph() ? graph().getLayer(info.dl4jName()) : multiLayer().getLayer(info.dl4jIndex());
    }

    /** Where each layer's initial parameters came from, in project order (the input left out). */
    public Map<String, WeightSource> weightSources() { return weightSources; }

    /** Ids of the layers whose parameters training leaves unchanged. */
    public java.util.Set<String> frozenLayers() { return frozen; }

    /** Parameters that training updates: all but those of frozen layers. */
    public long trainableParameterCount() {
        long n = 0;
        for (LayerInfo l : layers.values()) if (!frozen.contains(l.id())) n += l.parameterCount();
        return n;
    }

    void setTransfer(Map<String, WeightSource> sources, java.util.Set<String> frozenIds) {
        this.weightSources = Collections.unmodifiableMap(new LinkedHashMap<>(sources));
        this.frozen = Collections.unmodifiableSet(new java.util.LinkedHashSet<>(frozenIds));
    }

    public long inputSize() { return layers.get(inputId).outputSize(); }

    public long outputSize() { return layers.get(outputId).outputSize(); }

    /** One training iteration (forward, backward, update) on one minibatch. */
    public void fit(DataSet batch) {
        if (model instanceof MultiLayerNetwork n) n.fit(batch);
        else ((ComputationGraph) model).fit(batch);
    }

    /** The loss of the last iteration, as DL4J reports it (regularisation included). */
    public double lastScore() { return model.score(); }

    /** Loss on a data set in inference mode (no dropout, no update). */
    public double score(DataSet data) {
        if (model instanceof MultiLayerNetwork n) return n.score(data, false);
        return ((ComputationGraph) model).score(data, false);
    }

    /** Network output in inference mode. */
    public INDArray output(INDArray features) {
        if (model instanceof MultiLayerNetwork n) return n.output(features, false);
        return ((ComputationGraph) model).outputSingle(false, features);
    }

    /** Network output in inference mode, with a mask [examples, steps] for sequences of different lengths (or null). */
    public INDArray output(INDArray features, INDArray featuresMask) {
        if (featuresMask == null) return output(features);
        if (model instanceof MultiLayerNetwork n) return n.output(features, false, featuresMask, null);
        return ((ComputationGraph) model).output(false, new INDArray[]{features}, new INDArray[]{featuresMask})[0];
    }

    public int iterationCount() {
        if (model instanceof MultiLayerNetwork n) return n.getIterationCount();
        return ((ComputationGraph) model).getConfiguration().getIterationCount();
    }

    public int epochCount() {
        if (model instanceof MultiLayerNetwork n) return n.getEpochCount();
        return ((ComputationGraph) model).getConfiguration().getEpochCount();
    }

    public void setEpochCount(int epoch) {
        if (model instanceof MultiLayerNetwork n) n.setEpochCount(epoch);
        else ((ComputationGraph) model).getConfiguration().setEpochCount(epoch);
    }
}
