package org.backprop.visual.dashboard;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;
import org.backprop.visual.fx.Presentation;
import org.backprop.visual.i18n.VisualText;

/**
 * The confusion matrix of the test part (true class down, predicted class across, each cell
 * shaded by its share of the true class and labelled with its count), and beside it each class's
 * accuracy as a bar.
 */
public final class ConfusionMatrixView extends CanvasRegion {
    private static final double FONT_SIZE = 11;
    private static final Color TEXT = Color.web("#374151");
    private static final Color RIGHT = Color.web("#2563eb");
    private static final Color WRONG = Color.web("#ea580c");
    private static final double BARS = 96;

    private final ObjectProperty<ConfusionMatrix> matrix = new SimpleObjectProperty<>(this, "matrix");
    private final String placeholder;

    public ConfusionMatrixView(String placeholder) {
        this.placeholder = placeholder;
        getStyleClass().add("confusion-matrix");
        setMinSize(160, 120);
        setPrefSize(320, 260);
        matrix.addListener((o, a, b) -> draw());
    }

    public ObjectProperty<ConfusionMatrix> matrixProperty() { return matrix; }

    @Override
    protected void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.clearRect(0, 0, w, h);
        ConfusionMatrix m = matrix.get();
        boolean on = presenting();
        double k = Presentation.font(FONT_SIZE, on) / FONT_SIZE;
        Font font = Font.font(FONT_SIZE * k);
        Font bold = Font.font(null, FontWeight.BOLD, FONT_SIZE * k);
        g.setFont(font);
        if (m == null || m.size() == 0) {
            g.setFill(Color.web("#9ca3af"));
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.CENTER);
            g.fillText(placeholder, w / 2, h / 2);
            return;
        }
        int n = m.size();
        double labelW = 0;
        for (int c = 0; c < n; c++) labelW = Math.max(labelW, GridHeatmap.textWidth(rowLabel(m, c), font));
        labelW = Math.min(labelW, w * 0.3);
        double top = 44 * k;
        double left = labelW + 10;
        double bars = BARS * k;
        double side = Math.max(20, Math.min(w - left - bars - 16, h - top - 6));
        double cell = side / n;

        g.setFill(TEXT);
        g.setFont(bold);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        g.fillText(VisualText.format("confusion.title", m.accuracy() * 100), 0, 0);
        g.setFont(font);
        g.setTextAlign(TextAlignment.CENTER);
        g.fillText(VisualText.get("confusion.predicted"), left + side / 2, 17 * k);
        for (int c = 0; c < n; c++) {
            long total = m.rowTotal(c);
            for (int p = 0; p < n; p++) {
                long count = m.counts()[c][p];
                double share = total == 0 ? 0 : (double) count / total;
                Color hue = c == p ? RIGHT : WRONG;
                g.setFill(count == 0 ? Color.web("#f9fafb") : Color.color(hue.getRed(), hue.getGreen(), hue.getBlue(), 0.1 + 0.85 * share));
                g.fillRect(left + p * cell, top + c * cell, cell - 1, cell - 1);
                if (cell >= 18 * k) {
                    g.setFill(share > 0.55 ? Color.WHITE : TEXT);
                    g.setTextBaseline(VPos.CENTER);
                    g.fillText(Long.toString(count), left + (p + 0.5) * cell, top + (c + 0.5) * cell);
                }
            }
            g.setFill(TEXT);
            g.setTextAlign(TextAlignment.RIGHT);
            g.setTextBaseline(VPos.CENTER);
            g.fillText(rowLabel(m, c), left - 6, top + (c + 0.5) * cell, labelW);
            g.setTextAlign(TextAlignment.CENTER);
        }
        // Column indices across the top.
        g.setTextBaseline(VPos.BOTTOM);
        for (int p = 0; p < n; p++) g.fillText(Integer.toString(p), left + (p + 0.5) * cell, top - 1);

        // Per-class accuracy bars.
        double bx = left + side + 12;
        double bw = Math.max(20, Math.min(bars - 34 * k, w - bx - 34 * k));
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.BOTTOM);
        g.fillText(VisualText.get("confusion.perClass"), bx, top - 1);
        for (int c = 0; c < n; c++) {
            double acc = m.perClassAccuracy(c);
            double y = top + c * cell + Math.max(1, cell * 0.2);
            double bh = Math.max(2, cell * 0.6);
            g.setFill(Color.web("#f3f4f6"));
            g.fillRect(bx, y, bw, bh);
            if (!Double.isNaN(acc)) {
                g.setFill(RIGHT);
                g.fillRect(bx, y, bw * acc, bh);
            }
            g.setFill(TEXT);
            g.setTextBaseline(VPos.CENTER);
            g.fillText(Double.isNaN(acc) ? "\u2014" : VisualText.format("confusion.percent", acc * 100), bx + bw + 4, y + bh / 2);
        }
    }

    private static String rowLabel(ConfusionMatrix m, int c) {
        return c + "  " + m.classes().get(c);
    }
}
