package org.backprop.app.dataset;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;

/**
 * The training points of a two-feature set, coloured by class, fitted to the square. The ground
 * comes from CSS (the theme); the class colours are saturated enough for a light or a dark one.
 */
final class ScatterPreview extends Region {
    static final double SIZE = 220;
    private static final Color[] CLASS_COLOURS = {
            Color.web("#2563eb"), Color.web("#ea580c"), Color.web("#16a34a"), Color.web("#9333ea"),
            Color.web("#ca8a04"), Color.web("#0d9488"), Color.web("#db2777"), Color.web("#64748b")};
    private final ObjectProperty<DataSummary> summary = new SimpleObjectProperty<>(this, "summary");
    private final Canvas canvas = new Canvas(SIZE, SIZE);

    ScatterPreview() {
        getStyleClass().add("data-preview");
        getChildren().add(canvas);
        setMinSize(SIZE, SIZE);
        setPrefSize(SIZE, SIZE);
        setMaxSize(SIZE, SIZE);
        summary.addListener((o, was, now) -> draw());
    }

    ObjectProperty<DataSummary> summaryProperty() {
        return summary;
    }

    /** For tests: how many points the last drawing showed. */
    int drawnPoints() {
        DataSummary s = summary.get();
        return s == null || s.points() == null ? 0 : s.points().length;
    }

    private void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, SIZE, SIZE);
        DataSummary s = summary.get();
        if (s == null || s.points() == null || s.points().length == 0) return;
        double[][] p = s.points();
        double minX = Double.MAX_VALUE, maxX = -Double.MAX_VALUE, minY = Double.MAX_VALUE, maxY = -Double.MAX_VALUE;
        for (double[] q : p) {
            minX = Math.min(minX, q[0]);
            maxX = Math.max(maxX, q[0]);
            minY = Math.min(minY, q[1]);
            maxY = Math.max(maxY, q[1]);
        }
        double pad = 10;
        double spanX = Math.max(maxX - minX, 1e-9);
        double spanY = Math.max(maxY - minY, 1e-9);
        double r = p.length <= 16 ? 6 : p.length <= 400 ? 3.2 : 2.2;
        for (int i = 0; i < p.length; i++) {
            double x = pad + (p[i][0] - minX) / spanX * (SIZE - 2 * pad);
            double y = SIZE - pad - (p[i][1] - minY) / spanY * (SIZE - 2 * pad);
            g.setFill(CLASS_COLOURS[s.pointClass()[i] % CLASS_COLOURS.length].deriveColor(0, 1, 1, 0.8));
            g.fillOval(x - r, y - r, 2 * r, 2 * r);
        }
    }
}
