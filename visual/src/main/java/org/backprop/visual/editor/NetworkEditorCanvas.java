package org.backprop.visual.editor;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.css.PseudoClass;
import javafx.geometry.Point2D;
import javafx.scene.Group;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;
import javafx.scene.shape.CubicCurveTo;
import javafx.scene.shape.MoveTo;
import javafx.scene.shape.Path;
import javafx.scene.shape.Polygon;
import javafx.scene.shape.Rectangle;
import javafx.scene.transform.Scale;
import javafx.scene.transform.Translate;
import org.backprop.engine.project.LayerType;
import org.backprop.visual.i18n.VisualText;
import org.backprop.visual.fx.Presentation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The network as an editable drawing: a card per layer with an input port on its left and an
 * output port on its right, a curve per edge labelled with its tensor, and feedback edges as
 * dashed loops over the cards. It edits nothing itself: every gesture becomes one call on
 * {@link Actions} (select, move, connect, drop, delete), and the drawing follows the model it
 * is given back. Zoom (shortcut + wheel), pan (drag the background, or the wheel), fit.
 */
public final class NetworkEditorCanvas extends Region {
    public static final double CARD_WIDTH = 132;
    public static final double CARD_HEIGHT = 78;
    public static final double MIN_ZOOM = 0.25;
    public static final double MAX_ZOOM = 3;
    private static final double PORT_RADIUS = 6;
    private static final double LOOP_RISE = 46;
    private static final double DRAG_THRESHOLD = 3;
    private static final double FIT_MARGIN = 24;
    private static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");
    private static final PseudoClass PROBLEM = PseudoClass.getPseudoClass("problem");
    private static final PseudoClass TARGET = PseudoClass.getPseudoClass("drop-target");

    /** What the user asked for; the owner edits the project and hands back a new model. */
    public interface Actions {
        void select(Selection selection);

        /** New centre positions of the layers that were dragged. */
        void move(Map<String, double[]> positions);

        void connect(String from, String to);

        /** A palette type dropped at a canvas position. */
        void drop(LayerType type, double x, double y);

        /** The delete key on the drawing. */
        void delete();
    }

    private final ObjectProperty<EditorDiagram> model = new SimpleObjectProperty<>(this, "model", EditorDiagram.EMPTY);
    private final ObjectProperty<Selection> selection = new SimpleObjectProperty<>(this, "selection", Selection.NONE);
    private final ReadOnlyDoubleWrapper zoom = new ReadOnlyDoubleWrapper(this, "zoom", 1);
    private final Group world = new Group();
    private final Group linkLayer = new Group();
    private final Group cardLayer = new Group();
    /** Tensor labels sit above the cards, so that a label is never hidden behind one. */
    private final Group labelLayer = new Group();
    private final Group overlay = new Group();
    private final Scale scale = new Scale(1, 1, 0, 0);
    private final Translate pan = new Translate();
    private final Label hint = new Label(VisualText.get("editor.hint.empty"));
    private final Map<String, CardNode> cards = new LinkedHashMap<>();
    private final List<LinkNodes> links = new ArrayList<>();
    /** Positions of cards being dragged, until the model comes back with them. */
    private final Map<String, double[]> dragged = new HashMap<>();
    private final Path rubber = new Path();
    private final Rectangle band = new Rectangle();
    private Actions actions = new Actions() {
        @Override public void select(Selection s) {}
        @Override public void move(Map<String, double[]> p) {}
        @Override public void connect(String f, String t) {}
        @Override public void drop(LayerType type, double x, double y) {}
        @Override public void delete() {}
    };
    private Gesture gesture;
    private boolean fitPending;
    private double fittedWidth, fittedHeight;
    private final BooleanProperty presentation = new SimpleBooleanProperty(this, "presentation");

    public NetworkEditorCanvas() {
        // Refit at the next layout, when the window has given the canvas its new room.
        presentation.addListener((o, was, on) -> {
            fitPending = true;
            requestLayout();
        });
        getStyleClass().add("network-editor");
        setFocusTraversable(true);
        world.getTransforms().setAll(pan, scale);
        world.setManaged(false);
        world.getChildren().addAll(linkLayer, cardLayer, labelLayer, overlay);
        rubber.getStyleClass().add("rubber-link");
        rubber.setMouseTransparent(true);
        rubber.setVisible(false);
        band.getStyleClass().add("selection-band");
        band.setMouseTransparent(true);
        band.setVisible(false);
        overlay.getChildren().addAll(rubber, band);
        hint.getStyleClass().add("editor-hint");
        hint.setManaged(false);
        hint.setMouseTransparent(true);
        hint.setWrapText(true);
        getChildren().addAll(world, hint);
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(widthProperty());
        clip.heightProperty().bind(heightProperty());
        setClip(clip);
        setMinSize(200, 160);

        model.addListener((o, a, b) -> rebuild());
        selection.addListener((o, a, b) -> restyle());
        installGestures();
        rebuild();
    }

    @Override
    public String getUserAgentStylesheet() {
        return NetworkEditorCanvas.class.getResource("network-editor.css").toExternalForm();
    }

    public ObjectProperty<EditorDiagram> modelProperty() { return model; }

    public void setModel(EditorDiagram m) { model.set(m == null ? EditorDiagram.EMPTY : m); }

    public ObjectProperty<Selection> selectionProperty() { return selection; }

    /** Screen pixels per canvas unit. */
    public ReadOnlyDoubleProperty zoomProperty() { return zoom.getReadOnlyProperty(); }

    public void setActions(Actions actions) { this.actions = actions; }

    // ---- zoom and pan ------------------------------------------------------------------

    public void zoomIn() { zoomAround(zoom.get() * 1.25, getWidth() / 2, getHeight() / 2); }

    public void zoomOut() { zoomAround(zoom.get() / 1.25, getWidth() / 2, getHeight() / 2); }

    public void actualSize() { zoomAround(1, getWidth() / 2, getHeight() / 2); }

    /** Sets the zoom, keeping the canvas point under ({@code sx}, {@code sy}) where it is. */
    public void zoomAround(double factor, double sx, double sy) {
        double z = Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, factor));
        Point2D w = toWorld(sx, sy);
        setView(z, sx - w.getX() * z, sy - w.getY() * z);
    }

    /**
     * Presentation mode: fitting never shrinks the cards below {@link Presentation#READABLE_ZOOM} (a deep
     * network at 30 % cannot be read on a projector); what does not fit then starts at the input end,
     * and the teacher pans to the rest. Toggling it refits.
     */
    public BooleanProperty presentationProperty() { return presentation; }

    /** Shows the whole network, at most at 100 %; deferred until the canvas has a size. */
    public void fit() {
        if (getWidth() <= 0 || getHeight() <= 0) {
            fitPending = true;
            requestLayout();
            return;
        }
        fitPending = false;
        fittedWidth = getWidth();
        fittedHeight = getHeight();
        EditorDiagram m = model.get();
        if (m.cards().isEmpty()) {
            setView(1, getWidth() / 2 - AutoLayout.ORIGIN_X, getHeight() / 2 - AutoLayout.ORIGIN_Y);
            return;
        }
        double minX = Double.MAX_VALUE, minY = Double.MAX_VALUE, maxX = -Double.MAX_VALUE, maxY = -Double.MAX_VALUE;
        for (EditorDiagram.Card c : m.cards()) {
            minX = Math.min(minX, c.x() - CARD_WIDTH / 2 - PORT_RADIUS);
            maxX = Math.max(maxX, c.x() + CARD_WIDTH / 2 + PORT_RADIUS);
            minY = Math.min(minY, c.y() - CARD_HEIGHT / 2);
            maxY = Math.max(maxY, c.y() + CARD_HEIGHT / 2);
        }
        if (m.links().stream().anyMatch(EditorDiagram.Link::feedback)) minY -= LOOP_RISE + 30; // room for the loops
        double bw = maxX - minX + 2 * FIT_MARGIN;
        double bh = maxY - minY + 2 * FIT_MARGIN;
        double floor = presentation.get() ? Presentation.READABLE_ZOOM : MIN_ZOOM;
        double z = Math.max(floor, Math.min(1, Math.min(getWidth() / bw, getHeight() / bh)));
        double cx = (minX + maxX) / 2;
        double cy = (minY + maxY) / 2;
        // Centred where it fits; otherwise from its first (top-left) corner.
        double tx = bw * z <= getWidth() ? getWidth() / 2 - cx * z : (FIT_MARGIN - minX) * z;
        double ty = bh * z <= getHeight() ? getHeight() / 2 - cy * z : (FIT_MARGIN - minY) * z;
        setView(z, tx, ty);
    }

    private void setView(double z, double tx, double ty) {
        scale.setX(z);
        scale.setY(z);
        pan.setX(tx);
        pan.setY(ty);
        zoom.set(z);
    }

    /** Canvas coordinates of a point given in this region's coordinates. */
    public Point2D toWorld(double x, double y) {
        return new Point2D((x - pan.getX()) / scale.getX(), (y - pan.getY()) / scale.getY());
    }

    /** This region's coordinates of a canvas point. */
    public Point2D fromWorld(double x, double y) {
        return new Point2D(x * scale.getX() + pan.getX(), y * scale.getY() + pan.getY());
    }

    @Override
    protected void layoutChildren() {
        double hw = Math.min(360, getWidth() - 40);
        double hh = hint.prefHeight(hw);
        hint.resizeRelocate((getWidth() - hw) / 2, (getHeight() - hh) / 2, hw, hh);
        // Presentation mode refits when the window changes the room (panels hidden, projector size).
        boolean resized = getWidth() != fittedWidth || getHeight() != fittedHeight;
        if ((fitPending || presentation.get() && resized) && getWidth() > 0 && getHeight() > 0) fit();
        placeAll(); // labels know their size once CSS has been applied
    }

    // ---- building the drawing ----------------------------------------------------------

    private void rebuild() {
        EditorDiagram m = model.get();
        hint.setVisible(m.cards().isEmpty());
        boolean grew = !cards.isEmpty() && m.cards().stream().anyMatch(c -> !cards.containsKey(c.id()));
        Set<String> ids = new LinkedHashSet<>();
        for (EditorDiagram.Card c : m.cards()) {
            ids.add(c.id());
            CardNode n = cards.get(c.id());
            if (n == null || n.card.type() != c.type()) {
                if (n != null) cardLayer.getChildren().remove(n.root);
                n = new CardNode(c);
                cards.put(c.id(), n);
                cardLayer.getChildren().add(n.root);
            }
            n.update(c);
        }
        cards.keySet().removeIf(id -> {
            if (ids.contains(id)) return false;
            cardLayer.getChildren().remove(cards.get(id).root);
            return true;
        });
        // Card order on screen follows file order, so later layers sit on top.
        cardLayer.getChildren().setAll(m.cards().stream().map(c -> cards.get(c.id()).root).toList());
        dragged.keySet().retainAll(ids);
        linkLayer.getChildren().clear();
        labelLayer.getChildren().clear();
        links.clear();
        for (EditorDiagram.Link l : m.links()) {
            LinkNodes n = new LinkNodes(l);
            links.add(n);
            linkLayer.getChildren().addAll(n.hit, n.curve, n.arrow);
            labelLayer.getChildren().add(n.label);
        }
        placeAll();
        restyle();
        requestLayout();
        // A layer added out of sight is brought into view (the whole network, at most at 100 %).
        if (grew && !allVisible()) fit();
    }

    /** Whether every card lies inside the visible area. */
    private boolean allVisible() {
        if (getWidth() <= 0 || getHeight() <= 0) return true;
        for (String id : cards.keySet()) {
            double[] p = at(id);
            Point2D a = fromWorld(p[0] - CARD_WIDTH / 2 - PORT_RADIUS, p[1] - CARD_HEIGHT / 2);
            Point2D b = fromWorld(p[0] + CARD_WIDTH / 2 + PORT_RADIUS, p[1] + CARD_HEIGHT / 2);
            if (a.getX() < 0 || a.getY() < 0 || b.getX() > getWidth() || b.getY() > getHeight()) return false;
        }
        return true;
    }

    private void restyle() {
        Selection s = selection.get();
        cards.forEach((id, n) -> n.body.pseudoClassStateChanged(SELECTED, s.layers().contains(id)));
        for (LinkNodes n : links) {
            boolean on = s.edge() == n.link.index();
            n.curve.pseudoClassStateChanged(SELECTED, on);
            n.arrow.pseudoClassStateChanged(SELECTED, on);
            n.label.pseudoClassStateChanged(SELECTED, on);
        }
    }

    private double[] at(String id) {
        double[] d = dragged.get(id);
        if (d != null) return d;
        CardNode n = cards.get(id);
        return new double[]{n.card.x(), n.card.y()};
    }

    private void placeAll() {
        cards.forEach((id, n) -> {
            double[] p = at(id);
            // Not relocate(): a card's layout bounds include its shadow, which grows when selected.
            n.root.setLayoutX(p[0] - CARD_WIDTH / 2);
            n.root.setLayoutY(p[1] - CARD_HEIGHT / 2);
        });
        // A loop rises above the loops it spans, so that nested loops never share a line.
        for (LinkNodes n : links) {
            if (!n.link.feedback()) continue;
            double[] span = n.span();
            n.level = (int) links.stream().filter(o -> o != n && o.link.feedback()).filter(o -> {
                double[] s = o.span();
                boolean inside = s[0] >= span[0] - 1 && s[1] <= span[1] + 1;
                boolean smaller = s[1] - s[0] < span[1] - span[0] || (s[1] - s[0] == span[1] - span[0] && o.link.index() < n.link.index());
                return inside && smaller;
            }).count();
        }
        for (LinkNodes n : links) n.place();
    }

    /** One layer's card: a styled body with three lines of text, and two ports. */
    private final class CardNode {
        final Group root = new Group();
        final Region body = new Region();
        final Label title = new Label();
        final Label kind = new Label();
        final Label shape = new Label();
        final Label params = new Label();
        final Circle in = new Circle(PORT_RADIUS);
        final Circle out = new Circle(PORT_RADIUS);
        EditorDiagram.Card card;

        CardNode(EditorDiagram.Card c) {
            card = c;
            body.getStyleClass().addAll("layer-card", "layer-card-" + c.type().id());
            body.setPrefSize(CARD_WIDTH, CARD_HEIGHT);
            VBox text = new VBox(title, kind, shape, params);
            text.getStyleClass().add("layer-card-text");
            text.setMouseTransparent(true);
            text.resizeRelocate(0, 0, CARD_WIDTH, CARD_HEIGHT);
            text.setPrefSize(CARD_WIDTH, CARD_HEIGHT);
            title.getStyleClass().add("layer-card-title");
            kind.getStyleClass().add("layer-card-kind");
            shape.getStyleClass().add("layer-card-sizes");
            params.getStyleClass().addAll("layer-card-sizes", "layer-card-params");
            for (Label l : List.of(title, kind, shape, params)) l.setMaxWidth(CARD_WIDTH - 22);
            in.getStyleClass().addAll("port", "port-in");
            out.getStyleClass().addAll("port", "port-out");
            in.setCenterX(0);
            in.setCenterY(CARD_HEIGHT / 2);
            out.setCenterX(CARD_WIDTH);
            out.setCenterY(CARD_HEIGHT / 2);
            root.getChildren().addAll(body, text, in, out);
            root.getStyleClass().add("layer-card-group");
            root.setId("layer-card-" + c.id());
            body.setId("card-" + c.id());
            in.setId("port-in-" + c.id());
            out.setId("port-out-" + c.id());
            body.setOnMousePressed(e -> pressCard(this, e));
            body.setOnMouseDragged(e -> dragCard(e));
            body.setOnMouseReleased(e -> releaseCard(this, e));
            out.setOnMousePressed(e -> startLink(this, true, e));
            in.setOnMousePressed(e -> startLink(this, false, e));
            for (Circle port : List.of(in, out)) {
                port.setOnMouseDragged(e -> dragLink(e));
                port.setOnMouseReleased(e -> endLink(e));
            }
        }

        void update(EditorDiagram.Card c) {
            card = c;
            title.setText(c.id());
            String type = VisualText.layerType(c.type());
            String caption = c.detail().isEmpty() ? type : VisualText.format("diagram.caption", type, c.detail());
            kind.setText(c.frozen() ? VisualText.format("editor.card.frozen", caption) : caption);
            shape.setText(VisualText.format("editor.card.out", c.shape().isEmpty() ? "?" : VisualText.shape(c.shape())));
            params.setText(c.parameters() < 0 ? VisualText.get("editor.card.params.unknown")
                    : c.parameters() == 0 ? VisualText.get("diagram.parameters.none")
                    : VisualText.format("diagram.parameters", c.parameters()));
            body.pseudoClassStateChanged(PROBLEM, c.problem());
        }

        boolean contains(double wx, double wy) {
            double[] p = at(card.id());
            return Math.abs(wx - p[0]) <= CARD_WIDTH / 2 + PORT_RADIUS && Math.abs(wy - p[1]) <= CARD_HEIGHT / 2;
        }
    }

    /** One edge: a curve, a wider invisible curve to click on, an arrowhead and the tensor label. */
    private final class LinkNodes {
        final EditorDiagram.Link link;
        final Path curve = new Path();
        final Path hit = new Path();
        final Polygon arrow = new Polygon();
        final Label label = new Label();
        /** "batch × 128" where it fits between the cards, else "128". */
        final String longText;
        final String shortText;
        int level;

        LinkNodes(EditorDiagram.Link l) {
            link = l;
            String kind = l.feedback() ? "link-feedback" : "link-forward";
            curve.getStyleClass().addAll("link", kind);
            curve.setMouseTransparent(true);
            arrow.getStyleClass().addAll("link-arrow", kind);
            arrow.setMouseTransparent(true);
            hit.setStroke(Color.TRANSPARENT);
            hit.setStrokeWidth(14);
            hit.setFill(null);
            hit.setId("link-" + l.from() + "-" + l.to());
            hit.getStyleClass().add("link-hit");
            hit.setOnMousePressed(e -> {
                if (e.getButton() != MouseButton.PRIMARY && e.getButton() != MouseButton.SECONDARY) return;
                requestFocus();
                actions.select(Selection.edge(link.index()));
                e.consume();
            });
            String tensor = l.tensor().isEmpty() ? "?" : VisualText.shape(l.tensor());
            longText = l.feedback() ? VisualText.format("editor.link.feedback", tensor) : VisualText.format("diagram.tensor", tensor);
            shortText = l.feedback() ? longText : tensor;
            label.setText(longText);
            label.getStyleClass().addAll("link-label", kind);
            label.setMouseTransparent(true);
            label.setManaged(false);
            if (l.problem()) {
                curve.pseudoClassStateChanged(PROBLEM, true);
                label.pseudoClassStateChanged(PROBLEM, true);
            }
        }

        /** Left and right x of the cards a loop joins. */
        double[] span() {
            double a = at(link.from())[0];
            double b = at(link.to())[0];
            return new double[]{Math.min(a, b), Math.max(a, b)};
        }

        void place() {
            double[] a = at(link.from());
            double[] b = at(link.to());
            double sx = a[0] + CARD_WIDTH / 2, sy = a[1];
            double ex = b[0] - CARD_WIDTH / 2, ey = b[1];
            curve.getElements().clear();
            double lx, ly, c2x, c2y;
            if (!link.feedback()) {
                double dx = Math.max(40, Math.abs(ex - sx) / 2);
                double c1x = sx + dx;
                c2x = ex - dx;
                c2y = ey;
                curve.getElements().addAll(new MoveTo(sx, sy), new CubicCurveTo(c1x, sy, c2x, c2y, ex, ey));
                lx = (sx + 3 * c1x + 3 * c2x + ex) / 8;
                ly = (sy + 3 * sy + 3 * c2y + ey) / 8;
            } else {
                // Up from the source's output, over the cards, down into the target's input: a loop.
                double top = Math.min(a[1], b[1]) - CARD_HEIGHT / 2 - LOOP_RISE - level * 26;
                double reach = 54 + level * 12;
                double mid = (sx + ex) / 2;
                c2x = ex - reach;
                c2y = ey;
                curve.getElements().addAll(new MoveTo(sx, sy),
                        new CubicCurveTo(sx + reach, sy, sx + reach, top, mid, top),
                        new CubicCurveTo(c2x, top, c2x, c2y, ex, ey));
                lx = mid;
                ly = top;
            }
            hit.getElements().setAll(curve.getElements());
            // Arrowhead at the target's input, along the curve's last tangent.
            double ux = ex - c2x, uy = ey - c2y;
            double len = Math.hypot(ux, uy);
            if (len < 1e-6) { ux = 1; uy = 0; } else { ux /= len; uy /= len; }
            double size = 9;
            double bx = ex - ux * size, by = ey - uy * size;
            arrow.getPoints().setAll(ex - ux * PORT_RADIUS * 0.2, ey - uy * PORT_RADIUS * 0.2,
                    bx - uy * size * 0.5, by + ux * size * 0.5,
                    bx + uy * size * 0.5, by - ux * size * 0.5);
            if (!link.feedback()) {
                label.setText(longText);
                if (label.prefWidth(-1) > Math.abs(ex - sx) - PORT_RADIUS) label.setText(shortText); // may cover half of each port
            }
            double w = label.prefWidth(-1);
            double h = label.prefHeight(-1);
            label.resizeRelocate(lx - w / 2, ly - h / 2, w, h);
        }
    }

    // ---- gestures ----------------------------------------------------------------------

    private abstract static class Gesture {
        final double startX;
        final double startY;
        boolean moved;

        Gesture(MouseEvent e) {
            startX = e.getSceneX();
            startY = e.getSceneY();
        }

        boolean beyondThreshold(MouseEvent e) {
            if (!moved) moved = Math.hypot(e.getSceneX() - startX, e.getSceneY() - startY) > DRAG_THRESHOLD;
            return moved;
        }
    }

    private static final class MoveGesture extends Gesture {
        final Map<String, double[]> from = new LinkedHashMap<>();
        final String pressed;
        final boolean wasSelected;

        MoveGesture(MouseEvent e, String pressed, boolean wasSelected) {
            super(e);
            this.pressed = pressed;
            this.wasSelected = wasSelected;
        }
    }

    private static final class LinkGesture extends Gesture {
        final CardNode anchor;
        final boolean fromOutput;
        CardNode target;

        LinkGesture(MouseEvent e, CardNode anchor, boolean fromOutput) {
            super(e);
            this.anchor = anchor;
            this.fromOutput = fromOutput;
        }
    }

    private static final class PanGesture extends Gesture {
        final double panX;
        final double panY;

        PanGesture(MouseEvent e, double panX, double panY) {
            super(e);
            this.panX = panX;
            this.panY = panY;
        }
    }

    private static final class BandGesture extends Gesture {
        final Point2D origin;

        BandGesture(MouseEvent e, Point2D origin) {
            super(e);
            this.origin = origin;
        }
    }

    private Point2D worldOf(MouseEvent e) {
        Point2D local = sceneToLocal(e.getSceneX(), e.getSceneY());
        return toWorld(local.getX(), local.getY());
    }

    private void pressCard(CardNode n, MouseEvent e) {
        String id = n.card.id();
        if (e.getButton() == MouseButton.SECONDARY) {
            // A context menu acts on what was clicked: pick it, unless it is part of the selection.
            requestFocus();
            if (!selection.get().layers().contains(id)) actions.select(Selection.layer(id));
            return;
        }
        if (e.getButton() != MouseButton.PRIMARY) return;
        requestFocus();
        Set<String> now = new LinkedHashSet<>(selection.get().layers());
        boolean wasSelected = now.contains(id);
        if (e.isShortcutDown() || e.isShiftDown()) {
            if (!now.remove(id)) now.add(id);
            actions.select(Selection.layers(now));
            gesture = null;
            e.consume();
            return;
        }
        if (!wasSelected) actions.select(Selection.layer(id));
        MoveGesture g = new MoveGesture(e, id, wasSelected);
        for (String s : selection.get().layers()) if (cards.containsKey(s)) g.from.put(s, at(s));
        if (!g.from.containsKey(id)) g.from.put(id, at(id));
        gesture = g;
        e.consume();
    }

    private void dragCard(MouseEvent e) {
        if (!(gesture instanceof MoveGesture g) || !g.beyondThreshold(e)) return;
        double dx = (e.getSceneX() - g.startX) / scale.getX();
        double dy = (e.getSceneY() - g.startY) / scale.getY();
        g.from.forEach((id, p) -> dragged.put(id, new double[]{p[0] + dx, p[1] + dy}));
        placeAll();
        e.consume();
    }

    private void releaseCard(CardNode n, MouseEvent e) {
        if (!(gesture instanceof MoveGesture g)) return;
        gesture = null;
        e.consume();
        if (g.moved) {
            Map<String, double[]> to = new LinkedHashMap<>();
            g.from.keySet().forEach(id -> {
                double[] p = dragged.get(id);
                if (p != null) to.put(id, new double[]{Math.rint(p[0]), Math.rint(p[1])});
            });
            actions.move(to);
            dragged.clear();
            placeAll();
        } else if (g.wasSelected && selection.get().layers().size() > 1) {
            actions.select(Selection.layer(n.card.id())); // a click inside a group picks one
        }
    }

    private void startLink(CardNode n, boolean fromOutput, MouseEvent e) {
        if (e.getButton() != MouseButton.PRIMARY) return;
        requestFocus();
        gesture = new LinkGesture(e, n, fromOutput);
        e.consume();
    }

    private void dragLink(MouseEvent e) {
        if (!(gesture instanceof LinkGesture g)) return;
        e.consume();
        if (!g.beyondThreshold(e)) return;
        Point2D w = worldOf(e);
        double[] a = at(g.anchor.card.id());
        double px = a[0] + (g.fromOutput ? CARD_WIDTH / 2 : -CARD_WIDTH / 2);
        double py = a[1];
        double dx = Math.max(40, Math.abs(w.getX() - px) / 2) * (g.fromOutput ? 1 : -1);
        rubber.getElements().setAll(new MoveTo(px, py), new CubicCurveTo(px + dx, py, w.getX() - dx, w.getY(), w.getX(), w.getY()));
        rubber.setVisible(true);
        CardNode over = cardAt(w.getX(), w.getY());
        if (over != g.target) {
            if (g.target != null) g.target.body.pseudoClassStateChanged(TARGET, false);
            g.target = over;
            if (over != null) over.body.pseudoClassStateChanged(TARGET, true);
        }
    }

    private void endLink(MouseEvent e) {
        if (!(gesture instanceof LinkGesture g)) return;
        gesture = null;
        e.consume();
        rubber.setVisible(false);
        if (g.target != null) g.target.body.pseudoClassStateChanged(TARGET, false);
        if (!g.moved) return;
        Point2D w = worldOf(e);
        CardNode over = cardAt(w.getX(), w.getY());
        if (over == null) return;
        String anchor = g.anchor.card.id();
        String other = over.card.id();
        if (g.fromOutput) actions.connect(anchor, other);
        else actions.connect(other, anchor);
    }

    private CardNode cardAt(double wx, double wy) {
        List<CardNode> all = new ArrayList<>(cards.values());
        for (int i = all.size() - 1; i >= 0; i--) if (all.get(i).contains(wx, wy)) return all.get(i);
        return null;
    }

    private void installGestures() {
        addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
            if (e.isConsumed()) return;
            requestFocus();
            if (e.getButton() == MouseButton.PRIMARY && e.isShiftDown()) {
                gesture = new BandGesture(e, worldOf(e));
            } else {
                if (e.getButton() == MouseButton.PRIMARY && !e.isShortcutDown()) actions.select(Selection.NONE);
                gesture = new PanGesture(e, pan.getX(), pan.getY());
            }
            e.consume();
        });
        addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> {
            if (gesture instanceof PanGesture g && g.beyondThreshold(e)) {
                pan.setX(g.panX + e.getSceneX() - g.startX);
                pan.setY(g.panY + e.getSceneY() - g.startY);
            } else if (gesture instanceof BandGesture g && g.beyondThreshold(e)) {
                Point2D w = worldOf(e);
                band.setX(Math.min(g.origin.getX(), w.getX()));
                band.setY(Math.min(g.origin.getY(), w.getY()));
                band.setWidth(Math.abs(w.getX() - g.origin.getX()));
                band.setHeight(Math.abs(w.getY() - g.origin.getY()));
                band.setVisible(true);
            }
        });
        addEventHandler(MouseEvent.MOUSE_RELEASED, e -> {
            if (gesture instanceof BandGesture g && g.moved) {
                Set<String> picked = new LinkedHashSet<>(selection.get().layers());
                for (CardNode n : cards.values()) {
                    double[] p = at(n.card.id());
                    if (band.getBoundsInParent().contains(p[0], p[1])) picked.add(n.card.id());
                }
                band.setVisible(false);
                actions.select(Selection.layers(picked));
            }
            if (gesture instanceof PanGesture || gesture instanceof BandGesture) gesture = null;
        });
        addEventHandler(ScrollEvent.SCROLL, e -> {
            if (e.isShortcutDown()) {
                if (e.getDeltaY() == 0) return;
                Point2D local = sceneToLocal(e.getSceneX(), e.getSceneY());
                zoomAround(zoom.get() * (e.getDeltaY() > 0 ? 1.1 : 1 / 1.1), local.getX(), local.getY());
            } else {
                double dx = e.isShiftDown() && e.getDeltaX() == 0 ? e.getDeltaY() : e.getDeltaX();
                double dy = e.isShiftDown() && e.getDeltaX() == 0 ? 0 : e.getDeltaY();
                pan.setX(pan.getX() + dx);
                pan.setY(pan.getY() + dy);
            }
            e.consume();
        });
        setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.DELETE || e.getCode() == KeyCode.BACK_SPACE) {
                actions.delete();
                e.consume();
            } else if (e.getCode() == KeyCode.ESCAPE) {
                actions.select(Selection.NONE);
                e.consume();
            }
        });
        setOnDragOver(e -> {
            if (e.getDragboard().hasContent(LayerPalette.LAYER_TYPE)) {
                e.acceptTransferModes(TransferMode.COPY);
                e.consume();
            }
        });
        setOnDragDropped(e -> {
            Object id = e.getDragboard().getContent(LayerPalette.LAYER_TYPE);
            var type = LayerType.fromId(id == null ? null : id.toString());
            if (type.isPresent()) {
                Point2D local = sceneToLocal(e.getSceneX(), e.getSceneY());
                Point2D w = toWorld(local.getX(), local.getY());
                actions.drop(type.get(), Math.rint(w.getX()), Math.rint(w.getY()));
            }
            e.setDropCompleted(type.isPresent());
            e.consume();
        });
    }
}
