package org.backprop.engine.stepthrough;

/**
 * One trainable number, named as DL4J names it: layer id, parameter ("W" or "b") and its 0-based
 * place in that array (a bias sits in row 0 of DL4J's [1, nOut] vector).
 */
public record ParameterRef(String layer, String name, int row, int column) {

    public static ParameterRef weight(String layer, int from, int to) {
        return new ParameterRef(layer, "W", from, to);
    }

    public static ParameterRef bias(String layer, int unit) {
        return new ParameterRef(layer, "b", 0, unit);
    }

    public boolean isWeight() {
        return name.equals("W");
    }

    /** The edge a weight is drawn as, or null for a bias. */
    public EdgeRef edge() {
        return isWeight() ? new EdgeRef(layer, row, column) : null;
    }

    /** The unit the parameter feeds. */
    public UnitRef unit() {
        return new UnitRef(layer, column);
    }

    /** "W[0,1]" or "b[1]". */
    public String label() {
        return isWeight() ? "W[" + row + "," + column + "]" : "b[" + column + "]";
    }
}
