package org.backprop.visual.editor;

import org.backprop.engine.project.EdgeSpec;
import org.backprop.engine.project.LayerSpec;
import org.backprop.engine.project.LayerType;
import org.backprop.engine.project.NetworkSpec;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Automatic layout, without the toolkit: one column per depth (the longest path from the input
 * along forward edges), the layers of a column stacked in file order and centred on one line.
 * Positions are card centres in canvas units, whole numbers so that files stay readable.
 */
public final class AutoLayout {
    /** Distance between the centres of two columns. */
    public static final double COLUMN_GAP = 216;
    /** Distance between the centres of two layers in one column. */
    public static final double ROW_GAP = 120;
    /** Centre of the first column and of the middle row. */
    public static final double ORIGIN_X = 120;
    public static final double ORIGIN_Y = 240;

    private AutoLayout() {}

    /** Every layer's position, in file order. */
    public static Map<String, double[]> positions(NetworkSpec net) {
        Map<String, Integer> column = columns(net);
        Map<Integer, Integer> perColumn = new HashMap<>();
        column.values().forEach(c -> perColumn.merge(c, 1, Integer::sum));
        Map<Integer, Integer> nextRow = new HashMap<>();
        Map<String, double[]> out = new LinkedHashMap<>();
        for (LayerSpec l : net.layers()) {
            int c = column.get(l.id());
            int row = nextRow.merge(c, 1, Integer::sum) - 1;
            double y = ORIGIN_Y + (row - (perColumn.get(c) - 1) / 2.0) * ROW_GAP;
            out.put(l.id(), new double[]{ORIGIN_X + c * COLUMN_GAP, Math.rint(y)});
        }
        return out;
    }

    /**
     * Depth of each layer. Only forward edges from an earlier layer count (a drawing in progress
     * may hold others); a layer nothing flows into sits one column right of the layer before it
     * in the file, so that layers added one after another read left to right before they are wired.
     */
    static Map<String, Integer> columns(NetworkSpec net) {
        Map<String, Integer> column = new HashMap<>();
        Integer previous = null;
        for (LayerSpec l : net.layers()) {
            int c = -1;
            for (EdgeSpec in : net.inputsOf(l.id())) {
                Integer from = column.get(in.from());
                if (from != null) c = Math.max(c, from + 1);
            }
            if (c < 0) c = l.type() == LayerType.INPUT || previous == null ? 0 : previous + 1;
            column.put(l.id(), c);
            previous = c;
        }
        return column;
    }

    /**
     * Where each layer is drawn: its saved position, else where the automatic layout puts it.
     * A project without saved positions is laid out afresh after every edit.
     */
    public static Map<String, double[]> effective(NetworkSpec net) {
        Map<String, double[]> auto = null;
        Map<String, double[]> out = new LinkedHashMap<>();
        for (LayerSpec l : net.layers()) {
            double[] p = l.position();
            if (p == null) {
                if (auto == null) auto = positions(net);
                p = auto.get(l.id());
            }
            out.put(l.id(), p);
        }
        return out;
    }

    /** True when no layer has a saved position. */
    public static boolean unpinned(NetworkSpec net) {
        return net.layers().stream().allMatch(l -> l.position() == null);
    }
}
