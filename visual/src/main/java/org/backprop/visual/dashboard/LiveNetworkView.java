package org.backprop.visual.dashboard;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import org.backprop.visual.diagram.DiagramModel;
import org.backprop.visual.fx.Presentation;
import org.backprop.visual.i18n.VisualText;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The network while it trains: every drawn connection coloured and thickened by its weight or
 * its gradient ({@link EdgeStyling}), on a canvas (a few hundred lines redraw in well under a
 * millisecond). Layers larger than the diagram's neuron cap show their first and last units, as
 * in the network diagram. Hovering a connection names it and gives its value.
 */
public final class LiveNetworkView extends CanvasRegion {
    private static final double PAD = 18;
    private static final double TITLE = 18;
    private static final double FONT_SIZE = 12;
    private static final double SMALL_SIZE = 10;
    private static final Color TEXT = Color.web("#374151");
    private static final Color NEURON = Color.web("#ffffff");
    private static final Color NEURON_STROKE = Color.web("#6b7280");
    private static final Color UNSTYLED = Color.web("#d1d5db");
    /** Connections into a frozen layer: grey and dashed whatever their value, since they never change. */
    private static final Color FROZEN = Color.web("#9ca3af");
    private static final double[] FROZEN_DASHES = {4, 4};

    /** One drawn connection, for drawing and hit-testing. */
    private record Segment(String from, String to, int in, int out, double x1, double y1, double x2, double y2,
                           EdgeStyling.Style style, boolean frozen) {}

    private final ObjectProperty<DiagramModel> model = new SimpleObjectProperty<>(this, "model", DiagramModel.EMPTY);
    private final ObjectProperty<EdgeStyling> styling = new SimpleObjectProperty<>(this, "styling", EdgeStyling.NONE);
    private final List<Segment> segments = new ArrayList<>();

    public LiveNetworkView() {
        getStyleClass().add("live-network");
        setMinSize(160, 120);
        setPrefSize(360, 260);
        model.addListener((o, a, b) -> draw());
        styling.addListener((o, a, b) -> draw());
    }

    public ObjectProperty<DiagramModel> modelProperty() { return model; }

    public ObjectProperty<EdgeStyling> stylingProperty() { return styling; }



    /** The width an unstyled connection is drawn with now (tests). */
    public double baseLineWidth() { return Presentation.line(0.8, presenting()); }

    /** Connections drawn with a value (tests). */
    public long styledConnections() {
        return segments.stream().filter(s -> s.style() != null).count();
    }

    /** Connections drawn as frozen: those into a frozen layer (tests). */
    public long frozenConnections() {
        return segments.stream().filter(Segment::frozen).count();
    }



    @Override
    protected void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.clearRect(0, 0, w, h);
        segments.clear();
        DiagramModel m = model.get();
        if (m.layers().isEmpty() || m.columns() == 0) return;
        double colW = (w - 2 * PAD) / m.columns();
        Map<String, double[]> xs = new HashMap<>();     // layer -> {x}
        Map<String, double[]> ys = new HashMap<>();     // layer -> y per slot
        double radius = 6;
        for (DiagramModel.Layer l : m.layers()) {
            double bandH = (h - 2 * PAD - TITLE) / l.rowsInColumn();
            double top = PAD + TITLE + l.row() * bandH;
            double spacing = Math.min(34, bandH / Math.max(1, l.slots()));
            radius = Math.min(radius, Math.max(2.5, spacing * 0.3));
            double centre = top + bandH / 2;
            double[] y = new double[l.slots()];
            for (int s = 0; s < l.slots(); s++) y[s] = centre + (s - (l.slots() - 1) / 2.0) * spacing;
            xs.put(l.id(), new double[]{PAD + colW * (l.column() + 0.5)});
            ys.put(l.id(), y);
        }
        EdgeStyling st = styling.get();
        for (DiagramModel.Edge e : m.edges()) {
            DiagramModel.Layer from = m.layer(e.from());
            DiagramModel.Layer to = m.layer(e.to());
            double xa = xs.get(from.id())[0];
            double xb = xs.get(to.id())[0];
            for (int a = 0; a < from.slots(); a++) {
                if (a == from.ellipsisSlot()) continue;
                for (int b = 0; b < to.slots(); b++) {
                    if (b == to.ellipsisSlot()) continue;
                    int in = unit(from, a);
                    int out = unit(to, b);
                    EdgeStyling.Style style = to.frozen() ? null : st.style(to.id(), out, in).orElse(null);
                    segments.add(new Segment(from.id(), to.id(), in, out, xa, ys.get(from.id())[a], xb, ys.get(to.id())[b],
                            style, to.frozen()));
                }
            }
        }
        // Strong connections on top of weak ones.
        segments.sort(Comparator.comparingDouble(s -> s.style() == null ? -1 : s.style().width()));
        boolean on = presenting();
        g.setLineCap(StrokeLineCap.ROUND);
        for (Segment s : segments) {
            g.setStroke(s.frozen() ? FROZEN : s.style() == null ? UNSTYLED : s.style().colour());
            g.setLineWidth(s.style() == null ? baseLineWidth() : Presentation.line(s.style().width(), on));
            g.setLineDashes(s.frozen() ? FROZEN_DASHES : null);
            g.strokeLine(s.x1(), s.y1(), s.x2(), s.y2());
        }
        g.setLineDashes(null);
        g.setTextAlign(TextAlignment.CENTER);
        for (DiagramModel.Layer l : m.layers()) {
            double x = xs.get(l.id())[0];
            double[] y = ys.get(l.id());
            for (int s = 0; s < l.slots(); s++) {
                if (s == l.ellipsisSlot()) {
                    g.setFill(on ? Color.BLACK : TEXT);
                    g.setFont(Font.font(Presentation.font(SMALL_SIZE, on)));
                    g.setTextBaseline(VPos.CENTER);
                    g.fillText("\u22ee", x, y[s]);
                    continue;
                }
                g.setFill(NEURON);
                g.fillOval(x - radius, y[s] - radius, 2 * radius, 2 * radius);
                g.setStroke(on ? Color.BLACK : NEURON_STROKE);
                g.setLineWidth(Presentation.line(1, on));
                g.strokeOval(x - radius, y[s] - radius, 2 * radius, 2 * radius);
            }
            g.setFill(on ? Color.BLACK : TEXT);
            g.setFont(Font.font(Presentation.font(FONT_SIZE, on)));
            g.setTextBaseline(VPos.BOTTOM);
            String label = l.frozen() ? VisualText.format("network.frozen.layer", l.id()) : l.id();
            g.fillText(label, x, Math.max(TITLE + 2, y[0] - radius - 4));
        }
    }

    /** The unit a drawn slot stands for: the first units, then (after the ellipsis) the last ones. */
    static int unit(DiagramModel.Layer l, int slot) {
        int e = l.ellipsisSlot();
        if (e < 0 || slot < e) return slot;
        return (int) (l.units() - (l.slots() - slot));
    }

    @Override
    protected String describe(double x, double y) {
        Segment best = null;
        double bestD = 5;
        for (Segment s : segments) {
            double d = distance(x, y, s);
            if (d <= bestD) {
                bestD = d;
                best = s;
            }
        }
        if (best == null) return "";
        if (best.frozen()) return VisualText.format("network.hover.frozen", best.from(), best.in(), best.to(), best.out());
        String value = best.style() == null ? VisualText.get("network.hover.unknown") : Numbers.compact(best.style().value());
        String key = styling.get().mode() == EdgeStyling.Mode.GRADIENT ? "network.hover.gradient" : "network.hover.weight";
        return VisualText.format(key, best.from(), best.in(), best.to(), best.out(), value);
    }

    private static double distance(double px, double py, Segment s) {
        double dx = s.x2() - s.x1();
        double dy = s.y2() - s.y1();
        double len2 = dx * dx + dy * dy;
        double t = len2 == 0 ? 0 : Math.max(0, Math.min(1, ((px - s.x1()) * dx + (py - s.y1()) * dy) / len2));
        double cx = s.x1() + t * dx;
        double cy = s.y1() + t * dy;
        return Math.hypot(px - cx, py - cy);
    }
}
