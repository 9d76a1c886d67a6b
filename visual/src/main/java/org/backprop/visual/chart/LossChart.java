package org.backprop.visual.chart;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Line;
import org.backprop.engine.train.Evaluation;
import org.backprop.engine.train.MetricPoint;
import org.backprop.visual.fx.Presentation;
import org.backprop.visual.i18n.VisualText;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.SamplingXYLineRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Ellipse2D;
import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;

/**
 * The live loss curve: minibatch loss per iteration, and validation accuracy (right axis) at
 * each evaluation. Fed once per frame through {@link #append}; whatever arrives in one call
 * costs one redraw, however many points it holds.
 */
public final class LossChart extends VBox implements MetricsSink {
    private static final Color LOSS = new Color(0x25, 0x63, 0xeb);
    private static final Color ACCURACY = new Color(0xea, 0x58, 0x0c);
    private static final Color GRID = new Color(0xe5, 0xe7, 0xeb);
    private static final Color TEXT = new Color(0x4b, 0x55, 0x63);
    private static final Color DARK_GROUND = new Color(0x1f, 0x23, 0x2c);
    private static final Color DARK_GRID = new Color(0x34, 0x3a, 0x46);
    private static final Color DARK_TEXT = new Color(0xaa, 0xb2, 0xbf);
    // Presentation mode: pure, saturated colours on white, black text, grid lines a projector still shows.
    private static final Color LOSS_CONTRAST = new Color(0x00, 0x00, 0xcc);
    private static final Color ACCURACY_CONTRAST = new Color(0xcc, 0x33, 0x00);
    private static final Color GRID_CONTRAST = new Color(0x9c, 0xa3, 0xaf);
    private static final float LOSS_WIDTH = 1.6f;
    private static final int LABEL_SIZE = 12;
    private static final int TICK_SIZE = 11;

    // autoSort off and duplicates allowed: add() is an append, not a search.
    private final XYSeries loss = new XYSeries(VisualText.get("chart.series.loss"), false, true);
    private final XYSeries accuracy = new XYSeries(VisualText.get("chart.series.accuracy"), false, true);
    private final JFreeChart chart;
    private final BooleanProperty presentation = new SimpleBooleanProperty(this, "presentation");
    private final Line legendLine = new Line(0, 0, 16, 0);
    private final Circle legendDot = new Circle(4);
    private boolean dark;

    public LossChart() {
        getStyleClass().add("loss-chart");
        // JFreeChart's own legend measures text with AWT metrics and overlaps under JavaFX; ours is a node.
        chart = new JFreeChart(null, null, buildPlot(), false);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setPadding(new RectangleInsets(2, 2, 2, 6));
        ChartViewer viewer = new ChartViewer(chart, false);
        VBox.setVgrow(viewer, Priority.ALWAYS);
        getChildren().addAll(legend(), viewer);
        style();
        presentation.addListener((o, was, on) -> style());
    }

    /** Presentation mode: thick lines, large type, high contrast (the window binds this to its one flag). */
    public BooleanProperty presentationProperty() {
        return presentation;
    }

    /** The loss line's width as drawn now (tests). */
    public float lossStrokeWidth() {
        return ((BasicStroke) plot().getRenderer(0).getSeriesStroke(0)).getLineWidth();
    }

    private XYPlot plot() {
        return chart.getXYPlot();
    }

    /**
     * Draws on a dark ground (the workbench's dark theme) or a white one. JFreeChart paints with
     * AWT colours that CSS cannot reach, so the theme is handed over here. Presentation mode keeps
     * its high-contrast white ground either way.
     */
    public void setDark(boolean dark) {
        this.dark = dark;
        style();
    }

    private void style() {
        boolean on = presentation.get();
        chart.setNotify(false);
        XYPlot plot = plot();
        Color ground = on || !dark ? Color.WHITE : DARK_GROUND;
        chart.setBackgroundPaint(ground);
        plot.setBackgroundPaint(ground);
        Color loss = on ? LOSS_CONTRAST : LOSS;
        Color accuracy = on ? ACCURACY_CONTRAST : ACCURACY;
        plot.getRenderer(0).setSeriesPaint(0, loss);
        plot.getRenderer(0).setSeriesStroke(0, new BasicStroke((float) Presentation.line(LOSS_WIDTH, on)));
        double r = Presentation.line(3.5, on) / (on ? 1.5 : 1); // dots grow less than lines: they would hide the curve
        plot.getRenderer(1).setSeriesPaint(0, accuracy);
        plot.getRenderer(1).setSeriesShape(0, new Ellipse2D.Double(-r, -r, 2 * r, 2 * r));
        Color grid = on ? GRID_CONTRAST : dark ? DARK_GRID : GRID;
        plot.setDomainGridlinePaint(grid);
        plot.setRangeGridlinePaint(grid);
        Font label = new Font(Font.SANS_SERIF, on ? Font.BOLD : Font.PLAIN, (int) Presentation.font(LABEL_SIZE, on));
        Font tick = new Font(Font.SANS_SERIF, Font.PLAIN, (int) Presentation.font(TICK_SIZE, on));
        Color text = on ? Color.BLACK : dark ? DARK_TEXT : TEXT;
        for (int i = 0; i < plot.getRangeAxisCount(); i++) styleAxis((NumberAxis) plot.getRangeAxis(i), label, tick, text, grid);
        styleAxis((NumberAxis) plot.getDomainAxis(), label, tick, text, grid);
        plot.setNoDataMessageFont(new Font(Font.SANS_SERIF, Font.PLAIN, (int) Presentation.font(14, on)));
        plot.setNoDataMessagePaint(text);
        legendLine.setStroke(fx(loss));
        legendLine.setStrokeWidth(Presentation.line(2.5, on));
        legendDot.setFill(fx(accuracy));
        legendDot.setRadius(on ? 6 : 4);
        chart.setNotify(true);
    }

    private static void styleAxis(NumberAxis a, Font label, Font tick, Color text, Color line) {
        a.setLabelFont(label);
        a.setLabelPaint(text);
        a.setTickLabelFont(tick);
        a.setTickLabelPaint(text);
        a.setAxisLinePaint(line);
        a.setTickMarkPaint(line);
    }

    private HBox legend() {
        HBox box = new HBox(legendItem(legendLine, "chart.series.loss"), legendItem(legendDot, "chart.series.accuracy"));
        box.getStyleClass().add("loss-legend");
        return box;
    }

    private static Label legendItem(Node swatch, String key) {
        Label l = new Label(VisualText.get(key), swatch);
        l.getStyleClass().add("loss-legend-item");
        return l;
    }

    private static javafx.scene.paint.Color fx(Color c) {
        return javafx.scene.paint.Color.rgb(c.getRed(), c.getGreen(), c.getBlue());
    }

    @Override
    public String getUserAgentStylesheet() {
        return LossChart.class.getResource("loss-chart.css").toExternalForm();
    }

    private XYPlot buildPlot() {
        NumberAxis x = axis("chart.axis.iteration");
        x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        x.setAutoRangeIncludesZero(false);
        NumberAxis y = axis("chart.axis.loss");
        y.setAutoRangeIncludesZero(true);
        SamplingXYLineRenderer lossRenderer = new SamplingXYLineRenderer(); // paints, strokes, fonts: style()

        XYPlot plot = new XYPlot(new XYSeriesCollection(loss), x, y, lossRenderer);
        NumberAxis acc = axis("chart.axis.accuracy");
        acc.setRange(0, 1.05);
        acc.setNumberFormatOverride(NumberFormat.getPercentInstance(Locale.getDefault(Locale.Category.FORMAT)));
        plot.setRangeAxis(1, acc);
        plot.setDataset(1, new XYSeriesCollection(accuracy));
        plot.mapDatasetToRangeAxis(1, 1);
        plot.setRenderer(1, new XYLineAndShapeRenderer(false, true));
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);

        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlineVisible(false);
        plot.setDomainGridlineStroke(new BasicStroke(1f));
        plot.setRangeGridlineStroke(new BasicStroke(1f));
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
        plot.setNoDataMessage(VisualText.get("chart.empty"));
        return plot;
    }

    private static NumberAxis axis(String key) {
        return new NumberAxis(VisualText.get(key));
    }

    @Override
    public void clear() {
        chart.setNotify(false);
        loss.clear();
        accuracy.clear();
        chart.setNotify(true);
    }

    @Override
    public void append(List<MetricPoint> points, List<Evaluation> evaluations) {
        if (points.isEmpty() && evaluations.isEmpty()) return;
        // One chart-changed event (one redraw) for the whole batch.
        chart.setNotify(false);
        boolean lossAdded = false;
        for (MetricPoint p : points) {
            if (!Double.isFinite(p.loss())) continue; // a diverged run: leave a gap, keep the axis usable
            loss.add(p.iteration(), p.loss(), false);
            lossAdded = true;
        }
        if (lossAdded) loss.fireSeriesChanged();
        boolean accuracyAdded = false;
        for (Evaluation e : evaluations) {
            if (Double.isNaN(e.testAccuracy())) continue; // regression has no accuracy
            accuracy.add(e.iteration(), e.testAccuracy(), false);
            accuracyAdded = true;
        }
        if (accuracyAdded) accuracy.fireSeriesChanged();
        chart.setNotify(true);
    }

    public int lossPointCount() {
        return loss.getItemCount();
    }

    public int accuracyPointCount() {
        return accuracy.getItemCount();
    }
}
