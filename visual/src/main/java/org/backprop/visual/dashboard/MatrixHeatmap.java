package org.backprop.visual.dashboard;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import org.backprop.visual.i18n.VisualText;

/**
 * One layer's weight-gradient matrix, outputs (rows) x inputs (columns), with its colour scale:
 * signed values in blue (positive) and orange (negative) against a robust ±scale; a matrix too
 * large for the panel is reduced to blocks of mean |gradient| (unsigned, white to blue), and the
 * caption says so. One pixel per cell, scaled up without smoothing.
 */
public final class MatrixHeatmap extends CanvasRegion {
    private static final Font FONT = Font.font(11);
    private static final Color TEXT = Color.web("#4b5563");
    private static final Color FAINT = Color.web("#9ca3af");
    private static final double SCALE_HEIGHT = 34;
    private static final double AXIS = 16;

    private final ObjectProperty<LayerMatrix> matrix = new SimpleObjectProperty<>(this, "matrix");
    private final String placeholder;
    private LayerMatrix shown;
    private double x0, y0, cellW, cellH;

    public MatrixHeatmap(String placeholder) {
        this.placeholder = placeholder;
        getStyleClass().add("matrix-heatmap");
        setMinSize(120, 100);
        setPrefSize(260, 220);
        matrix.addListener((o, a, b) -> draw());
    }

    public ObjectProperty<LayerMatrix> matrixProperty() { return matrix; }


    @Override
    protected void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.clearRect(0, 0, w, h);
        LayerMatrix m = matrix.get();
        g.setFont(FONT);
        if (m == null) {
            shown = null;
            g.setFill(FAINT);
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.CENTER);
            g.fillText(placeholder, w / 2, h / 2);
            return;
        }
        x0 = AXIS;
        y0 = 0;
        double plotW = Math.max(1, w - x0 - 2);
        double plotH = Math.max(1, h - SCALE_HEIGHT - AXIS);
        // At least two screen pixels per cell; larger matrices become blocks of mean |g|.
        int limit = (int) Math.max(8, Math.min(96, Math.min(plotW, plotH) / 2));
        shown = m.magnitudes() ? m : m.reduced(limit);
        // Keep cells square-ish: a tall matrix does not stretch across the whole width.
        double cell = Math.min(plotW / shown.inputs(), plotH / shown.outputs());
        double aspect = 3; // cells at most 3:1
        cellW = Math.min(plotW / shown.inputs(), cell * aspect);
        cellH = Math.min(plotH / shown.outputs(), cell * aspect);
        double drawW = cellW * shown.inputs();
        double drawH = cellH * shown.outputs();

        double scale = shown.magnitudes() ? shown.maxAbs() : shown.robustScale();
        WritableImage img = new WritableImage(shown.inputs(), shown.outputs());
        PixelWriter px = img.getPixelWriter();
        for (int o = 0; o < shown.outputs(); o++) {
            for (int i = 0; i < shown.inputs(); i++) {
                px.setArgb(i, o, ColourScale.diverging(shown.get(o, i), scale));
            }
        }
        g.setImageSmoothing(false);
        g.drawImage(img, 0, 0, shown.inputs(), shown.outputs(), x0, y0, drawW, drawH);
        g.setStroke(Color.web("#d1d5db"));
        g.setLineWidth(1);
        g.strokeRect(Math.round(x0) - 0.5, Math.round(y0) + 0.5, Math.round(drawW) + 1, Math.round(drawH));

        // Axis names.
        g.setFill(TEXT);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        g.fillText(VisualText.format("matrix.inputs", m.sourceInputs()), x0, y0 + drawH + 2);
        g.save();
        g.translate(AXIS - 3, y0 + drawH / 2);
        g.rotate(-90);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.BOTTOM);
        g.fillText(VisualText.format("matrix.outputs", m.sourceOutputs()), 0, 0);
        g.restore();

        // The scale: -s .. 0 .. +s, or 0 .. s for magnitudes.
        double sy = y0 + drawH + AXIS + 4;
        String caption = VisualText.get(shown.magnitudes() ? "matrix.scale.blocks" : "matrix.scale.signed");
        double captionW = GridHeatmap.textWidth(caption, FONT);
        double sw = Math.max(60, Math.min(200, w - x0 - captionW - 14));
        // One image for the bar (a fill per pixel column would be hundreds of canvas commands).
        double lo = shown.magnitudes() ? 0 : -scale;
        int bar = Math.max(2, (int) sw);
        WritableImage strip = new WritableImage(bar, 2);
        for (int k = 0; k < bar; k++) {
            int argb = ColourScale.diverging(lo + (scale - lo) * k / (bar - 1.0), scale);
            strip.getPixelWriter().setArgb(k, 0, argb);
            strip.getPixelWriter().setArgb(k, 1, argb);
        }
        g.setImageSmoothing(false);
        g.drawImage(strip, x0, sy, sw, 8);
        g.setStroke(Color.web("#d1d5db"));
        g.strokeRect(Math.round(x0) + 0.5, Math.round(sy) + 0.5, Math.round(sw) - 1, 7);
        g.setFill(TEXT);
        g.setTextBaseline(VPos.TOP);
        g.setTextAlign(TextAlignment.LEFT);
        g.fillText(shown.magnitudes() ? "0" : Numbers.compact(-scale), x0, sy + 10);
        g.setTextAlign(TextAlignment.RIGHT);
        g.fillText(Numbers.compact(scale), x0 + sw, sy + 10);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(caption, x0 + sw + 8, sy + 4);
    }

    @Override
    protected String describe(double x, double y) {
        if (shown == null || cellW <= 0) return "";
        int i = (int) Math.floor((x - x0) / cellW);
        int o = (int) Math.floor((y - y0) / cellH);
        if (i < 0 || o < 0 || i >= shown.inputs() || o >= shown.outputs()) return "";
        String value = Numbers.compact(shown.get(o, i));
        if (shown.magnitudes()) {
            long bo = (shown.sourceOutputs() + shown.outputs() - 1) / shown.outputs();
            long bi = (shown.sourceInputs() + shown.inputs() - 1) / shown.inputs();
            return VisualText.format("matrix.hover.block", o * bo, Math.min(shown.sourceOutputs(), (o + 1) * bo) - 1,
                    i * bi, Math.min(shown.sourceInputs(), (i + 1) * bi) - 1, value);
        }
        return VisualText.format("matrix.hover", o, i, value);
    }
}
