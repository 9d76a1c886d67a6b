package org.backprop.visual.dashboard;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import org.backprop.visual.fx.Presentation;
import org.backprop.visual.i18n.VisualText;

import java.util.List;

/**
 * For a 2-D data set: the model's output over the plane as a smooth heatmap (orange for the first
 * class, blue for the second, white where it is undecided, as TensorFlow Playground draws it; one
 * hue per class beyond two), the decision boundary as a line, and the training points (filled)
 * and test points (hollow). Updated from model snapshots, a few times a second.
 */
public final class DecisionBoundaryView extends CanvasRegion {
    static final Color[] CLASS_COLOURS = {
            Color.web("#ea580c"), Color.web("#2563eb"), Color.web("#16a34a"), Color.web("#9333ea"),
            Color.web("#db2777"), Color.web("#0891b2"), Color.web("#ca8a04"), Color.web("#4b5563"),
            Color.web("#dc2626"), Color.web("#0d9488")};
    private static final double FONT_SIZE = 11;
    private static final Color TEXT = Color.web("#4b5563");
    private static final double PAD = 6;
    private static final double AXIS = 16;

    private final ObjectProperty<DecisionSurface> surface = new SimpleObjectProperty<>(this, "surface");
    private final String placeholder;
    // Plot geometry of the last drawing: data -> pixels.
    private double px0, py0, pw, ph, dx0, dx1, dy0, dy1;

    public DecisionBoundaryView(String placeholder) {
        this.placeholder = placeholder;
        getStyleClass().add("decision-boundary");
        setMinSize(120, 120);
        setPrefSize(300, 300);
        surface.addListener((o, a, b) -> draw());
    }

    public ObjectProperty<DecisionSurface> surfaceProperty() { return surface; }


    @Override
    protected void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.clearRect(0, 0, w, h);
        DecisionSurface s = surface.get();
        boolean on = presenting();
        double axis = Presentation.font(AXIS, on);
        g.setFont(Font.font(Presentation.font(FONT_SIZE, on)));
        if (s == null) {
            pw = 0;
            g.setFill(Color.web("#9ca3af"));
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.CENTER);
            g.fillText(placeholder, w / 2, h / 2);
            return;
        }
        // A square plot: the plane is not stretched.
        double side = Math.max(10, Math.min(w - 2 * PAD - axis, h - 2 * PAD - 2 * axis));
        px0 = Math.round(PAD + axis + (w - 2 * PAD - axis - side) / 2);
        py0 = Math.round(PAD);
        pw = side;
        ph = side;
        // Each grid value is the centre of one image pixel: the image spans half a step beyond.
        double hx = (s.xMax() - s.xMin()) / Math.max(1, s.nx() - 1) / 2;
        double hy = (s.yMax() - s.yMin()) / Math.max(1, s.ny() - 1) / 2;
        dx0 = s.xMin() - hx;
        dx1 = s.xMax() + hx;
        dy0 = s.yMin() - hy;
        dy1 = s.yMax() + hy;

        WritableImage img = new WritableImage(s.nx(), s.ny());
        PixelWriter pxw = img.getPixelWriter();
        double[] range = targetRange(s);
        for (int iy = 0; iy < s.ny(); iy++) {
            for (int ix = 0; ix < s.nx(); ix++) pxw.setArgb(ix, s.ny() - 1 - iy, argb(background(s, ix, iy, range)));
        }
        g.setImageSmoothing(true);
        g.drawImage(img, px0, py0, pw, ph);

        // Decision boundary.
        g.setStroke(Color.web("#111827"));
        g.setLineWidth(Presentation.line(1.6, on));
        g.setLineCap(StrokeLineCap.ROUND);
        for (double[] f : s.boundaryFields()) {
            for (double[] seg : MarchingSquares.segments(f, s.nx(), s.ny(), 0)) {
                g.strokeLine(gridX(s, seg[0]), gridY(s, seg[1]), gridX(s, seg[2]), gridY(s, seg[3]));
            }
        }
        // Points: test hollow under training filled.
        drawPoints(g, s, s.test(), false, range, on);
        drawPoints(g, s, s.train(), true, range, on);

        g.setStroke(Color.web("#d1d5db"));
        g.setLineWidth(Presentation.line(1, on));
        g.strokeRect(px0 + 0.5, py0 + 0.5, pw - 1, ph - 1);
        g.setFill(TEXT);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        g.fillText(VisualText.get("boundary.x1"), px0 + pw / 2, py0 + ph + 2);
        g.save();
        g.translate(px0 - 4, py0 + ph / 2);
        g.rotate(-90);
        g.setTextBaseline(VPos.BOTTOM);
        g.fillText(VisualText.get("boundary.x2"), 0, 0);
        g.restore();
        // The key sits under the plot, clear of the points.
        g.setTextAlign(TextAlignment.CENTER);
        g.fillText(VisualText.get("boundary.legend"), px0 + pw / 2, py0 + ph + axis + 1);
    }

    private void drawPoints(GraphicsContext g, DecisionSurface s, DecisionSurface.Points p, boolean filled, double[] range, boolean on) {
        // Presentation mode: points and their rims as much larger as the type, so they read from the back.
        double r = (p.size() > 600 ? 2.2 : 3.2) * (on ? Presentation.FONT_SCALE : 1);
        g.setLineWidth(Presentation.line(filled ? 0.8 : 1.3, on));
        for (int i = 0; i < p.size(); i++) {
            double x = toX(p.x()[i]);
            double y = toY(p.y()[i]);
            if (x < px0 || x > px0 + pw || y < py0 || y > py0 + ph) continue;
            Color c = pointColour(s, p.target()[i], range);
            if (filled) {
                g.setFill(c);
                g.fillOval(x - r, y - r, 2 * r, 2 * r);
                g.setStroke(Color.WHITE);
            } else {
                g.setFill(Color.WHITE);
                g.fillOval(x - r, y - r, 2 * r, 2 * r);
                g.setStroke(c);
            }
            g.strokeOval(x - r, y - r, 2 * r, 2 * r);
        }
    }

    private static Color pointColour(DecisionSurface s, double target, double[] range) {
        if (s.kind() == DecisionSurface.Kind.REGRESSION) {
            double f = (target - range[0]) / (range[1] - range[0]);
            return mix(Color.web("#ea580c"), Color.web("#2563eb"), f);
        }
        return CLASS_COLOURS[(int) target % CLASS_COLOURS.length];
    }

    /** The surface's colour at a grid point: the class hue, paler the less sure the model is. */
    private static Color background(DecisionSurface s, int ix, int iy, double[] range) {
        switch (s.kind()) {
            case BINARY -> {
                double p = s.probability(ix, iy);
                double t = Math.min(1, Math.abs(p - 0.5) * 2);
                return mix(Color.WHITE, p >= 0.5 ? CLASS_COLOURS[1] : CLASS_COLOURS[0], 0.08 + 0.5 * t);
            }
            case MULTICLASS -> {
                int c = s.predicted(ix, iy);
                double conf = s.value(ix, iy, c);
                double chance = 1.0 / s.outputs();
                double t = Math.max(0, Math.min(1, (conf - chance) / (1 - chance)));
                return mix(Color.WHITE, CLASS_COLOURS[c % CLASS_COLOURS.length], 0.08 + 0.5 * t);
            }
            default -> {
                double f = (s.value(ix, iy, 0) - range[0]) / (range[1] - range[0]);
                return mix(Color.WHITE, mix(Color.web("#ea580c"), Color.web("#2563eb"), f), 0.55);
            }
        }
    }

    private static double[] targetRange(DecisionSurface s) {
        if (s.kind() != DecisionSurface.Kind.REGRESSION) return new double[]{0, 1};
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (double t : s.train().target()) { lo = Math.min(lo, t); hi = Math.max(hi, t); }
        if (!(hi > lo)) { lo -= 1; hi += 1; }
        return new double[]{lo, hi};
    }

    private static Color mix(Color a, Color b, double t) {
        t = Math.max(0, Math.min(1, t));
        return Color.color(a.getRed() + (b.getRed() - a.getRed()) * t, a.getGreen() + (b.getGreen() - a.getGreen()) * t,
                a.getBlue() + (b.getBlue() - a.getBlue()) * t);
    }

    private static int argb(Color c) {
        return 0xff000000 | (int) Math.round(c.getRed() * 255) << 16 | (int) Math.round(c.getGreen() * 255) << 8
                | (int) Math.round(c.getBlue() * 255);
    }

    private double toX(double x) { return px0 + (x - dx0) / (dx1 - dx0) * pw; }

    private double toY(double y) { return py0 + ph - (y - dy0) / (dy1 - dy0) * ph; }

    private double gridX(DecisionSurface s, double gx) { return toX(s.xMin() + (s.xMax() - s.xMin()) * gx / Math.max(1, s.nx() - 1)); }

    private double gridY(DecisionSurface s, double gy) { return toY(s.yMin() + (s.yMax() - s.yMin()) * gy / Math.max(1, s.ny() - 1)); }

    @Override
    protected String describe(double x, double y) {
        DecisionSurface s = surface.get();
        if (s == null || pw <= 0 || x < px0 || x > px0 + pw || y < py0 || y > py0 + ph) return "";
        double dx = dx0 + (x - px0) / pw * (dx1 - dx0);
        double dy = dy0 + (py0 + ph - y) / ph * (dy1 - dy0);
        int ix = (int) Math.round((dx - s.xMin()) / (s.xMax() - s.xMin()) * (s.nx() - 1));
        int iy = (int) Math.round((dy - s.yMin()) / (s.yMax() - s.yMin()) * (s.ny() - 1));
        ix = Math.max(0, Math.min(s.nx() - 1, ix));
        iy = Math.max(0, Math.min(s.ny() - 1, iy));
        String at = VisualText.format("boundary.hover.at", Numbers.compact(dx), Numbers.compact(dy));
        return switch (s.kind()) {
            case BINARY -> at + VisualText.format("boundary.hover.binary", s.classes().get(1), Numbers.compact(s.probability(ix, iy)));
            case MULTICLASS -> {
                int c = s.predicted(ix, iy);
                yield at + VisualText.format("boundary.hover.class", s.classes().get(c), Numbers.compact(s.value(ix, iy, c)));
            }
            case REGRESSION -> at + VisualText.format("boundary.hover.value", Numbers.compact(s.value(ix, iy, 0)));
        };
    }

    /** Shared with the confusion matrix, so a class has one colour everywhere. */
    static List<Color> classColours() {
        return List.of(CLASS_COLOURS);
    }
}
