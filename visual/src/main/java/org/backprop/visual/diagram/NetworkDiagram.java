package org.backprop.visual.diagram;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Pos;
import javafx.scene.Group;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Line;
import javafx.scene.text.TextAlignment;
import org.backprop.visual.i18n.VisualText;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The network as columns of neurons joined by their connections. Each layer is labelled with
 * its id, type and parameter count; each edge with the tensor that flows along it. Drawn with
 * scene-graph shapes, so it is sharp at any screen scale and styled from CSS
 * ({@code network-diagram.css}).
 */
public final class NetworkDiagram extends Region {
    private static final double PAD = 20;
    private static final double TITLE_GAP = 10;
    private static final double MAX_SPACING = 46;
    private static final double MAX_RADIUS = 15;

    private final ObjectProperty<DiagramModel> model = new SimpleObjectProperty<>(this, "model", DiagramModel.EMPTY);
    private final Group synapses = new Group();
    private final Group neurons = new Group();
    private final Group labels = new Group();
    private final Label empty = new Label(VisualText.get("diagram.empty"));
    private final Map<String, LayerNodes> layerNodes = new HashMap<>();
    private final List<EdgeNodes> edgeNodes = new ArrayList<>();

    public NetworkDiagram() {
        getStyleClass().add("network-diagram");
        empty.getStyleClass().add("diagram-empty");
        synapses.setManaged(false);
        neurons.setManaged(false);
        labels.setManaged(false);
        getChildren().addAll(synapses, neurons, labels, empty);
        model.addListener((o, a, b) -> rebuild());
        setMinSize(200, 160);
        rebuild();
    }

    public ObjectProperty<DiagramModel> modelProperty() {
        return model;
    }

    public DiagramModel getModel() {
        return model.get();
    }

    public void setModel(DiagramModel m) {
        model.set(m == null ? DiagramModel.EMPTY : m);
    }

    @Override
    public String getUserAgentStylesheet() {
        return NetworkDiagram.class.getResource("network-diagram.css").toExternalForm();
    }

    /** Creates the nodes for the current model; {@link #layoutChildren()} places them. */
    private void rebuild() {
        synapses.getChildren().clear();
        neurons.getChildren().clear();
        labels.getChildren().clear();
        layerNodes.clear();
        edgeNodes.clear();
        DiagramModel m = getModel();
        empty.setVisible(m.layers().isEmpty());
        for (DiagramModel.Layer l : m.layers()) {
            LayerNodes n = new LayerNodes(l);
            layerNodes.put(l.id(), n);
            neurons.getChildren().addAll(n.circles);
            if (n.ellipsis != null) labels.getChildren().add(n.ellipsis);
            labels.getChildren().addAll(n.title, n.caption);
        }
        for (DiagramModel.Edge e : m.edges()) {
            EdgeNodes n = new EdgeNodes(e, layerNodes.get(e.from()).layer, layerNodes.get(e.to()).layer);
            edgeNodes.add(n);
            synapses.getChildren().addAll(n.lines);
            labels.getChildren().add(n.tensor);
        }
        requestLayout();
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth();
        double h = getHeight();
        double ew = empty.prefWidth(-1);
        double eh = empty.prefHeight(-1);
        empty.resizeRelocate((w - ew) / 2, (h - eh) / 2, ew, eh);
        DiagramModel m = getModel();
        if (m.layers().isEmpty()) return;
        double colWidth = (w - 2 * PAD) / m.columns();
        double titleH = layerNodes.values().stream().mapToDouble(n -> n.title.prefHeight(-1)).max().orElse(0) + TITLE_GAP;
        double captionH = layerNodes.values().stream().mapToDouble(n -> n.caption.prefHeight(-1)).max().orElse(0) + TITLE_GAP;

        // Layers alone in their column share one spacing and line up their labels.
        int sharedSlots = layerNodes.values().stream()
                .filter(n -> n.layer.rowsInColumn() == 1)
                .mapToInt(n -> n.layer.slots())
                .max().orElse(1);
        double sharedSpacing = Math.min(MAX_SPACING, (h - 2 * PAD - titleH - captionH) / sharedSlots);
        for (LayerNodes n : layerNodes.values()) {
            DiagramModel.Layer l = n.layer;
            double bandH = (h - 2 * PAD) / l.rowsInColumn();
            double bandTop = PAD + l.row() * bandH;
            double spacing = l.rowsInColumn() == 1 ? sharedSpacing
                    : Math.min(MAX_SPACING, (bandH - titleH - captionH) / l.slots());
            int extentSlots = l.rowsInColumn() == 1 ? sharedSlots : l.slots();
            spacing = Math.max(spacing, 4);
            double radius = Math.max(2.5, Math.min(Math.min(MAX_RADIUS, spacing * 0.36), colWidth * 0.12));
            n.x = PAD + colWidth * (l.column() + 0.5);
            n.centerY = bandTop + titleH + (bandH - titleH - captionH) / 2;
            n.spacing = spacing;
            for (int slot = 0, c = 0; slot < l.slots(); slot++) {
                if (slot == l.ellipsisSlot()) continue;
                Circle circle = n.circles.get(c++);
                circle.setCenterX(n.x);
                circle.setCenterY(n.slotY(slot));
                circle.setRadius(radius);
            }
            if (n.ellipsis != null) center(n.ellipsis, n.x, n.slotY(l.ellipsisSlot()));
            double half = extentSlots * spacing / 2;
            double tw = Math.min(n.title.prefWidth(-1), colWidth);
            double th = n.title.prefHeight(-1);
            n.title.resizeRelocate(n.x - tw / 2, n.centerY - half - TITLE_GAP - th, tw, th);
            double cw = Math.min(n.caption.prefWidth(-1), colWidth);
            n.caption.resizeRelocate(n.x - cw / 2, n.centerY + half + TITLE_GAP, cw, n.caption.prefHeight(cw));
        }
        for (EdgeNodes e : edgeNodes) e.place(layerNodes.get(e.edge.from()), layerNodes.get(e.edge.to()));
    }

    private static void center(Label label, double x, double y) {
        double lw = label.prefWidth(-1);
        double lh = label.prefHeight(-1);
        label.resizeRelocate(x - lw / 2, y - lh / 2, lw, lh);
    }

    /** The shapes of one layer. */
    private static final class LayerNodes {
        final DiagramModel.Layer layer;
        final List<Circle> circles = new ArrayList<>();
        final Label ellipsis;
        final Label title;
        final Label caption;
        double x;
        double centerY;
        double spacing;

        LayerNodes(DiagramModel.Layer l) {
            layer = l;
            for (int i = 0; i < l.drawnNeurons(); i++) {
                Circle c = new Circle();
                c.getStyleClass().addAll("neuron", "neuron-" + l.type().id());
                circles.add(c);
            }
            ellipsis = l.ellipsisSlot() >= 0 ? styled(new Label("\u22ee"), "neuron-ellipsis") : null;
            title = styled(new Label(l.id()), "layer-title");
            String kind = VisualText.layerType(l.type());
            String line1 = l.detail().isEmpty() ? kind : VisualText.format("diagram.caption", kind, l.detail());
            String line2 = l.parameters() > 0 ? VisualText.format("diagram.parameters", l.parameters())
                    : l.parameters() == 0 ? VisualText.get("diagram.parameters.none") : "";
            caption = styled(new Label(line2.isEmpty() ? line1 : line1 + "\n" + line2), "layer-caption");
            caption.setTextAlignment(TextAlignment.CENTER);
            caption.setAlignment(Pos.CENTER);
            title.setAlignment(Pos.CENTER);
        }

        double slotY(int slot) {
            return centerY + (slot - (layer.slots() - 1) / 2.0) * spacing;
        }
    }

    /** The connections of one edge and its tensor label. */
    private static final class EdgeNodes {
        final DiagramModel.Edge edge;
        final List<Line> lines = new ArrayList<>();
        final List<int[]> slotPairs = new ArrayList<>();
        final Label tensor;

        EdgeNodes(DiagramModel.Edge e, DiagramModel.Layer from, DiagramModel.Layer to) {
            edge = e;
            for (int a = 0; a < from.slots(); a++) {
                if (a == from.ellipsisSlot()) continue;
                for (int b = 0; b < to.slots(); b++) {
                    if (b == to.ellipsisSlot()) continue;
                    Line line = new Line();
                    line.getStyleClass().add("synapse");
                    lines.add(line);
                    slotPairs.add(new int[]{a, b});
                }
            }
            tensor = styled(new Label(e.tensor().isEmpty() ? "?" : VisualText.format("diagram.tensor", e.tensor())), "tensor-label");
        }

        void place(LayerNodes from, LayerNodes to) {
            for (int i = 0; i < lines.size(); i++) {
                int[] p = slotPairs.get(i);
                Line line = lines.get(i);
                line.setStartX(from.x);
                line.setStartY(from.slotY(p[0]));
                line.setEndX(to.x);
                line.setEndY(to.slotY(p[1]));
            }
            center(tensor, (from.x + to.x) / 2, (from.centerY + to.centerY) / 2);
        }
    }

    private static Label styled(Label label, String styleClass) {
        label.getStyleClass().add(styleClass);
        label.setManaged(false);
        return label;
    }

    /** For tests: circles drawn for a layer. */
    public int drawnNeurons(String layerId) {
        LayerNodes n = layerNodes.get(layerId);
        return n == null ? 0 : n.circles.size();
    }
}
