package org.backprop.visual.dashboard;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javafx.scene.input.MouseEvent;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;
import org.backprop.visual.fx.Presentation;
import org.backprop.visual.i18n.VisualText;

import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A rows x columns heatmap of log10 values: layers x sampled iterations of the gradient norm or
 * the update:parameter ratio, or recurrent layers x time steps. One pixel per cell in a
 * {@link WritableImage}, scaled up without smoothing, so it draws thousands of cells in one
 * image blit and stays sharp at any screen scale. Clicking a cell selects its row and column;
 * the pointer's cell is described in {@link #hoverTextProperty()}.
 */
public final class GridHeatmap extends CanvasRegion {

    private static final double LABEL_SIZE = 12;
    private static final double TICK_SIZE = 11;
    private static final double AXIS_HEIGHT = 20;
    private static final double MAX_ROW_HEIGHT = 64;
    private static final Color TEXT = Color.web("#4b5563");
    private static final Color FAINT = Color.web("#9ca3af");
    private static final Color FROZEN_FILL = Color.web("#e5e7eb");
    private static final Color FROZEN_HATCH = Color.web("#9ca3af");

    private final ObjectProperty<HeatmapGrid> grid = new SimpleObjectProperty<>(this, "grid", HeatmapGrid.EMPTY);
    private final ObjectProperty<ColourScale> scale = new SimpleObjectProperty<>(this, "scale", new ColourScale(-6, 0, null));
    private final ObjectProperty<HeatmapCell> selection = new SimpleObjectProperty<>(this, "selection");
    private final String columnKey;
    private final String placeholder;
    private Set<String> highlighted = Set.of();
    private WritableImage image;
    // Geometry of the last drawing, for hit-testing.
    private double x0, y0, cellW, rowH;

    /**
     * @param columnKey   the bundle key that names a column, with {0} the key ("Iteration {0}")
     * @param placeholder shown while the grid is empty
     */
    public GridHeatmap(String columnKey, String placeholder) {
        this.columnKey = columnKey;
        this.placeholder = placeholder;
        getStyleClass().add("grid-heatmap");
        setMinSize(120, 60);
        setPrefSize(400, 160);
        grid.addListener((o, a, b) -> draw());
        scale.addListener((o, a, b) -> draw());
        selection.addListener((o, a, b) -> draw());
        canvas.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
            HeatmapCell c = cellAt(e.getX(), e.getY());
            if (c != null) selection.set(c);
        });
    }

    public ObjectProperty<HeatmapGrid> gridProperty() { return grid; }

    public ObjectProperty<ColourScale> scaleProperty() { return scale; }

    public ObjectProperty<HeatmapCell> selectionProperty() { return selection; }



    /** Rows to mark (layers a finding names). */
    public void setHighlighted(Set<String> rows) {
        if (rows.equals(highlighted)) return;
        highlighted = Set.copyOf(rows);
        draw();
    }

    /** Rows drawn now (tests: one per layer). */
    public int rowCount() {
        return grid.get().rowCount();
    }



    /** Redraws the whole heatmap; cheap (one image blit and a few labels). */
    @Override
    public void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.clearRect(0, 0, w, h);
        HeatmapGrid data = grid.get();
        boolean on = presenting();
        Font labelFont = Font.font(Presentation.font(LABEL_SIZE, on));
        Font tickFont = Font.font(Presentation.font(TICK_SIZE, on));
        Color text = on ? Color.BLACK : TEXT;
        if (data.rowCount() == 0 || data.columnCount() == 0) {
            g.setFill(FAINT);
            g.setFont(labelFont);
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.CENTER);
            g.fillText(placeholder, w / 2, h / 2);
            cellW = 0;
            return;
        }
        double labelW = 0;
        for (int r = 0; r < data.rowCount(); r++) labelW = Math.max(labelW, textWidth(rowLabel(data, r), labelFont));
        x0 = Math.ceil(labelW + 14);
        y0 = 2;
        double plotW = Math.max(1, w - x0 - 8);
        rowH = Math.min(Presentation.font(MAX_ROW_HEIGHT, on), Math.max(1, (h - y0 - Presentation.font(AXIS_HEIGHT, on)) / data.rowCount()));
        double plotH = rowH * data.rowCount();
        cellW = plotW / data.columnCount();

        int cols = data.columnCount();
        int rows = data.rowCount();
        if (image == null || image.getWidth() != cols || image.getHeight() != rows) image = new WritableImage(cols, rows);
        PixelWriter px = image.getPixelWriter();
        ColourScale s = scale.get();
        for (int r = 0; r < rows; r++) for (int c = 0; c < cols; c++) px.setArgb(c, r, s.argb(data.value(r, c)));
        g.setImageSmoothing(false);
        g.drawImage(image, 0, 0, cols, rows, x0, y0, plotW, plotH);
        // A frozen layer's zeros are by design, not a vanishing gradient: grey and hatched, not the colour of 0.
        for (int r = 0; r < rows; r++) if (data.frozen(r)) hatch(g, x0, y0 + r * rowH, plotW, rowH);

        // Row separators and labels.
        g.setStroke(Color.WHITE);
        g.setLineWidth(Presentation.line(1, on));
        for (int r = 1; r < rows; r++) {
            double y = Math.round(y0 + r * rowH) + 0.5;
            g.strokeLine(x0, y, x0 + plotW, y);
        }
        g.setFont(labelFont);
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        List<String> labels = data.rows();
        for (int r = 0; r < rows; r++) {
            double cy = y0 + (r + 0.5) * rowH;
            boolean marked = highlighted.contains(labels.get(r));
            g.setFill(marked ? Color.web("#b45309") : text);
            g.fillText(rowLabel(data, r), x0 - 8, cy);
            if (marked) {
                g.setFill(Color.web("#f59e0b"));
                g.fillRect(0, y0 + r * rowH + 2, 3, rowH - 4);
            }
        }

        // Column axis: a few keys, never overlapping.
        g.setFont(tickFont);
        g.setFill(text);
        g.setTextBaseline(VPos.TOP);
        g.setTextAlign(TextAlignment.CENTER);
        NumberFormat nf = NumberFormat.getIntegerInstance(Locale.getDefault(Locale.Category.FORMAT));
        int ticks = (int) Math.max(1, Math.min(cols - 1, plotW / Presentation.font(90, on)));
        double lastRight = Double.NEGATIVE_INFINITY;
        for (int t = 0; t <= ticks; t++) {
            int c = cols == 1 ? 0 : (int) Math.round((double) t * (cols - 1) / ticks);
            String key = nf.format(data.columns()[c]);
            double cx = x0 + (c + 0.5) * cellW;
            double tw = textWidth(key, tickFont);
            double left = Math.max(x0, Math.min(cx - tw / 2, x0 + plotW - tw));
            if (left < lastRight + 8) continue;
            g.fillText(key, left + tw / 2, y0 + plotH + 4);
            lastRight = left + tw;
        }

        HeatmapCell sel = selection.get();
        if (sel != null) {
            int r = labels.indexOf(sel.row());
            int c = data.columnNear(sel.column());
            if (r >= 0 && c >= 0) {
                double cx = x0 + c * cellW;
                double width = Math.max(cellW, 3);
                g.setStroke(Color.web("#111827"));
                g.setLineWidth(Presentation.line(2, on));
                g.strokeRect(Math.round(cx - (width - cellW) / 2) + 0.5, Math.round(y0 + r * rowH) + 1, Math.round(width), Math.round(rowH) - 2);
                g.setStroke(Color.web("#11182766"));
                g.setLineWidth(1);
                double mid = Math.round(cx + cellW / 2) + 0.5;
                g.strokeLine(mid, y0, mid, y0 + r * rowH);
                g.strokeLine(mid, y0 + (r + 1) * rowH, mid, y0 + plotH);
            }
        }
    }

    /** Rows drawn as frozen (tests: the frozen layers). */
    public Set<String> frozenRows() {
        return grid.get().frozen();
    }

    private static String rowLabel(HeatmapGrid data, int row) {
        String id = data.rows().get(row);
        return data.frozen(row) ? VisualText.format("heatmap.frozen.row", id) : id;
    }

    /** Grey with diagonal hatching: the mark of a frozen layer, here and in the legend. */
    static void hatch(GraphicsContext g, double x, double y, double w, double h) {
        g.save();
        g.beginPath();
        g.rect(x, y, w, h);
        g.clip();
        g.setFill(FROZEN_FILL);
        g.fillRect(x, y, w, h);
        g.setStroke(FROZEN_HATCH);
        g.setLineWidth(1);
        for (double d = -h; d < w; d += 7) g.strokeLine(x + d, y + h, x + d + h, y);
        g.restore();
    }

    /** The cell under a point, or null. */
    public HeatmapCell cellAt(double x, double y) {
        HeatmapGrid data = grid.get();
        if (cellW <= 0 || data.rowCount() == 0) return null;
        int c = (int) Math.floor((x - x0) / cellW);
        int r = (int) Math.floor((y - y0) / rowH);
        if (c < 0 || r < 0 || c >= data.columnCount() || r >= data.rowCount()) return null;
        return new HeatmapCell(data.rows().get(r), data.columns()[c]);
    }

    /** The centre of a cell in the canvas (tests click there). */
    public double[] cellCentre(int row, int column) {
        return new double[]{x0 + (column + 0.5) * cellW, y0 + (row + 0.5) * rowH};
    }

    @Override
    protected String describe(double x, double y) {
        return describe(cellAt(x, y));
    }

    private String describe(HeatmapCell c) {
        if (c == null) return "";
        HeatmapGrid data = grid.get();
        int r = data.rows().indexOf(c.row());
        int col = data.columnNear(c.column());
        double v = data.value(r, col);
        String where = VisualText.format(columnKey, c.column());
        return VisualText.format("heatmap.hover", c.row(), where,
                data.frozen(r) ? VisualText.get("heatmap.value.frozen") : valueText(v));
    }

    /** "6.3e-4 (log10 −3.20)", or why there is no number. */
    static String valueText(double log10) {
        if (Double.isNaN(log10)) return VisualText.get("heatmap.value.none");
        if (log10 == Double.POSITIVE_INFINITY) return VisualText.get("heatmap.value.nonFinite");
        if (log10 == Double.NEGATIVE_INFINITY) return VisualText.get("heatmap.value.zero");
        return VisualText.format("heatmap.value", Numbers.compact(Math.pow(10, log10)), String.format(Locale.ROOT, "%.2f", log10));
    }

    static double textWidth(String s, Font f) {
        Text t = new Text(s);
        t.setFont(f);
        return t.getLayoutBounds().getWidth();
    }
}
