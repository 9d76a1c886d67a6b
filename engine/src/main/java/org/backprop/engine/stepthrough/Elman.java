package org.backprop.engine.stepthrough;

import org.backprop.engine.compile.CompiledNetwork;
import org.backprop.engine.project.LayerSpec;
import org.backprop.engine.project.Project;
import org.deeplearning4j.nn.api.Layer;

/**
 * A tiny Elman network as plain numbers, read out of DL4J: input, one recurrent layer (DL4J
 * SimpleRnn: h_t = f(x_t W + h_{t-1} RW + b), h_0 = 0) and an output layer applied at every time
 * step. Layer 1 is the recurrent layer, layer 2 the output, as in the formulas.
 */
record Elman(String inputId, int inputSize, Cell hidden, Chain.Layer output, LossFunction loss) {

    /** The recurrent layer: W [nIn][units], RW [units][units] (from the previous step's unit into this step's), b. */
    record Cell(String id, int dl4jIndex, ActivationFunction activation, double[][] w, double[][] rw, double[] b) {
        int units() {
            return b.length;
        }
    }

    static Elman read(Project project, CompiledNetwork compiled) {
        String hiddenId = project.network().layers().stream()
                .filter(l -> !l.id().equals(compiled.inputId()) && !l.id().equals(compiled.outputId()))
                .findFirst().orElseThrow().id();
        Layer h = compiled.layer(hiddenId);
        Layer o = compiled.layer(compiled.outputId());
        LayerSpec hs = project.network().layer(hiddenId).orElseThrow();
        LayerSpec os = project.network().layer(compiled.outputId()).orElseThrow();
        Cell cell = new Cell(hiddenId, compiled.layers().get(hiddenId).dl4jIndex(), ActivationFunction.of(hs.stringValue("activation")),
                h.getParam("W").toDoubleMatrix(), h.getParam("RW").toDoubleMatrix(), h.getParam("b").toDoubleVector());
        Chain.Layer out = new Chain.Layer(os.id(), compiled.layers().get(os.id()).dl4jIndex(),
                ActivationFunction.of(os.stringValue("activation")), o.getParam("W").toDoubleMatrix(), o.getParam("b").toDoubleVector());
        return new Elman(compiled.inputId(), (int) compiled.inputSize(), cell, out, LossFunction.of(os.stringValue("loss")));
    }
}
