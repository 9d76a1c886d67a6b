package org.backprop.visual.dashboard;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import org.backprop.visual.fx.Presentation;
import org.backprop.visual.i18n.VisualText;

/**
 * The colour bar of a {@link ColourScale}, left (cold) to right (hot), with a tick at every whole
 * decade and, when the scale has one, the healthy band bracketed above the bar and named
 * ("healthy: 1e-4 to 1e-2, DL4J's guidance").
 */
public final class ColourLegend extends CanvasRegion {
    private static final double FONT_SIZE = 11;
    private static final double HEIGHT = 50;
    private static final Color TEXT = Color.web("#4b5563");
    private static final Color BAND = Color.web("#15803d");

    private final ObjectProperty<ColourScale> scale = new SimpleObjectProperty<>(this, "scale", new ColourScale(-6, 0, null));
    private final ObjectProperty<String> title = new SimpleObjectProperty<>(this, "title", "");
    private final BooleanProperty frozen = new SimpleBooleanProperty(this, "frozen", false);

    public ColourLegend() {
        getStyleClass().add("colour-legend");
        fitHeight(false);
        scale.addListener((o, a, b) -> draw());
        title.addListener((o, a, b) -> draw());
        frozen.addListener((o, a, b) -> draw());
    }

    /** Whether to explain the frozen layers' hatching (set while the heatmap shows one). */
    public BooleanProperty frozenProperty() { return frozen; }

    public ObjectProperty<ColourScale> scaleProperty() { return scale; }

    /** What the colours measure ("log10 update:parameter ratio"). */
    public ObjectProperty<String> titleProperty() { return title; }

    @Override
    protected void presentationChanged(boolean on) {
        fitHeight(on);
        draw();
    }

    /** Room for the title, the bar and the ticks at the mode's type size. */
    private void fitHeight(boolean on) {
        double h = Presentation.font(HEIGHT, on);
        setMinHeight(h);
        setPrefHeight(h);
        setMaxHeight(h);
    }

    @Override
    protected void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.clearRect(0, 0, w, h);
        ColourScale s = scale.get();
        boolean on = presenting();
        // Rows at the mode's type size: title (and frozen key) on top, the bar under it, ticks below.
        double k = Presentation.font(HEIGHT, on) / HEIGHT;
        Font font = Font.font(Presentation.font(FONT_SIZE, on));
        g.setFont(font);
        g.setTextBaseline(VPos.TOP);
        g.setTextAlign(TextAlignment.LEFT);
        g.setFill(TEXT);
        double titleW = GridHeatmap.textWidth(title.get(), font) + 16;
        if (frozen.get()) {
            // Under the title: the hatched swatch and what it means.
            GridHeatmap.hatch(g, 0, 20 * k, 18 * k, 10 * k);
            g.setFill(TEXT);
            g.fillText(VisualText.get("legend.frozen"), 24 * k, 19 * k);
            titleW = Math.max(titleW, 24 * k + GridHeatmap.textWidth(VisualText.get("legend.frozen"), font) + 16);
        }
        double left = Math.min(titleW, w * 0.45);
        // Narrower than the bar's start (large type in presentation mode): the title is squeezed, not drawn under the band's label.
        g.setFill(TEXT);
        g.fillText(title.get(), 0, 0, Math.max(1, left - 8));
        double barW = Math.max(40, w - left - 14);
        double barY = 20 * k;
        double barH = 10 * k;
        // The bar: one image (a fill per pixel column would be hundreds of canvas commands). Two rows
        // and no smoothing: the software pipeline smooths a one-row image with garbage from beyond it.
        WritableImage strip = new WritableImage(256, 2);
        for (int i = 0; i < 256; i++) {
            strip.getPixelWriter().setArgb(i, 0, ColourScale.ramp(i / 255.0));
            strip.getPixelWriter().setArgb(i, 1, ColourScale.ramp(i / 255.0));
        }
        g.setImageSmoothing(false);
        g.drawImage(strip, left, barY, barW, barH);
        g.setStroke(Color.web("#d1d5db"));
        g.setLineWidth(Presentation.line(1, on));
        g.strokeRect(Math.round(left) + 0.5, barY + 0.5, Math.round(barW) - 1, barH - 1);
        // Decade ticks; thinned out when crowded.
        g.setFill(TEXT);
        g.setTextAlign(TextAlignment.CENTER);
        int decades = (int) Math.round(s.high() - s.low());
        int step = Math.max(1, (int) Math.ceil(decades / Math.max(1, barW / (44 * k))));
        for (double e = Math.ceil(s.low()); e <= s.high(); e += step) {
            double x = left + s.fraction(e) * (barW - 1);
            g.setStroke(TEXT);
            g.strokeLine(Math.round(x) + 0.5, barY + barH, Math.round(x) + 0.5, barY + barH + 3 * k);
            g.fillText(Numbers.decade(e), x, barY + barH + 4 * k);
        }
        ColourScale.Band band = s.band();
        if (band != null) {
            double a = left + s.fraction(band.low()) * (barW - 1);
            double b = left + s.fraction(band.high()) * (barW - 1);
            double c = left + s.fraction(band.centre()) * (barW - 1);
            g.setStroke(BAND);
            g.setLineWidth(Presentation.line(1.5, on));
            double y = barY - 3 * k;
            g.strokeLine(a, y, b, y);
            g.strokeLine(a, y, a, barY + 1);
            g.strokeLine(b, y, b, barY + 1);
            g.strokeLine(c, barY - 1, c, barY + barH + 1);
            g.setFill(BAND);
            g.setTextBaseline(VPos.BOTTOM);
            g.fillText(VisualText.get("legend.healthy"), (a + b) / 2, y - 1);
        }
    }
}
