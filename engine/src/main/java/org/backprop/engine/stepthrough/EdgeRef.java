package org.backprop.engine.stepthrough;

/**
 * One weight drawn as an edge: from unit {@code from} of the layer below into unit {@code to} of
 * {@code layer}, the layer that holds it as {@code W[from][to]} (DL4J's W is [nIn, nOut]).
 */
public record EdgeRef(String layer, int from, int to) {}
