package org.backprop.engine.stepthrough;

/**
 * One weight drawn as an edge: from unit {@code from} of the layer below into unit {@code to} of
 * {@code layer}, the layer that holds it as {@code W[from][to]} (DL4J's W is [nIn, nOut]). A
 * recurrent edge is the layer's self-loop: from unit {@code from} of its previous time step, held
 * as {@code RW[from][to]}.
 */
public record EdgeRef(String layer, int from, int to, boolean recurrent) {

    public EdgeRef(String layer, int from, int to) {
        this(layer, from, to, false);
    }

    /** The weight this edge is. */
    public ParameterRef parameter() {
        return recurrent ? ParameterRef.recurrent(layer, from, to) : ParameterRef.weight(layer, from, to);
    }
}
