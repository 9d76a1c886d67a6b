package org.backprop.engine.recurrent;

import org.deeplearning4j.nn.api.ParamInitializer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.weights.IWeightInit;
import org.deeplearning4j.nn.weights.WeightInitIdentity;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parameters of a {@link FeedbackLoop}, cell by cell: "{cell}/W" [inputs, units],
 * "{cell}/RW" [units, units] for a self-loop or "{cell}/FW:{source}" [source units, units] for
 * feedback from another cell, then "{cell}/b" [1, units]; all views of DL4J's one flat vector.
 */
final class FeedbackLoopParams implements ParamInitializer {
    static final FeedbackLoopParams INSTANCE = new FeedbackLoopParams();

    private FeedbackLoopParams() {}

    /** One parameter's place in the flat vector. */
    record Slot(String key, long rows, long cols, boolean bias, IWeightInit init) {
        long length() { return rows * cols; }
    }

    static List<Slot> slots(FeedbackLoop loop) {
        List<Slot> out = new ArrayList<>();
        for (int i = 0; i < loop.getCells().size(); i++) {
            LoopCell c = loop.getCells().get(i);
            IWeightInit w = c.getWeightInit() != null ? c.getWeightInit() : loop.getWeightInitFn();
            IWeightInit f = c.getFeedbackWeightInit() != null ? c.getFeedbackWeightInit() : w;
            out.add(new Slot(c.getId() + "/W", loop.inputsOf(i), c.getUnits(), false, w));
            for (String s : c.getFeedbackFrom()) {
                long sourceUnits = loop.getCells().get(loop.indexOf(s)).getUnits();
                out.add(new Slot(c.getId() + "/" + LoopCell.feedbackKey(c.getId(), s), sourceUnits, c.getUnits(), false, f));
            }
            out.add(new Slot(c.getId() + "/b", 1, c.getUnits(), true, null));
        }
        return out;
    }

    @Override
    public long numParams(NeuralNetConfiguration conf) {
        return numParams(conf.getLayer());
    }

    @Override
    public long numParams(Layer layer) {
        return slots((FeedbackLoop) layer).stream().mapToLong(Slot::length).sum();
    }

    @Override
    public List<String> paramKeys(Layer layer) {
        return slots((FeedbackLoop) layer).stream().map(Slot::key).toList();
    }

    @Override
    public List<String> weightKeys(Layer layer) {
        return slots((FeedbackLoop) layer).stream().filter(s -> !s.bias()).map(Slot::key).toList();
    }

    @Override
    public List<String> biasKeys(Layer layer) {
        return slots((FeedbackLoop) layer).stream().filter(Slot::bias).map(Slot::key).toList();
    }

    @Override
    public boolean isWeightParam(Layer layer, String key) {
        return !key.endsWith("/b");
    }

    @Override
    public boolean isBiasParam(Layer layer, String key) {
        return key.endsWith("/b");
    }

    @Override
    public Map<String, INDArray> init(NeuralNetConfiguration conf, INDArray paramsView, boolean initializeParams) {
        FeedbackLoop loop = (FeedbackLoop) conf.getLayer();
        Map<String, INDArray> views = views(loop, paramsView);
        if (initializeParams) {
            for (Slot s : slots(loop)) {
                INDArray v = views.get(s.key());
                if (s.bias()) v.assign(loop.getBiasInit());
                else initWeights(s, v);
            }
        }
        // DL4J's updater walks the configuration's variables, as registered by every initializer.
        views.keySet().forEach(conf::addVariable);
        return views;
    }

    @Override
    public Map<String, INDArray> getGradientsFromFlattened(NeuralNetConfiguration conf, INDArray gradientView) {
        return views((FeedbackLoop) conf.getLayer(), gradientView);
    }

    private static Map<String, INDArray> views(FeedbackLoop loop, INDArray flat) {
        Map<String, INDArray> out = new LinkedHashMap<>();
        long at = 0;
        for (Slot s : slots(loop)) {
            INDArray part = flat.rank() == 1
                    ? flat.get(NDArrayIndex.interval(at, at + s.length()))
                    : flat.get(NDArrayIndex.interval(0, 0, true), NDArrayIndex.interval(at, at + s.length()));
            out.put(s.key(), part.reshape('f', s.rows(), s.cols()));
            at += s.length();
        }
        return out;
    }

    /** DL4J's identity init insists on square weights; feedback from a layer of another size gets ones on the diagonal. */
    private static void initWeights(Slot s, INDArray view) {
        if (s.init() instanceof WeightInitIdentity && s.rows() != s.cols()) {
            view.assign(0);
            for (long i = 0; i < Math.min(s.rows(), s.cols()); i++) view.putScalar(i, i, 1.0);
            return;
        }
        s.init().init(s.rows(), s.cols(), new long[]{s.rows(), s.cols()}, 'f', view);
    }
}
