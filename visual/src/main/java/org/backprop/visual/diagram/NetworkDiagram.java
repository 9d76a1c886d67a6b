package org.backprop.visual.diagram;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.css.PseudoClass;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Pos;
import javafx.scene.Group;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.geometry.Point2D;
import javafx.scene.shape.Circle;
import javafx.scene.shape.CubicCurve;
import javafx.scene.shape.Line;
import javafx.scene.shape.Shape;
import javafx.scene.text.TextAlignment;
import org.backprop.visual.i18n.VisualText;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The network as columns of neurons joined by their connections. Each layer is labelled with
 * its id, type and parameter count; each edge with the tensor that flows along it. Drawn with
 * scene-graph shapes, so it is sharp at any screen scale and styled from CSS
 * ({@code network-diagram.css}).
 *
 * <p>An {@link DiagramOverlay} marks neurons and connections on top (style classes
 * {@code focus}, {@code selected}, {@code involved}, {@code chain}; the rest {@code dimmed})
 * and writes numbers beside them. A layer with a self-loop (an Elman layer) shows its recurrent
 * connections as curves left of its column, from each unit's previous time step into each unit.
 */
public final class NetworkDiagram extends Region {
    private static final double PAD = 20;
    private static final double TITLE_GAP = 10;
    /** Largest neuron spacing per pixel of largest radius. */
    private static final double SPACING_PER_RADIUS = 46.0 / 15;
    private static final PseudoClass PRESENTATION = PseudoClass.getPseudoClass("presentation");
    private static final List<String> EMPHASIS_CLASSES = Arrays.stream(DiagramOverlay.Emphasis.values())
            .map(DiagramOverlay.Emphasis::styleClass).toList();

    private final ObjectProperty<DiagramModel> model = new SimpleObjectProperty<>(this, "model", DiagramModel.EMPTY);
    private final ObjectProperty<DiagramOverlay> overlay = new SimpleObjectProperty<>(this, "overlay", DiagramOverlay.NONE);
    private final DoubleProperty maxNeuronRadius = new SimpleDoubleProperty(this, "maxNeuronRadius", 15);
    private final BooleanProperty presentation = new SimpleBooleanProperty(this, "presentation");
    private final Group synapses = new Group();
    private final Group neurons = new Group();
    private final Group labels = new Group();
    private final Group overlayLabels = new Group();
    private final List<OverlayLabel> overlayLabelNodes = new ArrayList<>();
    private final Label empty = new Label(VisualText.get("diagram.empty"));
    private final Map<String, LayerNodes> layerNodes = new HashMap<>();
    private final List<EdgeNodes> edgeNodes = new ArrayList<>();
    private final List<LoopNodes> loopNodes = new ArrayList<>();

    public NetworkDiagram() {
        getStyleClass().add("network-diagram");
        empty.getStyleClass().add("diagram-empty");
        synapses.setManaged(false);
        neurons.setManaged(false);
        labels.setManaged(false);
        overlayLabels.setManaged(false);
        getChildren().addAll(synapses, neurons, labels, overlayLabels, empty);
        model.addListener((o, a, b) -> rebuild());
        overlay.addListener((o, a, b) -> applyOverlay());
        maxNeuronRadius.addListener((o, a, b) -> requestLayout());
        // Thick lines and large labels come from network-diagram.css's :presentation rules.
        presentation.addListener((o, a, on) -> pseudoClassStateChanged(PRESENTATION, on));
        setMinSize(200, 160);
        rebuild();
    }

    /** Presentation mode: thick lines, large labels, high contrast (the {@code :presentation} pseudo-class). */
    public BooleanProperty presentationProperty() {
        return presentation;
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

    /** The radius neurons grow to where there is room (15 by default; larger for a classroom). */
    public DoubleProperty maxNeuronRadiusProperty() {
        return maxNeuronRadius;
    }

    public void setMaxNeuronRadius(double r) {
        maxNeuronRadius.set(r);
    }

    /** What to mark on top of the network; {@link DiagramOverlay#NONE} for nothing. */
    public ObjectProperty<DiagramOverlay> overlayProperty() {
        return overlay;
    }

    public DiagramOverlay getOverlay() {
        return overlay.get();
    }

    public void setOverlay(DiagramOverlay o) {
        overlay.set(o == null ? DiagramOverlay.NONE : o);
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
        loopNodes.clear();
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
        for (String id : m.selfLoops()) {
            LoopNodes n = new LoopNodes(layerNodes.get(id).layer);
            loopNodes.add(n);
            synapses.getChildren().addAll(n.curves);
        }
        applyOverlay();
    }

    // ---- overlay --------------------------------------------------------------------------

    /** Sets the shapes' style classes and makes the number labels; {@link #layoutChildren()} places them. */
    private void applyOverlay() {
        DiagramOverlay o = getOverlay();
        boolean dim = !o.isEmpty();
        for (LayerNodes n : layerNodes.values()) {
            for (int c = 0; c < n.circles.size(); c++) {
                mark(n.circles.get(c), o.neurons().get(new DiagramOverlay.Neuron(n.layer.id(), n.unitOfCircle(c))), dim);
            }
        }
        for (EdgeNodes e : edgeNodes) {
            for (int i = 0; i < e.lines.size(); i++) mark(e.lines.get(i), o.synapses().get(e.synapse(i)), dim);
        }
        for (LoopNodes l : loopNodes) {
            for (int i = 0; i < l.curves.size(); i++) mark(l.curves.get(i), o.synapses().get(l.synapse(i)), dim);
        }
        overlayLabels.getChildren().clear();
        overlayLabelNodes.clear();
        o.values().forEach((n, text) -> addLabel(n, null, text, "value-label"));
        o.gradients().forEach((n, text) -> addLabel(n, null, text, "gradient-label"));
        o.weights().forEach((s, text) -> addLabel(null, s, text, "weight-label"));
        o.badges().forEach((layer, text) -> {
            Label l = styled(new Label(text), "layer-badge");
            overlayLabels.getChildren().add(l);
            overlayLabelNodes.add(new OverlayLabel(l, null, null, layer));
        });
        requestLayout();
    }

    private static void mark(Shape shape, DiagramOverlay.Emphasis e, boolean dim) {
        shape.getStyleClass().removeAll(EMPHASIS_CLASSES);
        shape.getStyleClass().remove("dimmed");
        if (e != null) shape.getStyleClass().add(e.styleClass());
        else if (dim) shape.getStyleClass().add("dimmed");
    }

    private void addLabel(DiagramOverlay.Neuron neuron, DiagramOverlay.Synapse synapse, String text, String styleClass) {
        Label l = styled(new Label(text), styleClass);
        overlayLabels.getChildren().add(l);
        overlayLabelNodes.add(new OverlayLabel(l, neuron, synapse, null));
    }

    private void placeOverlayLabels() {
        Map<String, Integer> labelledInto = new HashMap<>();
        Map<String, Integer> labelledOutOf = new HashMap<>();
        for (DiagramOverlay.Synapse s : getOverlay().weights().keySet()) {
            labelledInto.merge(s.to() + "/" + s.toUnit(), 1, Integer::sum);
            labelledOutOf.merge(s.from() + "/" + s.fromUnit(), 1, Integer::sum);
        }
        for (OverlayLabel ol : overlayLabelNodes) {
            double lw = ol.label.prefWidth(-1);
            double lh = ol.label.prefHeight(-1);
            if (ol.badgeOf != null) {
                // Above the layer's title, centred on its column.
                LayerNodes n = layerNodes.get(ol.badgeOf);
                ol.label.setVisible(n != null);
                if (n != null) ol.label.resizeRelocate(n.x - lw / 2, n.title.getLayoutY() - lh - 2, lw, lh);
            } else if (ol.neuron != null) {
                Circle c = circle(ol.neuron);
                ol.label.setVisible(c != null);
                if (c == null) continue;
                // Values sit to the upper right of the neuron, gradients to the lower right.
                boolean below = ol.label.getStyleClass().contains("gradient-label");
                double x = c.getCenterX() + c.getRadius() * 0.7;
                double y = below ? c.getCenterY() + c.getRadius() * 0.55 : c.getCenterY() - c.getRadius() * 0.55 - lh;
                ol.label.resizeRelocate(x, y, lw, lh);
            } else if (ol.synapse.from().equals(ol.synapse.to())) {
                Point2D at = loopPoint(ol.synapse);
                ol.label.setVisible(at != null);
                if (at != null) ol.label.resizeRelocate(at.getX() - lw - 2, at.getY() - lh / 2, lw, lh);
            } else {
                Line line = line(ol.synapse);
                ol.label.setVisible(line != null);
                if (line == null) continue;
                // Labels on connections that meet at one neuron sit away from it, where the lines fan out.
                DiagramOverlay.Synapse s = ol.synapse;
                boolean converge = labelledInto.get(s.to() + "/" + s.toUnit()) > 1;
                boolean diverge = labelledOutOf.get(s.from() + "/" + s.fromUnit()) > 1;
                double t = converge == diverge ? 0.5 : converge ? 0.35 : 0.65;
                double x = line.getStartX() + t * (line.getEndX() - line.getStartX());
                double y = line.getStartY() + t * (line.getEndY() - line.getStartY());
                ol.label.resizeRelocate(x - lw / 2, y - lh / 2, lw, lh);
            }
        }
    }

    private Circle circle(DiagramOverlay.Neuron n) {
        LayerNodes nodes = layerNodes.get(n.layer());
        return nodes == null ? null : nodes.circleOfUnit(n.unit());
    }

    /** The outermost point of a self-loop connection's curve, or null when it is not drawn. */
    private Point2D loopPoint(DiagramOverlay.Synapse s) {
        CubicCurve c = curve(s);
        if (c == null) return null;
        return new Point2D(0.125 * c.getStartX() + 0.375 * c.getControlX1() + 0.375 * c.getControlX2() + 0.125 * c.getEndX(),
                0.125 * c.getStartY() + 0.375 * c.getControlY1() + 0.375 * c.getControlY2() + 0.125 * c.getEndY());
    }

    private CubicCurve curve(DiagramOverlay.Synapse s) {
        for (LoopNodes l : loopNodes) {
            if (!l.layer.id().equals(s.from()) || !s.from().equals(s.to())) continue;
            for (int i = 0; i < l.curves.size(); i++) if (l.synapse(i).equals(s)) return l.curves.get(i);
        }
        return null;
    }

    /** For tests: the emphasis a connection (a self-loop one too) is drawn with; empty when plain or not drawn. */
    public Optional<DiagramOverlay.Emphasis> drawnEmphasis(DiagramOverlay.Synapse s) {
        Shape shape = s.from().equals(s.to()) ? curve(s) : line(s);
        if (shape == null) return Optional.empty();
        return Arrays.stream(DiagramOverlay.Emphasis.values()).filter(e -> shape.getStyleClass().contains(e.styleClass())).findFirst();
    }

    /** For tests: the text of the badge above a layer, or empty. */
    public Optional<String> badge(String layer) {
        return overlayLabelNodes.stream().filter(o -> layer.equals(o.badgeOf)).map(o -> o.label.getText()).findFirst();
    }

    private Line line(DiagramOverlay.Synapse s) {
        for (EdgeNodes e : edgeNodes) {
            if (!e.edge.from().equals(s.from()) || !e.edge.to().equals(s.to())) continue;
            for (int i = 0; i < e.lines.size(); i++) if (e.synapse(i).equals(s)) return e.lines.get(i);
        }
        return null;
    }

    /**
     * The connection drawn within {@code tolerance} pixels of a point in this node's coordinates,
     * the nearest if several are; for clicking a weight.
     */
    public Optional<DiagramOverlay.Synapse> synapseAt(double x, double y, double tolerance) {
        DiagramOverlay.Synapse best = null;
        double bestDistance = tolerance;
        for (EdgeNodes e : edgeNodes) {
            for (int i = 0; i < e.lines.size(); i++) {
                Line l = e.lines.get(i);
                double d = distanceToSegment(x, y, l.getStartX(), l.getStartY(), l.getEndX(), l.getEndY());
                if (d <= bestDistance) {
                    bestDistance = d;
                    best = e.synapse(i);
                }
            }
        }
        for (LoopNodes l : loopNodes) {
            for (int i = 0; i < l.curves.size(); i++) {
                double d = distanceToCurve(x, y, l.curves.get(i));
                if (d <= bestDistance) {
                    bestDistance = d;
                    best = l.synapse(i);
                }
            }
        }
        return Optional.ofNullable(best);
    }

    /** For tests: the outermost point of a self-loop connection's curve, or empty when it is not drawn. */
    public Optional<Point2D> loopCurvePoint(DiagramOverlay.Synapse s) {
        return Optional.ofNullable(loopPoint(s));
    }

    /** Distance to a cubic Bezier, along a polyline of it: fine enough at the tolerance of a click. */
    private static double distanceToCurve(double px, double py, CubicCurve c) {
        final int pieces = 24;
        double best = Double.POSITIVE_INFINITY;
        double ax = c.getStartX();
        double ay = c.getStartY();
        for (int k = 1; k <= pieces; k++) {
            double t = (double) k / pieces;
            double u = 1 - t;
            double bx = u * u * u * c.getStartX() + 3 * u * u * t * c.getControlX1() + 3 * u * t * t * c.getControlX2() + t * t * t * c.getEndX();
            double by = u * u * u * c.getStartY() + 3 * u * u * t * c.getControlY1() + 3 * u * t * t * c.getControlY2() + t * t * t * c.getEndY();
            best = Math.min(best, distanceToSegment(px, py, ax, ay, bx, by));
            ax = bx;
            ay = by;
        }
        return best;
    }

    /** For tests: the emphasis a neuron is drawn with, read back from its shape; empty when plain or not drawn. */
    public Optional<DiagramOverlay.Emphasis> drawnEmphasis(DiagramOverlay.Neuron n) {
        Circle c = circle(n);
        if (c == null) return Optional.empty();
        return Arrays.stream(DiagramOverlay.Emphasis.values()).filter(e -> c.getStyleClass().contains(e.styleClass())).findFirst();
    }

    /** For tests: where a connection is drawn, as {startX, startY, endX, endY}, or empty. */
    public Optional<double[]> synapseLine(DiagramOverlay.Synapse s) {
        Line l = line(s);
        return l == null ? Optional.empty() : Optional.of(new double[]{l.getStartX(), l.getStartY(), l.getEndX(), l.getEndY()});
    }

    private static double distanceToSegment(double px, double py, double ax, double ay, double bx, double by) {
        double dx = bx - ax;
        double dy = by - ay;
        double len2 = dx * dx + dy * dy;
        double t = len2 == 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len2));
        double cx = ax + t * dx - px;
        double cy = ay + t * dy - py;
        return Math.sqrt(cx * cx + cy * cy);
    }

    /** The unit a slot shows: slots count down the column, an elided layer skipping its middle. */
    private static int unitOfSlot(DiagramModel.Layer l, int slot) {
        if (!l.elided() || slot < l.ellipsisSlot()) return slot;
        return (int) (l.units() - (l.slots() - slot));
    }

    /** A number beside a neuron or on a connection, or a badge above a layer ({@code badgeOf}). */
    private record OverlayLabel(Label label, DiagramOverlay.Neuron neuron, DiagramOverlay.Synapse synapse, String badgeOf) {}

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
        double maxRadius = maxNeuronRadius.get();
        double maxSpacing = maxRadius * SPACING_PER_RADIUS;
        double sharedSpacing = Math.min(maxSpacing, (h - 2 * PAD - titleH - captionH) / sharedSlots);
        for (LayerNodes n : layerNodes.values()) {
            DiagramModel.Layer l = n.layer;
            double bandH = (h - 2 * PAD) / l.rowsInColumn();
            double bandTop = PAD + l.row() * bandH;
            double spacing = l.rowsInColumn() == 1 ? sharedSpacing
                    : Math.min(maxSpacing, (bandH - titleH - captionH) / l.slots());
            int extentSlots = l.rowsInColumn() == 1 ? sharedSlots : l.slots();
            spacing = Math.max(spacing, 4);
            double radius = Math.max(2.5, Math.min(Math.min(maxRadius, spacing * 0.36), colWidth * 0.12));
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
            n.radius = radius;
            if (n.ellipsis != null) center(n.ellipsis, n.x, n.slotY(l.ellipsisSlot()));
            double half = extentSlots * spacing / 2;
            double tw = Math.min(n.title.prefWidth(-1), colWidth);
            double th = n.title.prefHeight(-1);
            n.title.resizeRelocate(n.x - tw / 2, n.centerY - half - TITLE_GAP - th, tw, th);
            double cw = Math.min(n.caption.prefWidth(-1), colWidth);
            n.caption.resizeRelocate(n.x - cw / 2, n.centerY + half + TITLE_GAP, cw, n.caption.prefHeight(cw));
        }
        for (EdgeNodes e : edgeNodes) e.place(layerNodes.get(e.edge.from()), layerNodes.get(e.edge.to()));
        for (LoopNodes l : loopNodes) l.place(layerNodes.get(l.layer.id()));
        placeOverlayLabels();
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
        double radius;

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

        int unitOfCircle(int circle) {
            int slot = layer.ellipsisSlot() >= 0 && circle >= layer.ellipsisSlot() ? circle + 1 : circle;
            return unitOfSlot(layer, slot);
        }

        Circle circleOfUnit(int unit) {
            for (int c = 0; c < circles.size(); c++) if (unitOfCircle(c) == unit) return circles.get(c);
            return null;
        }
    }

    /** The connections of one edge and its tensor label. */
    private static final class EdgeNodes {
        final DiagramModel.Edge edge;
        final List<Line> lines = new ArrayList<>();
        final List<int[]> slotPairs = new ArrayList<>();
        final Label tensor;
        final DiagramModel.Layer fromLayer;
        final DiagramModel.Layer toLayer;

        EdgeNodes(DiagramModel.Edge e, DiagramModel.Layer from, DiagramModel.Layer to) {
            edge = e;
            fromLayer = from;
            toLayer = to;
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
            tensor = styled(new Label(e.tensor().isEmpty() ? "?" : VisualText.format("diagram.tensor", VisualText.shape(e.tensor()))), "tensor-label");
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

        DiagramOverlay.Synapse synapse(int line) {
            int[] p = slotPairs.get(line);
            return new DiagramOverlay.Synapse(edge.from(), unitOfSlot(fromLayer, p[0]), edge.to(), unitOfSlot(toLayer, p[1]));
        }
    }

    /**
     * The self-loop connections of one layer, as curves out to the left of its column and back (the
     * right holds the value labels):
     * from each drawn unit (its value at the previous time step) into each drawn unit. A layer of
     * more than {@link #ALL_PAIRS} drawn units shows only each unit's loop into itself.
     */
    private static final class LoopNodes {
        static final int ALL_PAIRS = 4;
        final DiagramModel.Layer layer;
        final List<CubicCurve> curves = new ArrayList<>();
        final List<int[]> slotPairs = new ArrayList<>();

        LoopNodes(DiagramModel.Layer l) {
            layer = l;
            boolean allPairs = l.drawnNeurons() <= ALL_PAIRS;
            for (int a = 0; a < l.slots(); a++) {
                if (a == l.ellipsisSlot()) continue;
                for (int b = 0; b < l.slots(); b++) {
                    if (b == l.ellipsisSlot() || (!allPairs && a != b)) continue;
                    CubicCurve c = new CubicCurve();
                    c.setFill(null);
                    c.getStyleClass().addAll("synapse", "recurrent-synapse");
                    curves.add(c);
                    slotPairs.add(new int[]{a, b});
                }
            }
        }

        void place(LayerNodes n) {
            for (int i = 0; i < curves.size(); i++) {
                int a = slotPairs.get(i)[0];
                int b = slotPairs.get(i)[1];
                CubicCurve c = curves.get(i);
                double x = n.x - n.radius;
                double ya = n.slotY(a);
                double yb = n.slotY(b);
                // Farther-apart units loop wider, so that the curves of one layer do not lie on top of each other.
                double reach = n.radius * 1.5 + n.spacing * 0.3 * (1 + Math.abs(a - b));
                double lift = a == b ? n.radius * 0.9 : 0;
                c.setStartX(x);
                c.setStartY(ya - lift * 0.6);
                c.setEndX(x);
                c.setEndY(yb + lift * 0.6);
                c.setControlX1(x - reach);
                c.setControlY1(ya - lift * 1.6);
                c.setControlX2(x - reach);
                c.setControlY2(yb + lift * 1.6);
            }
        }

        DiagramOverlay.Synapse synapse(int curve) {
            int[] p = slotPairs.get(curve);
            return new DiagramOverlay.Synapse(layer.id(), unitOfSlot(layer, p[0]), layer.id(), unitOfSlot(layer, p[1]));
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
