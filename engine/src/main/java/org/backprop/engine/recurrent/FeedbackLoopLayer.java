package org.backprop.engine.recurrent;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.recurrent.BaseRecurrentLayer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.base.Preconditions;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.broadcast.BroadcastMulOp;
import org.nd4j.linalg.api.shape.Shape;
import org.nd4j.linalg.factory.Nd4j;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.nd4j.linalg.indexing.NDArrayIndex.all;
import static org.nd4j.linalg.indexing.NDArrayIndex.point;

/**
 * The running {@link FeedbackLoop}: the loop unrolled over the time steps of a [batch, features,
 * time] input, and its exact backward pass through time. The recurrent state (the last activations
 * of every feedback source) is carried between calls for truncated BPTT and for {@code rnnTimeStep},
 * like DL4J's own recurrent layers. A mask zeroes the emitted steps; the state runs on through masked
 * steps, as in DL4J's SimpleRnn.
 */
public class FeedbackLoopLayer extends BaseRecurrentLayer<FeedbackLoop> {
    /** The state the last forward pass started from, by source cell id; null = zeros. */
    private Map<String, INDArray> initialState;
    private boolean recordStepGradients;
    private double[][] stepGradientNorms;

    public FeedbackLoopLayer(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
    }

    /** Forward values of one unrolled pass, f-ordered [batch, units, time] per cell. */
    private record Unrolled(INDArray output, INDArray input, INDArray[] z, INDArray[] a) {}

    @Override
    public boolean isPretrainLayer() {
        return false;
    }

    @Override
    public INDArray activate(boolean training, LayerWorkspaceMgr mgr) {
        initialState = null;
        return forward(training, false, mgr).output();
    }

    @Override
    public INDArray rnnTimeStep(INDArray input, LayerWorkspaceMgr mgr) {
        setInput(input, mgr);
        initialState = stateMap.isEmpty() ? null : new HashMap<>(stateMap);
        Unrolled u = forward(false, false, mgr);
        storeLast(u, stateMap);
        return u.output();
    }

    @Override
    public INDArray rnnActivateUsingStoredState(INDArray input, boolean training, boolean storeLastForTBPTT, LayerWorkspaceMgr mgr) {
        setInput(input, mgr);
        initialState = tBpttStateMap.isEmpty() ? null : new HashMap<>(tBpttStateMap);
        Unrolled u = forward(training, false, mgr);
        if (storeLastForTBPTT) storeLast(u, tBpttStateMap);
        return u.output();
    }

    /**
     * When on, each backward pass records ||dL/da_t|| per cell and time step (for a cell that emits
     * pre-activations, ||dL/dz_t||): the gradient that reaches each step. See {@link TimeStepGradients}.
     */
    public void setRecordStepGradients(boolean on) {
        recordStepGradients = on;
    }

    /** [cell][time step] from the last backward pass while recording, or null. */
    public double[][] stepGradientNorms() {
        return stepGradientNorms;
    }

    public List<String> cellIds() {
        return layerConf().getCells().stream().map(LoopCell::getId).toList();
    }

    private Unrolled forward(boolean training, boolean forBackprop, LayerWorkspaceMgr mgr) {
        assertInputSet(forBackprop);
        Preconditions.checkState(input.rank() == 3, "a feedback loop takes [batch, features, time] input, got rank %s", input.rank());
        applyDropOutIfNecessary(training, mgr);
        FeedbackLoop conf = layerConf();
        List<LoopCell> cells = conf.getCells();
        ArrayType work = forBackprop ? ArrayType.BP_WORKING_MEM : ArrayType.FF_WORKING_MEM;
        INDArray x = input.ordering() == 'f' && Shape.hasDefaultStridesForShape(input) ? input : input.dup('f');
        long batch = x.size(0);
        long steps = x.size(2);
        int m = cells.size();
        INDArray[] z = new INDArray[m];
        INDArray[] a = new INDArray[m];
        for (int j = 0; j < m; j++) {
            z[j] = mgr.createUninitialized(work, dataType, new long[]{batch, cells.get(j).getUnits(), steps}, 'f');
            a[j] = mgr.createUninitialized(work, dataType, new long[]{batch, cells.get(j).getUnits(), steps}, 'f');
        }
        for (long t = 0; t < steps; t++) {
            for (int j = 0; j < m; j++) {
                LoopCell c = cells.get(j);
                INDArray in = j == 0 ? x.get(all(), all(), point(t)) : a[j - 1].get(all(), all(), point(t));
                INDArray zt = z[j].get(all(), all(), point(t));
                zt.assign(0).addiRowVector(param(c.getId() + "/b", training, mgr));
                Nd4j.gemm(in, param(c.getId() + "/W", training, mgr), zt, false, false, 1.0, 1.0);
                for (String s : c.getFeedbackFrom()) {
                    INDArray prev = previous(a, conf.indexOf(s), s, t);
                    if (prev != null) {
                        Nd4j.gemm(prev, param(c.getId() + "/" + LoopCell.feedbackKey(c.getId(), s), training, mgr), zt,
                                false, false, 1.0, 1.0);
                    }
                }
                a[j].get(all(), all(), point(t)).assign(c.getActivation().getActivation(zt.dup('f'), training));
            }
        }
        INDArray out = mgr.dup(ArrayType.ACTIVATIONS, conf.isEmitsPreActivation() ? z[m - 1] : a[m - 1], 'f');
        if (maskArray != null) applyTimeMask(out);
        return new Unrolled(out, x, z, a);
    }

    /** The source's activation at step t-1, from the carried state at t = 0 (null when there is none). */
    private INDArray previous(INDArray[] a, int source, String sourceId, long t) {
        if (t > 0) return a[source].get(all(), all(), point(t - 1));
        INDArray s = initialState == null ? null : initialState.get(sourceId);
        return s == null ? null : s.castTo(dataType);
    }

    private INDArray param(String key, boolean training, LayerWorkspaceMgr mgr) {
        return getParamWithNoise(key, training, mgr);
    }

    private void applyTimeMask(INDArray seq) {
        Nd4j.getExecutioner().exec(new BroadcastMulOp(seq, maskArray.castTo(seq.dataType()), seq, 0, 2));
    }

    private void storeLast(Unrolled u, Map<String, INDArray> state) {
        FeedbackLoop conf = layerConf();
        long last = u.input().size(2) - 1;
        try (MemoryWorkspace ws = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
            for (LoopCell c : conf.getCells()) {
                for (String s : c.getFeedbackFrom()) {
                    state.put(s, u.a()[conf.indexOf(s)].get(all(), all(), point(last)).dup());
                }
            }
        }
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr mgr) {
        return tbpttBackpropGradient(epsilon, -1, mgr);
    }

    /**
     * Backpropagation through time, from the last step back to the first (or to the truncation
     * point). At step t the gradient reaching cell j's activation is the sum of what the loss sends
     * (for the emitting cell), what the next cell of the same step sends back through its W, and
     * what every cell fed by j's feedback edges sends back from step t+1.
     */
    @Override
    public Pair<Gradient, INDArray> tbpttBackpropGradient(INDArray epsilon, int tbpttBackLength, LayerWorkspaceMgr mgr) {
        Unrolled u = forward(true, true, mgr);
        FeedbackLoop conf = layerConf();
        List<LoopCell> cells = conf.getCells();
        int m = cells.size();
        INDArray eps = epsilon.dup('f');
        if (maskArray != null) applyTimeMask(eps);
        gradientsFlattened.assign(0);
        INDArray x = u.input();
        long batch = x.size(0);
        long steps = x.size(2);
        INDArray epsOut = mgr.create(ArrayType.ACTIVATION_GRAD, dataType, x.shape(), 'f');
        long end = tbpttBackLength > 0 ? Math.max(0, steps - tbpttBackLength) : 0;
        double[][] norms = recordStepGradients ? new double[m][(int) steps] : null;
        INDArray[] dzNext = new INDArray[m];
        for (long t = steps - 1; t >= end; t--) {
            INDArray[] dz = new INDArray[m];
            for (int j = m - 1; j >= 0; j--) {
                LoopCell c = cells.get(j);
                boolean emitting = j == m - 1;
                INDArray g = Nd4j.zeros(dataType, batch, c.getUnits());
                if (emitting && !conf.isEmitsPreActivation()) g.addi(eps.get(all(), all(), point(t)));
                if (j < m - 1) {
                    Nd4j.gemm(dz[j + 1], getParam(cells.get(j + 1).getId() + "/W"), g, false, true, 1.0, 1.0);
                }
                for (int k = 0; k < m; k++) {
                    LoopCell fed = cells.get(k);
                    if (dzNext[k] != null && fed.getFeedbackFrom().contains(c.getId())) {
                        Nd4j.gemm(dzNext[k], getParam(fed.getId() + "/" + LoopCell.feedbackKey(fed.getId(), c.getId())), g,
                                false, true, 1.0, 1.0);
                    }
                }
                INDArray dzj = c.getActivation().backprop(u.z()[j].get(all(), all(), point(t)).dup('f'), g).getFirst();
                if (emitting && conf.isEmitsPreActivation()) dzj.addi(eps.get(all(), all(), point(t)));
                if (norms != null) {
                    norms[j][(int) t] = (emitting && conf.isEmitsPreActivation() ? dzj : g).norm2Number().doubleValue();
                }
                dz[j] = dzj;
                INDArray in = j == 0 ? x.get(all(), all(), point(t)) : u.a()[j - 1].get(all(), all(), point(t));
                Nd4j.gemm(in, dzj, gradientViews.get(c.getId() + "/W"), true, false, 1.0, 1.0);
                gradientViews.get(c.getId() + "/b").addi(dzj.sum(true, 0));
                for (String s : c.getFeedbackFrom()) {
                    INDArray prev = previous(u.a(), conf.indexOf(s), s, t);
                    if (prev != null) {
                        Nd4j.gemm(prev, dzj, gradientViews.get(c.getId() + "/" + LoopCell.feedbackKey(c.getId(), s)),
                                true, false, 1.0, 1.0);
                    }
                }
            }
            Nd4j.gemm(dz[0], getParam(cells.get(0).getId() + "/W"), epsOut.get(all(), all(), point(t)), false, true, 1.0, 0.0);
            dzNext = dz;
        }
        if (norms != null) stepGradientNorms = norms;
        Gradient gradient = new DefaultGradient(gradientsFlattened);
        for (String key : conf.initializer().paramKeys(conf)) gradient.gradientForVariable().put(key, gradientViews.get(key));
        weightNoiseParams.clear();
        return new Pair<>(gradient, backpropDropOutIfPresent(epsOut));
    }
}
