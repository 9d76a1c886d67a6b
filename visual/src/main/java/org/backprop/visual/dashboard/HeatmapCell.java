package org.backprop.visual.dashboard;

/**
 * A cell of a heatmap: its row's label (a layer) and its column's key (an iteration, or a time step).
 */
public record HeatmapCell(String row, long column) {}
