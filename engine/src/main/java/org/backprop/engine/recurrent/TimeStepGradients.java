package org.backprop.engine.recurrent;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.api.layers.IOutputLayer;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.recurrent.SimpleRnn;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.nd4j.linalg.indexing.NDArrayIndex.all;
import static org.nd4j.linalg.indexing.NDArrayIndex.point;

/**
 * The gradient that reaches each time step of each recurrent layer on one batch: for every step t
 * the norm ||dL/dh_t|| of the loss's gradient with respect to the layer's output h_t, counting
 * every path from h_t to the loss (through the layers above and through the layer's own later
 * steps). Where it shrinks towards the first steps the gradient vanishes through time; where it
 * grows, it explodes.
 *
 * <p>Elman layers (DL4J SimpleRnn) and LSTMs get it from the gradient DL4J sends down to their
 * output, run back through the layer's own recurrence; layers of a {@link FeedbackLoop} record it
 * during their backward pass (for an output layer inside a loop: ||dL/dz_t||, its pre-activation).
 * Norms are over the whole batch (DL4J's loss is the batch mean). Runs on a copy of the model, so
 * it can be called at any time during training. In a ComputationGraph (a branching network) only
 * feedback loops are measured; an Elman or LSTM layer there is refused.
 */
public final class TimeStepGradients {
    private TimeStepGradients() {}

    /** Per recurrent layer (by project layer id, in network order) the norm at each time step. */
    public static Map<String, double[]> of(Model model, DataSet batch) {
        if (model instanceof MultiLayerNetwork n) return run(n, batch, null);
        return ofGraph((ComputationGraph) model, batch);
    }

    private static Map<String, double[]> ofGraph(ComputationGraph graph, DataSet batch) {
        ComputationGraph g = copyWithoutListeners(graph);
        Map<String, double[]> out = new LinkedHashMap<>();
        for (Layer l : g.getLayers()) {
            var conf = l.conf().getLayer();
            if (conf instanceof SimpleRnn || conf instanceof LSTM) {
                throw new IllegalArgumentException("per-step gradients of layer '" + conf.getLayerName()
                        + "' need a chain of layers (a MultiLayerNetwork); in a branching network only feedback loops are measured");
            }
            if (l instanceof FeedbackLoopLayer f) f.setRecordStepGradients(true);
        }
        g.setInputs(batch.getFeatures());
        g.setLabels(batch.getLabels());
        g.setLayerMaskArrays(batch.getFeaturesMaskArray() == null ? null : new INDArray[]{batch.getFeaturesMaskArray()},
                batch.getLabelsMaskArray() == null ? null : new INDArray[]{batch.getLabelsMaskArray()});
        g.computeGradientAndScore();
        for (int i : g.topologicalSortOrder()) {
            if (g.getVertices()[i].getLayer() instanceof FeedbackLoopLayer f) {
                for (int c = 0; c < f.cellIds().size(); c++) out.put(f.cellIds().get(c), f.stepGradientNorms()[c]);
            }
        }
        return out;
    }

    /**
     * Like {@link ComputationGraph#clone()}, but a clone shares the original's listeners (the very
     * list), and its computeGradientAndScore would call them: the telemetry listener that asked for
     * these norms would see a foreign model mid-iteration. Nor is the updater state needed here.
     */
    private static ComputationGraph copyWithoutListeners(ComputationGraph graph) {
        ComputationGraph g = new ComputationGraph(graph.getConfiguration().clone());
        g.init(graph.params().dup(), false);
        for (var v : graph.getVertices()) {
            if (v.hasLayer() && v.getLayer() instanceof org.deeplearning4j.nn.layers.FrozenLayer) g.getVertex(v.getVertexName()).setLayerAsFrozen();
        }
        return g;
    }

    /**
     * For tests: the input-weight gradient each SimpleRnn or LSTM implies, by the same backward
     * pass through its recurrence that gives the norms; it must equal DL4J's own "W" gradient.
     */
    static Map<String, INDArray> impliedWeightGradients(MultiLayerNetwork network, DataSet batch) {
        Map<String, INDArray> out = new LinkedHashMap<>();
        run(network, batch, out);
        return out;
    }

    /** @param weightGradients where to put the implied input-weight gradients, or null to skip computing them */
    private static Map<String, double[]> run(MultiLayerNetwork network, DataSet batch, Map<String, INDArray> weightGradients) {
        MultiLayerNetwork net = network.clone();
        net.initGradientsView();
        LayerWorkspaceMgr mgr = LayerWorkspaceMgr.noWorkspaces();
        INDArray x = batch.getFeatures();
        int size = (int) x.size(0);
        net.setLayerMaskArrays(batch.getFeaturesMaskArray(), batch.getLabelsMaskArray());
        Layer[] layers = net.getLayers();
        INDArray[] inputs = new INDArray[layers.length];
        INDArray a = x;
        int lowest = -1; // the first recurrent layer: the backward pass ends there
        for (int i = 0; i < layers.length; i++) {
            var c = layers[i].conf().getLayer();
            if (lowest < 0 && (c instanceof SimpleRnn || c instanceof LSTM || layers[i] instanceof FeedbackLoopLayer)) lowest = i;
            InputPreProcessor pre = net.getLayerWiseConfigurations().getInputPreProcess(i);
            if (pre != null) a = pre.preProcess(a, size, mgr);
            inputs[i] = a;
            if (layers[i] instanceof FeedbackLoopLayer f) f.setRecordStepGradients(true);
            a = layers[i].activate(a, true, mgr);
        }
        ((IOutputLayer) layers[layers.length - 1]).setLabels(batch.getLabels());
        Map<String, double[]> byLayer = new LinkedHashMap<>();
        INDArray eps = null;
        for (int i = layers.length - 1; i >= 0; i--) {
            Layer layer = layers[i];
            var conf = layer.conf().getLayer();
            if (conf instanceof SimpleRnn || conf instanceof LSTM) {
                INDArray dw = weightGradients == null ? null : Nd4j.zerosLike(layer.getParam("W"));
                byLayer.put(conf.getLayerName(), conf instanceof LSTM ? lstm(layer, inputs[i], eps, dw) : elman(layer, inputs[i], eps, dw));
                if (dw != null) weightGradients.put(conf.getLayerName(), dw);
                if (i == lowest) break; // nothing below needs a gradient: spare DL4J's own pass back through time
            }
            // Each layer still holds its input from the forward pass above (and its dropout mask with it).
            eps = layer.backpropGradient(eps, mgr).getSecond();
            if (layer instanceof FeedbackLoopLayer f) {
                double[][] norms = f.stepGradientNorms();
                for (int c = 0; c < norms.length; c++) byLayer.put(f.cellIds().get(c), norms[c]);
                if (i == lowest) break;
            }
            InputPreProcessor pre = net.getLayerWiseConfigurations().getInputPreProcess(i);
            if (pre != null && i > 0) eps = pre.backprop(eps, size, mgr);
        }
        Map<String, double[]> ordered = new LinkedHashMap<>();
        for (Layer l : layers) {
            if (l instanceof FeedbackLoopLayer f) f.cellIds().forEach(id -> ordered.put(id, byLayer.get(id)));
            else if (byLayer.containsKey(l.conf().getLayer().getLayerName())) {
                ordered.put(l.conf().getLayer().getLayerName(), byLayer.get(l.conf().getLayer().getLayerName()));
            }
        }
        return ordered;
    }

    /** h_t = f(x_t W + h_{t-1} RW + b): dL/dh_t = eps_t + (f'(z_{t+1}) * dL/dh_{t+1}) RW^T. */
    static double[] elman(Layer layer, INDArray x, INDArray eps, INDArray dw) {
        INDArray w = layer.getParam("W"), rw = layer.getParam("RW"), b = layer.getParam("b");
        IActivation f = ((BaseLayer) layer.conf().getLayer()).getActivationFn();
        int steps = (int) x.size(2);
        // Step-major copies [steps, batch, units] whose slices are cheap views: on small layers the
        // number of ND4J ops, not the arithmetic, sets the cost. x_t W + b for all steps in one product.
        INDArray xs = stepMajor(x);
        INDArray zs = xs.reshape(xs.size(0) * xs.size(1), xs.size(2)).mmul(w).addiRowVector(b).reshape(steps, x.size(0), w.size(1));
        INDArray es = stepMajor(eps);
        INDArray[] z = new INDArray[steps];
        INDArray h = null;
        for (int t = 0; t < steps; t++) {
            z[t] = zs.slice(t);
            if (h != null) Nd4j.gemm(h, rw, z[t], false, false, 1.0, 1.0); // z_t += h_{t-1} RW
            h = f.getActivation(z[t].dup(), true);
        }
        double[] norms = new double[steps];
        INDArray dzNext = null;
        for (int t = steps - 1; t >= 0; t--) {
            INDArray g = es.slice(t);
            if (dzNext != null) Nd4j.gemm(dzNext, rw, g, false, true, 1.0, 1.0); // g += dz_{t+1} RW^T
            norms[t] = g.norm2Number().doubleValue();
            dzNext = f.backprop(z[t].dup(), g).getFirst();
            if (dw != null) dw.addi(x.get(all(), all(), point(t)).transpose().mmul(dzNext));
        }
        return norms;
    }

    /** [batch, units, steps] to a fresh c-order [steps, batch, units]. */
    private static INDArray stepMajor(INDArray a) {
        return a.permute(2, 0, 1).dup('c');
    }

    /**
     * DL4J's LSTM without peepholes, gate blocks in its column order [block input, forget, output,
     * input gate]: c_t = f c_{t-1} + i a, h_t = o tanh(c_t). The backward pass carries dL/dh and dL/dc.
     */
    static double[] lstm(Layer layer, INDArray x, INDArray eps, INDArray dw) {
        INDArray w = layer.getParam("W"), rw = layer.getParam("RW"), b = layer.getParam("b");
        LSTM conf = (LSTM) layer.conf().getLayer();
        IActivation act = conf.getActivationFn();
        IActivation gate = conf.getGateActivationFn();
        int n = (int) conf.getNOut();
        int steps = (int) x.size(2);
        long batch = x.size(0);
        INDArray[] zs = new INDArray[steps], as = new INDArray[steps], fs = new INDArray[steps], os = new INDArray[steps],
                is = new INDArray[steps], cs = new INDArray[steps];
        INDArray h = Nd4j.zeros(x.dataType(), batch, n);
        INDArray c = Nd4j.zeros(x.dataType(), batch, n);
        for (int t = 0; t < steps; t++) {
            INDArray z = x.get(all(), all(), point(t)).mmul(w).addiRowVector(b).addi(h.mmul(rw));
            zs[t] = z;
            as[t] = act.getActivation(block(z, 0, n).dup(), true);
            fs[t] = gate.getActivation(block(z, 1, n).dup(), true);
            os[t] = gate.getActivation(block(z, 2, n).dup(), true);
            is[t] = gate.getActivation(block(z, 3, n).dup(), true);
            c = fs[t].mul(c).addi(is[t].mul(as[t]));
            cs[t] = c;
            h = os[t].mul(act.getActivation(c.dup(), true));
        }
        double[] norms = new double[steps];
        INDArray dzNext = null;
        INDArray dcNext = null;
        for (int t = steps - 1; t >= 0; t--) {
            INDArray dh = eps.get(all(), all(), point(t)).dup();
            if (dzNext != null) dh.addi(dzNext.mmul(rw.transpose()));
            norms[t] = dh.norm2Number().doubleValue();
            INDArray tanhC = act.getActivation(cs[t].dup(), true);
            INDArray dc = act.backprop(cs[t].dup(), dh.mul(os[t])).getFirst();
            if (dcNext != null) dc.addi(dcNext.mul(fs[t + 1]));
            INDArray cPrev = t > 0 ? cs[t - 1] : Nd4j.zerosLike(dc);
            INDArray dz = Nd4j.create(x.dataType(), batch, 4L * n);
            block(dz, 0, n).assign(act.backprop(block(zs[t], 0, n).dup(), dc.mul(is[t])).getFirst());
            block(dz, 1, n).assign(gate.backprop(block(zs[t], 1, n).dup(), dc.mul(cPrev)).getFirst());
            block(dz, 2, n).assign(gate.backprop(block(zs[t], 2, n).dup(), dh.mul(tanhC)).getFirst());
            block(dz, 3, n).assign(gate.backprop(block(zs[t], 3, n).dup(), dc.mul(as[t])).getFirst());
            if (dw != null) dw.addi(x.get(all(), all(), point(t)).transpose().mmul(dz));
            dzNext = dz;
            dcNext = dc;
        }
        return norms;
    }

    private static INDArray block(INDArray z, int k, int n) {
        return z.get(all(), org.nd4j.linalg.indexing.NDArrayIndex.interval((long) k * n, (long) (k + 1) * n));
    }
}
