package org.backprop.engine.telemetry;

import org.backprop.engine.recurrent.FeedbackLoopLayer;
import org.backprop.engine.recurrent.TimeStepGradients;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@link TimeStepProbe} by {@link TimeStepGradients}: one extra forward and backward pass, on a
 * copy of the model, over the first {@link #MAX_EXAMPLES} examples of the minibatch just trained on.
 *
 * <p>Why a slice, and why this one: the pass runs step by step (several ND4J ops per step), so on
 * small layers its cost is set by the number of steps, not of examples: about half an iteration
 * of elman-sine, one of lstm-adding. 64 takes the whole minibatch of every sample (16 to 50), whose
 * norms were measured for the diagnosis; larger minibatches are cut so that their arithmetic
 * cannot make it dearer. Cut, the norms are of the loss averaged over the slice: their scale
 * differs from the full batch's by about sqrt(batch / slice), their shape over the steps, which
 * the diagnosis reads, does not.
 * A feedback loop (one DL4J layer for several project layers) is represented by the cell it is
 * named after ("loop:hidden": hidden), whose state is what the loop carries from step to step.
 */
final class BatchTimeSteps implements TimeStepProbe {
    static final int MAX_EXAMPLES = 64;

    private final Supplier<DataSet> batch;
    private final int maxExamples;

    BatchTimeSteps(Supplier<DataSet> batch, int maxExamples) {
        this.batch = batch;
        this.maxExamples = maxExamples;
    }

    @Override
    public Map<String, double[]> norms(Model model) {
        DataSet b = batch.get();
        if (b == null || b.getFeatures().rank() != 3) return Map.of();
        Map<String, double[]> byCell = TimeStepGradients.of(model, slice(b, maxExamples));
        Map<String, double[]> out = new LinkedHashMap<>();
        Layer[] layers = model instanceof MultiLayerNetwork n ? n.getLayers() : ((ComputationGraph) model).getLayers();
        for (Layer l : layers) {
            String name = l.conf().getLayer().getLayerName();
            double[] v = byCell.get(name);
            if (v == null && l instanceof FeedbackLoopLayer f) v = byCell.get(f.cellIds().get(0));
            if (v != null) out.put(name, v);
        }
        return out;
    }

    static DataSet slice(DataSet b, int n) {
        if (b.numExamples() <= n) return b;
        return new DataSet(first(b.getFeatures(), n), first(b.getLabels(), n), first(b.getFeaturesMaskArray(), n),
                first(b.getLabelsMaskArray(), n));
    }

    private static INDArray first(INDArray a, int n) {
        return a == null ? null : a.get(NDArrayIndex.interval(0, n));
    }
}
