package org.backprop.engine.stepthrough;

/**
 * One trainable number, named as DL4J names it: layer id, parameter ("W", "RW" for an Elman layer's
 * recurrent weights, or "b") and its 0-based place in that array (a bias sits in row 0 of DL4J's
 * [1, nOut] vector).
 */
public record ParameterRef(String layer, String name, int row, int column) {

    public static ParameterRef weight(String layer, int from, int to) {
        return new ParameterRef(layer, "W", from, to);
    }

    /** A weight of an Elman layer's self-loop: from unit {@code from} at the previous time step into unit {@code to}. */
    public static ParameterRef recurrent(String layer, int from, int to) {
        return new ParameterRef(layer, "RW", from, to);
    }

    public static ParameterRef bias(String layer, int unit) {
        return new ParameterRef(layer, "b", 0, unit);
    }

    /** Whether it is drawn as an edge (W or RW), not a bias. */
    public boolean isWeight() {
        return name.equals("W") || isRecurrent();
    }

    public boolean isRecurrent() {
        return name.equals("RW");
    }

    /** The edge a weight is drawn as, or null for a bias. */
    public EdgeRef edge() {
        return isWeight() ? new EdgeRef(layer, row, column, isRecurrent()) : null;
    }

    /** The unit the parameter feeds. */
    public UnitRef unit() {
        return new UnitRef(layer, column);
    }

    /** "W[0,1]", "RW[1,0]" or "b[1]". */
    public String label() {
        return isWeight() ? name + "[" + row + "," + column + "]" : "b[" + column + "]";
    }
}
