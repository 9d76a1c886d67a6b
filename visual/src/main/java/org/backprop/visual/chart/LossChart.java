package org.backprop.visual.chart;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Line;
import org.backprop.engine.train.Evaluation;
import org.backprop.engine.train.MetricPoint;
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
    private static final Font LABEL_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    private static final Font TICK_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 11);

    // autoSort off and duplicates allowed: add() is an append, not a search.
    private final XYSeries loss = new XYSeries(VisualText.get("chart.series.loss"), false, true);
    private final XYSeries accuracy = new XYSeries(VisualText.get("chart.series.accuracy"), false, true);
    private final JFreeChart chart;

    public LossChart() {
        getStyleClass().add("loss-chart");
        // JFreeChart's own legend measures text with AWT metrics and overlaps under JavaFX; ours is a node.
        chart = new JFreeChart(null, null, plot(), false);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setPadding(new RectangleInsets(2, 2, 2, 6));
        ChartViewer viewer = new ChartViewer(chart, false);
        VBox.setVgrow(viewer, Priority.ALWAYS);
        getChildren().addAll(legend(), viewer);
    }

    private static HBox legend() {
        Line line = new Line(0, 0, 16, 0);
        line.setStroke(fx(LOSS));
        line.setStrokeWidth(2.5);
        Circle dot = new Circle(4, fx(ACCURACY));
        HBox box = new HBox(legendItem(line, "chart.series.loss"), legendItem(dot, "chart.series.accuracy"));
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

    private XYPlot plot() {
        NumberAxis x = axis("chart.axis.iteration");
        x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        x.setAutoRangeIncludesZero(false);
        NumberAxis y = axis("chart.axis.loss");
        y.setAutoRangeIncludesZero(true);
        SamplingXYLineRenderer lossRenderer = new SamplingXYLineRenderer();
        lossRenderer.setSeriesPaint(0, LOSS);
        lossRenderer.setSeriesStroke(0, new BasicStroke(1.6f));

        XYPlot plot = new XYPlot(new XYSeriesCollection(loss), x, y, lossRenderer);
        NumberAxis acc = axis("chart.axis.accuracy");
        acc.setRange(0, 1.05);
        acc.setNumberFormatOverride(NumberFormat.getPercentInstance(Locale.getDefault(Locale.Category.FORMAT)));
        plot.setRangeAxis(1, acc);
        plot.setDataset(1, new XYSeriesCollection(accuracy));
        plot.mapDatasetToRangeAxis(1, 1);
        XYLineAndShapeRenderer points = new XYLineAndShapeRenderer(false, true);
        points.setSeriesPaint(0, ACCURACY);
        points.setSeriesShape(0, new Ellipse2D.Double(-3.5, -3.5, 7, 7));
        plot.setRenderer(1, points);
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);

        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlineVisible(false);
        plot.setDomainGridlinePaint(GRID);
        plot.setRangeGridlinePaint(GRID);
        plot.setDomainGridlineStroke(new BasicStroke(1f));
        plot.setRangeGridlineStroke(new BasicStroke(1f));
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
        plot.setNoDataMessage(VisualText.get("chart.empty"));
        plot.setNoDataMessageFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
        plot.setNoDataMessagePaint(TEXT);
        return plot;
    }

    private static NumberAxis axis(String key) {
        NumberAxis a = new NumberAxis(VisualText.get(key));
        a.setLabelFont(LABEL_FONT);
        a.setLabelPaint(TEXT);
        a.setTickLabelFont(TICK_FONT);
        a.setTickLabelPaint(TEXT);
        a.setAxisLinePaint(GRID);
        a.setTickMarkPaint(GRID);
        return a;
    }

    /**
     * Draws on a dark ground (the workbench's dark theme) or a white one. JFreeChart paints with
     * AWT colours that CSS cannot reach, so the theme is handed over here.
     */
    public void setDark(boolean dark) {
        Color ground = dark ? DARK_GROUND : Color.WHITE;
        Color grid = dark ? DARK_GRID : GRID;
        Color text = dark ? DARK_TEXT : TEXT;
        XYPlot plot = chart.getXYPlot();
        chart.setNotify(false);
        chart.setBackgroundPaint(ground);
        plot.setBackgroundPaint(ground);
        plot.setDomainGridlinePaint(grid);
        plot.setRangeGridlinePaint(grid);
        plot.setNoDataMessagePaint(text);
        for (NumberAxis a : java.util.List.of((NumberAxis) plot.getDomainAxis(), (NumberAxis) plot.getRangeAxis(0),
                (NumberAxis) plot.getRangeAxis(1))) {
            a.setLabelPaint(text);
            a.setTickLabelPaint(text);
            a.setAxisLinePaint(grid);
            a.setTickMarkPaint(grid);
        }
        chart.setNotify(true);
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
