package org.backprop.engine.compile;

import org.backprop.engine.model.LoadedModel;
import org.backprop.engine.model.ModelFileException;
import org.backprop.engine.model.ModelFiles;
import org.backprop.engine.project.LayerSpec;
import org.backprop.engine.project.LayerType;
import org.backprop.engine.project.NetworkSpec;
import org.deeplearning4j.nn.api.Layer;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Starts a compiled network from a trained model's weights ({@code network.weightsFrom}): each
 * layer takes the parameters of the model's layer with the same id. A layer marked
 * {@code reinit}, or one the model lacks (a new head), keeps its fresh initial weights; a layer
 * whose parameters have other shapes than the model's is an error that says which.
 */
final class PretrainedWeights {
    private PretrainedWeights() {}

    static Path resolve(String weightsFrom, Path baseDir) throws CompileException {
        Path p = Path.of(weightsFrom);
        if (p.isAbsolute()) return p;
        if (baseDir == null) {
            throw new CompileException("network.weightsFrom: \"" + weightsFrom + "\" is relative to the project file's folder,"
                    + " which is not known here; compile the project with its folder");
        }
        return baseDir.resolve(p).normalize();
    }

    static Map<String, WeightSource> apply(NetworkSpec net, CompiledNetwork c, Path baseDir) throws CompileException {
        Path file = resolve(net.weightsFrom(), baseDir);
        LoadedModel model;
        try {
            model = ModelFiles.read(file);
        } catch (ModelFileException e) {
            throw new CompileException("network.weightsFrom: " + e.getMessage());
        }
        String name = file.getFileName().toString();
        Map<String, WeightSource> sources = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (LayerSpec l : net.layers()) {
            if (l.type() == LayerType.INPUT) continue;
            Layer layer = c.layer(l.id());
            Map<String, INDArray> mine = layer.paramTable();
            if (mine.isEmpty()) {
                sources.put(l.id(), WeightSource.NONE);
                continue;
            }
            Map<String, INDArray> theirs = model.parameters(l.id());
            if (l.flag(LayerType.Transfer.REINIT.name())) {
                sources.put(l.id(), theirs.isEmpty() ? WeightSource.FRESH : WeightSource.REINITIALISED);
                continue;
            }
            if (theirs.isEmpty()) {
                sources.put(l.id(), WeightSource.FRESH);
                continue;
            }
            String mismatch = mismatch(mine, theirs);
            if (mismatch != null) {
                problems.add(l.describe() + ": " + mismatch + " in " + name + "; mark the layer \"reinit\": true to start it"
                        + " from fresh weights, or give it an id the model does not use" + inputHint(net, l, mine, theirs));
                continue;
            }
            for (Map.Entry<String, INDArray> e : mine.entrySet()) {
                layer.setParam(e.getKey(), theirs.get(e.getKey()).castTo(e.getValue().dataType()).reshape(e.getValue().shape()));
            }
            sources.put(l.id(), WeightSource.PRETRAINED);
        }
        if (!problems.isEmpty()) throw new CompileException(problems);
        return sources;
    }

    /** Null when both layers have the same parameters in the same shapes, else what differs. */
    private static String mismatch(Map<String, INDArray> mine, Map<String, INDArray> theirs) {
        if (!mine.keySet().equals(theirs.keySet())) {
            return "its parameters are " + mine.keySet() + ", the model's layer of that id has " + theirs.keySet();
        }
        for (Map.Entry<String, INDArray> e : mine.entrySet()) {
            long[] a = e.getValue().shape();
            long[] b = theirs.get(e.getKey()).shape();
            if (e.getValue().length() != theirs.get(e.getKey()).length() || !Arrays.equals(squeeze(a), squeeze(b))) {
                return "its " + e.getKey() + " is " + Arrays.toString(a) + " here but " + Arrays.toString(b);
            }
        }
        return null;
    }

    /** For the first layer after the input, a differing W usually means the data has another number of features. */
    private static String inputHint(NetworkSpec net, LayerSpec l, Map<String, INDArray> mine, Map<String, INDArray> theirs) {
        boolean first = net.inputsOf(l.id()).stream().anyMatch(e -> net.layer(e.from()).map(x -> x.type() == LayerType.INPUT).orElse(false));
        INDArray w = mine.get("W");
        INDArray v = theirs.get("W");
        if (!first || w == null || v == null || w.rank() != 2 || v.rank() != 2 || w.size(0) == v.size(0)) return "";
        return ". The model's input does not fit: it takes " + v.size(0) + " values per example, this network's input gives "
                + w.size(0);
    }

    private static long[] squeeze(long[] shape) {
        return Arrays.stream(shape).filter(d -> d != 1).toArray();
    }
}
