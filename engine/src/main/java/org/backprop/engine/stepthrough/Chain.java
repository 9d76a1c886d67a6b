package org.backprop.engine.stepthrough;

import java.util.List;

/**
 * A chain of dense layers as plain numbers: what the step-through computes with. Layers are
 * numbered from 1 (the first layer after the input) to {@link #depth()} (the output layer).
 */
record Chain(String inputId, int inputSize, List<Chain.Layer> layers, LossFunction loss) {

    /** One dense layer: its activation, W as DL4J holds it ([nIn][nOut]) and b. */
    record Layer(String id, int dl4jIndex, ActivationFunction activation, double[][] w, double[] b) {
        int inputs() {
            return w.length;
        }

        int units() {
            return b.length;
        }
    }

    Chain {
        layers = List.copyOf(layers);
    }

    /** Layer l, counted from 1. */
    Layer layer(int l) {
        return layers.get(l - 1);
    }

    int depth() {
        return layers.size();
    }

    Layer output() {
        return layers.get(layers.size() - 1);
    }

    /** Units of layer l, the input being layer 0. */
    int units(int l) {
        return l == 0 ? inputSize : layer(l).units();
    }

    String id(int l) {
        return l == 0 ? inputId : layer(l).id();
    }

    /** Softmax output with cross-entropy: DL4J's dL/dz = y - t skips dL/dy. */
    boolean softmaxCrossEntropy() {
        return output().activation() == ActivationFunction.SOFTMAX && loss == LossFunction.MCXENT;
    }
}
