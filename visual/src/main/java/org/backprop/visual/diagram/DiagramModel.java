package org.backprop.visual.diagram;

import org.backprop.engine.compile.LayerInfo;
import org.backprop.engine.project.EdgeSpec;
import org.backprop.engine.project.LayerSpec;
import org.backprop.engine.project.LayerType;
import org.backprop.engine.project.NetworkSpec;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the network diagram draws, worked out without the toolkit: layers placed in columns
 * (by their distance from the input), how many neurons each shows, and the tensor that flows
 * along each edge, and which layers feed their own previous time step back into themselves.
 *
 * @param selfLoops ids of the layers with a self-loop (an Elman layer's recurrent weights)
 */
public record DiagramModel(List<Layer> layers, List<Edge> edges, int columns, List<String> selfLoops) {

    /** At most this many neurons are drawn per layer; a larger layer shows both ends and an ellipsis. */
    public static final int NEURON_CAP = 12;
    /** Neurons drawn at each end of an elided layer. */
    static final int ELIDED_END = 5;

    public static final DiagramModel EMPTY = new DiagramModel(List.of(), List.of(), 0, List.of());

    public DiagramModel {
        layers = List.copyOf(layers);
        edges = List.copyOf(edges);
        selfLoops = List.copyOf(selfLoops);
    }

    /**
     * @param units      neurons (values per example) flowing out, or -1 when unknown (not compiled)
     * @param shape      the output shape as the compiler names it ("3", "14x14x8"), or "" when unknown
     * @param parameters trainable parameters, or -1 when unknown
     * @param detail     a short technical note (the activation), or ""
     * @param frozen     frozen for fine-tuning: training leaves its parameters as they are
     */
    public record Layer(String id, LayerType type, int column, int row, int rowsInColumn,
                        long units, String shape, long parameters, String detail, boolean frozen) {

        /** Whether the layer has more neurons than are drawn. */
        public boolean elided() {
            return units > NEURON_CAP;
        }

        /** Slots down the column: one per drawn neuron, plus one for the ellipsis. */
        public int slots() {
            if (units < 0) return 1;
            return elided() ? 2 * ELIDED_END + 1 : (int) units;
        }

        /** The slot that holds the ellipsis, or -1. */
        public int ellipsisSlot() {
            if (units < 0) return 0;
            return elided() ? ELIDED_END : -1;
        }

        /** Circles drawn. */
        public int drawnNeurons() {
            return slots() - (ellipsisSlot() >= 0 ? 1 : 0);
        }
    }

    /** A forward connection; {@code tensor} is what flows along it per example ("2", "14x14x8"). */
    public record Edge(String from, String to, String tensor) {}

    public Layer layer(String id) {
        return layers.stream().filter(l -> l.id().equals(id)).findFirst().orElseThrow();
    }

    /**
     * @param infos what the compiler reported per layer; empty when the network did not compile,
     *              in which case sizes come from the layer properties where they say them
     */
    public static DiagramModel of(NetworkSpec net, Map<String, LayerInfo> infos) {
        Map<String, Integer> column = columns(net);
        Map<Integer, Integer> perColumn = new HashMap<>();
        column.values().forEach(c -> perColumn.merge(c, 1, Integer::sum));
        Map<Integer, Integer> nextRow = new HashMap<>();
        List<Layer> layers = new ArrayList<>();
        for (LayerSpec l : net.layers()) {
            int c = column.get(l.id());
            int row = nextRow.merge(c, 1, Integer::sum) - 1;
            LayerInfo info = infos.get(l.id());
            long units = info != null ? info.outputSize() : declaredUnits(l);
            String shape = info != null ? info.outputShape() : units > 0 ? String.valueOf(units) : "";
            long params = info != null ? info.parameterCount() : -1;
            String detail = l.type().property("activation").isPresent() ? l.stringValue("activation") : "";
            layers.add(new Layer(l.id(), l.type(), c, row, perColumn.get(c), units, shape, params, detail, l.frozen()));
        }
        Map<String, Layer> byId = new HashMap<>();
        layers.forEach(l -> byId.put(l.id(), l));
        List<Edge> edges = new ArrayList<>();
        List<String> selfLoops = new ArrayList<>();
        for (EdgeSpec e : net.edges()) {
            if (e.feedback() && e.from().equals(e.to()) && byId.containsKey(e.from()) && !selfLoops.contains(e.from())) {
                selfLoops.add(e.from());
            }
            if (e.feedback() || !byId.containsKey(e.from()) || !byId.containsKey(e.to())) continue;
            edges.add(new Edge(e.from(), e.to(), byId.get(e.from()).shape()));
        }
        int columns = column.values().stream().mapToInt(Integer::intValue).max().orElse(-1) + 1;
        return new DiagramModel(layers, edges, columns, selfLoops);
    }

    /** Longest distance from a source along forward edges; forward edges run earlier to later in file order. */
    private static Map<String, Integer> columns(NetworkSpec net) {
        Map<String, Integer> column = new HashMap<>();
        for (LayerSpec l : net.layers()) {
            int c = 0;
            for (EdgeSpec in : net.inputsOf(l.id())) {
                Integer from = column.get(in.from());
                if (from != null) c = Math.max(c, from + 1);
            }
            column.put(l.id(), c);
        }
        return column;
    }

    private static long declaredUnits(LayerSpec l) {
        if (l.type() == LayerType.INPUT) {
            long hwc = (long) l.intValue("height") * l.intValue("width") * Math.max(1, l.intValue("channels"));
            return hwc > 0 ? hwc : l.intValue("size");
        }
        return l.type().property("units").isPresent() ? l.intValue("units") : -1;
    }
}
