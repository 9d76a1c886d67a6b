package org.backprop.visual.dashboard;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Slider;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Line;
import org.backprop.visual.dashboard.CurveRun.Series;
import org.backprop.visual.fx.Presentation;
import org.backprop.visual.i18n.VisualText;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnitSource;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.Range;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Stroke;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.Writer;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Training curves of the current run and of earlier runs overlaid for comparison: loss (the
 * minibatch loss, smoothed, and the validation loss) or accuracy (training and validation),
 * against iterations or epochs, on a linear or log scale. Hovering reads the values under the
 * pointer.
 *
 * <p>However long a run is, each line is {@link Decimator decimated} to about four points per
 * pixel column of the visible range before JFreeChart sees it, and the chart redraws at most
 * once per {@link #refresh()}, which the owner calls once per frame. UI thread only.
 */
public final class CurvesView extends VBox {

    public enum Metric { LOSS, ACCURACY }

    public enum XAxisUnit { ITERATION, EPOCH }

    private static final Color CURRENT = new Color(0x25, 0x63, 0xeb);
    private static final Color CURRENT_RAW = new Color(0x25, 0x63, 0xeb, 0x38);
    private static final Color VALIDATION = new Color(0xea, 0x58, 0x0c);
    private static final Color[] EARLIER = {
            new Color(0x7c, 0x3a, 0xed), new Color(0x05, 0x96, 0x69), new Color(0xdb, 0x27, 0x77),
            new Color(0x08, 0x91, 0xb2), new Color(0x65, 0xa3, 0x0d), new Color(0xa1, 0x62, 0x07)};
    private static final Color GRID = new Color(0xe5, 0xe7, 0xeb);
    private static final Color GRID_CONTRAST = new Color(0x9c, 0xa3, 0xaf);
    private static final Color TEXT = new Color(0x4b, 0x55, 0x63);
    private static final Font LABEL_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    private static final Font TICK_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
    private static final Stroke SOLID = new BasicStroke(1.8f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    private static final Stroke THIN = new BasicStroke(1.0f);
    private static final Stroke DASHED = new BasicStroke(1.4f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1, new float[]{5, 3}, 0);
    private static final java.awt.Shape DOT = new Ellipse2D.Double(-3, -3, 6, 6);
    private static final java.awt.Shape SMALL_DOT = new Ellipse2D.Double(-2, -2, 4, 4);
    private static final int MAX_MARKERS = 40;

    private final ObservableList<CurveRun> runs;
    private final ObjectProperty<Metric> metric = new SimpleObjectProperty<>(this, "metric", Metric.LOSS);
    private final ObjectProperty<XAxisUnit> xUnit = new SimpleObjectProperty<>(this, "xUnit", XAxisUnit.ITERATION);
    private final BooleanProperty logScale = new SimpleBooleanProperty(this, "logScale");
    private final DoubleProperty smoothing = new SimpleDoubleProperty(this, "smoothing", 0.6);
    private final BooleanProperty presentation = new SimpleBooleanProperty(this, "presentation");

    private final LineDataset dataset = new LineDataset();
    private final XYPlot plot;
    private final JFreeChart chart;
    private final ChartViewer viewer;
    private final NumberAxis xAxis;
    private final NumberAxis linearY;
    private final LogAxis logY;
    private final FlowPane legend = new FlowPane();
    private final MenuButton runsMenu = new MenuButton(VisualText.get("curves.runs"));
    private final Line crosshair = new Line();
    private final Label readout = new Label();
    private final Map<String, Decimator.Line> lines = new HashMap<>();
    private List<String> legendKeys = List.of();

    private long drawnStamp = Long.MIN_VALUE;
    private long settingsStamp;
    private Range decimatedRange;
    private int lastPointCount;

    /** @param runs the runs, oldest first; the last is the current one. The view may remove earlier runs. */
    /** Presentation mode: thick lines, large type, high contrast (the window binds this to its one flag). */
    public BooleanProperty presentationProperty() {
        return presentation;
    }

    /** The current run's loss line width as drawn now (tests). */
    public float lossStrokeWidth() {
        return ((BasicStroke) ((Renderer) plot.getRenderer()).scaled(SOLID)).getLineWidth();
    }

    public CurvesView(ObservableList<CurveRun> runs) {
        this.runs = runs;
        getStyleClass().add("curves-view");

        xAxis = axis(new NumberAxis(VisualText.get("curves.axis.iteration")));
        xAxis.setAutoRangeIncludesZero(false);
        xAxis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        linearY = axis(new NumberAxis(VisualText.get("curves.axis.loss")));
        linearY.setAutoRangeIncludesZero(false);
        logY = axis(new LogAxis(VisualText.get("curves.axis.loss")));
        logY.setSmallestValue(1e-12);
        logY.setBase(10);
        logY.setNumberFormatOverride(new java.text.DecimalFormat("0.###E0"));
        Renderer renderer = new Renderer(dataset);
        renderer.setDrawSeriesLineAsPath(true);
        plot = new XYPlot(dataset, xAxis, linearY, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlineVisible(false);
        plot.setDomainGridlinePaint(GRID);
        plot.setRangeGridlinePaint(GRID);
        plot.setDomainGridlineStroke(new BasicStroke(1f));
        plot.setRangeGridlineStroke(new BasicStroke(1f));
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
        plot.setSeriesRenderingOrder(org.jfree.chart.plot.SeriesRenderingOrder.FORWARD); // later lines on top
        plot.setNoDataMessage(VisualText.get("curves.empty"));
        plot.setNoDataMessageFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
        plot.setNoDataMessagePaint(TEXT);
        // JFreeChart's legend measures text with AWT metrics and overlaps under JavaFX; ours is a node.
        chart = new JFreeChart(null, null, plot, false);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setPadding(new RectangleInsets(2, 2, 2, 8));
        chart.setAntiAlias(true);
        viewer = new ChartViewer(chart, false);
        viewer.setId("curves-chart");
        presentation.addListener((o, was, on) -> {
            chart.setNotify(false);
            renderer.widthScale = (float) Presentation.line(1, on);
            Font label = new Font(Font.SANS_SERIF, on ? Font.BOLD : Font.PLAIN, (int) Presentation.font(LABEL_FONT.getSize(), on));
            Font tick = new Font(Font.SANS_SERIF, Font.PLAIN, (int) Presentation.font(TICK_FONT.getSize(), on));
            for (ValueAxis a : List.of(xAxis, linearY, logY)) {
                a.setLabelFont(label);
                a.setTickLabelFont(tick);
                a.setLabelPaint(on ? Color.BLACK : TEXT);
                a.setTickLabelPaint(on ? Color.BLACK : TEXT);
            }
            plot.setDomainGridlinePaint(on ? GRID_CONTRAST : GRID);
            plot.setRangeGridlinePaint(on ? GRID_CONTRAST : GRID);
            chart.setNotify(true);
        });
        xAxis.addChangeListener(e -> {
            // A zoom (the axis left auto-range): decimate again for the new range at the next refresh.
            if (!xAxis.isAutoRange() && !xAxis.getRange().equals(decimatedRange)) settingsStamp++;
        });

        crosshair.getStyleClass().add("curves-crosshair");
        crosshair.setVisible(false);
        readout.getStyleClass().add("curves-readout");
        readout.setVisible(false);
        readout.setManaged(false);
        Pane overlay = new Pane(crosshair, readout);
        overlay.setMouseTransparent(true);
        StackPane stack = new StackPane(viewer, overlay);
        VBox.setVgrow(stack, Priority.ALWAYS);
        viewer.getCanvas().addEventHandler(MouseEvent.MOUSE_MOVED, this::hover);
        viewer.getCanvas().addEventHandler(MouseEvent.MOUSE_EXITED, e -> hideReadout());

        legend.getStyleClass().add("curves-legend");
        getChildren().addAll(controls(), legend, stack);

        metric.addListener((o, a, b) -> settingsChanged());
        xUnit.addListener((o, a, b) -> settingsChanged());
        logScale.addListener((o, a, b) -> settingsChanged());
        smoothing.addListener((o, a, b) -> {
            for (CurveRun r : runs) r.setSmoothing(b.doubleValue());
            settingsChanged();
        });
        runs.addListener((ListChangeListener<CurveRun>) c -> {
            rebuildRunsMenu();
            settingsChanged();
        });
        rebuildRunsMenu();
    }

    @Override
    public String getUserAgentStylesheet() {
        return CurvesView.class.getResource("dashboard.css").toExternalForm();
    }

    private Node controls() {
        ToggleGroup metrics = new ToggleGroup();
        ToggleButton loss = segment(VisualText.get("curves.metric.loss"), metrics, "curves-loss");
        ToggleButton accuracy = segment(VisualText.get("curves.metric.accuracy"), metrics, "curves-accuracy");
        loss.setSelected(true);
        metrics.selectedToggleProperty().addListener((o, a, b) -> {
            if (b == null) a.setSelected(true); // one stays pressed
            else metric.set(b == accuracy ? Metric.ACCURACY : Metric.LOSS);
        });
        ToggleGroup units = new ToggleGroup();
        ToggleButton iterations = segment(VisualText.get("curves.x.iteration"), units, "curves-x-iteration");
        ToggleButton epochs = segment(VisualText.get("curves.x.epoch"), units, "curves-x-epoch");
        iterations.setSelected(true);
        units.selectedToggleProperty().addListener((o, a, b) -> {
            if (b == null) a.setSelected(true);
            else xUnit.set(b == epochs ? XAxisUnit.EPOCH : XAxisUnit.ITERATION);
        });
        CheckBox log = new CheckBox(VisualText.get("curves.log"));
        log.setId("curves-log");
        log.selectedProperty().bindBidirectional(logScale);
        log.disableProperty().bind(metric.isEqualTo(Metric.ACCURACY));
        Slider slider = new Slider(0, 0.99, smoothing.get());
        slider.setId("curves-smoothing");
        slider.setPrefWidth(110);
        slider.valueProperty().bindBidirectional(smoothing);
        Label value = new Label();
        value.getStyleClass().add("curves-smoothing-value");
        value.textProperty().bind(smoothing.asString(Locale.ROOT, "%.2f"));
        Label smoothingLabel = new Label(VisualText.get("curves.smoothing"));
        runsMenu.setId("curves-runs");
        HBox smoothingBox = new HBox(6, smoothingLabel, slider, value);
        smoothingBox.setAlignment(Pos.CENTER_LEFT);
        // Wraps onto a second line in a narrow panel rather than truncating every label.
        FlowPane box = new FlowPane(segmented(loss, accuracy), segmented(iterations, epochs), log, smoothingBox, runsMenu);
        box.getStyleClass().add("dashboard-controls");
        box.setAlignment(Pos.CENTER_LEFT);
        for (Node n : box.getChildren()) if (n instanceof Region r) r.setMinWidth(Region.USE_PREF_SIZE);
        return box;
    }

    static ToggleButton segment(String text, ToggleGroup group, String id) {
        ToggleButton b = new ToggleButton(text);
        b.setMinWidth(Region.USE_PREF_SIZE);
        b.setToggleGroup(group);
        b.setId(id);
        return b;
    }

    static HBox segmented(ToggleButton... buttons) {
        HBox box = new HBox(buttons);
        box.getStyleClass().add("segmented");
        buttons[0].getStyleClass().add("left-pill");
        buttons[buttons.length - 1].getStyleClass().add("right-pill");
        return box;
    }

    private void rebuildRunsMenu() {
        runsMenu.getItems().clear();
        for (int i = 0; i < runs.size() - 1; i++) {
            CurveRun r = runs.get(i);
            CheckMenuItem item = new CheckMenuItem(runName(r));
            item.selectedProperty().bindBidirectional(r.shownProperty());
            item.selectedProperty().addListener((o, a, b) -> settingsChanged());
            runsMenu.getItems().add(item);
        }
        if (runs.size() > 1) {
            MenuItem forget = new MenuItem(VisualText.get("curves.runs.forget"));
            forget.setOnAction(e -> runs.remove(0, runs.size() - 1));
            runsMenu.getItems().addAll(new SeparatorMenuItem(), forget);
        }
        runsMenu.setDisable(runs.size() < 2);
        runsMenu.setText(VisualText.format("curves.runs.count", Math.max(0, runs.size() - 1)));
    }

    /** "Run 2 · learning rate: 0.1 → 0.01". */
    public static String runName(CurveRun r) {
        return VisualText.format("curves.run", r.number(), r.description());
    }

    private void settingsChanged() {
        settingsStamp++;
    }

    // ---- state ---------------------------------------------------------------------------

    public ObjectProperty<Metric> metricProperty() { return metric; }

    public ObjectProperty<XAxisUnit> xUnitProperty() { return xUnit; }

    public BooleanProperty logScaleProperty() { return logScale; }

    /** EMA weight of the minibatch loss, 0 (none) to 0.99. */
    public DoubleProperty smoothingProperty() { return smoothing; }

    public JFreeChart chart() { return chart; }

    /** Points handed to JFreeChart in the last redraw (all lines together). */
    public int drawnPointCount() { return lastPointCount; }

    // ---- drawing -------------------------------------------------------------------------

    /** Once per frame: redraws if any run grew or a setting changed; otherwise does nothing. */
    public void refresh() {
        long stamp = settingsStamp * 1_000_003L + (long) getWidth();
        for (CurveRun r : runs) stamp = stamp * 31 + r.version() + (r.shownProperty().get() ? 1 : 0);
        if (stamp == drawnStamp) return;
        drawnStamp = stamp;
        redraw();
    }

    private void redraw() {
        boolean epochs = xUnit.get() == XAxisUnit.EPOCH;
        boolean log = logScale.get() && metric.get() == Metric.LOSS;
        int buckets = Math.max(50, (int) plotWidth());
        Range visible = xAxis.isAutoRange() ? null : xAxis.getRange();
        List<LineDataset.Entry> entries = new ArrayList<>();
        List<Node> legendItems = new ArrayList<>();
        CurveRun current = runs.isEmpty() ? null : runs.get(runs.size() - 1);
        int colour = 0;
        for (CurveRun r : runs) {
            boolean isCurrent = r == current;
            if (!isCurrent && !r.shownProperty().get()) {
                colour++;
                continue;
            }
            Color c = isCurrent ? CURRENT : EARLIER[colour++ % EARLIER.length];
            double xScale = epochs ? 1 / r.iterationsPerEpoch() : 1;
            Range iterations = visible == null ? null : new Range(visible.getLowerBound() / xScale, visible.getUpperBound() / xScale);
            String tag = "r" + r.number() + ":";
            if (metric.get() == Metric.LOSS) {
                boolean smoothed = smoothing.get() > 0;
                if (isCurrent) {
                    // The faint raw line at half the resolution: it is noise around the smoothed one, and a
                    // zig-zag of thousands of segments is what costs a software renderer most.
                    if (smoothed) add(entries, tag + "raw", r.series(Series.MINIBATCH_LOSS), iterations, buckets / 2, xScale, CURRENT_RAW, THIN, null, true);
                    add(entries, tag + "loss", smoothed ? r.smoothedLoss() : r.series(Series.MINIBATCH_LOSS), iterations, buckets, xScale, CURRENT, SOLID, null, true, smoothed);
                    add(entries, tag + "val", r.series(Series.VALIDATION_LOSS), iterations, buckets, xScale, VALIDATION, SOLID, DOT, true);
                    legendItems.add(legendLine(CURRENT, false, VisualText.get(smoothed ? "curves.series.lossSmoothed" : "curves.series.loss")));
                    legendItems.add(legendLine(VALIDATION, true, VisualText.get("curves.series.validationLoss")));
                } else {
                    add(entries, tag + "loss", smoothed ? r.smoothedLoss() : r.series(Series.MINIBATCH_LOSS), iterations, buckets, xScale, c, DASHED, null, true, smoothed);
                    add(entries, tag + "val", r.series(Series.VALIDATION_LOSS), iterations, buckets, xScale, c, THIN, DOT, true);
                    legendItems.add(legendLine(c, false, runName(r)));
                }
            } else {
                if (isCurrent) {
                    add(entries, tag + "train", r.series(Series.TRAIN_ACCURACY), iterations, buckets, xScale, CURRENT, SOLID, SMALL_DOT, true);
                    add(entries, tag + "val", r.series(Series.VALIDATION_ACCURACY), iterations, buckets, xScale, VALIDATION, SOLID, DOT, true);
                    legendItems.add(legendLine(CURRENT, true, VisualText.get("curves.series.trainAccuracy")));
                    legendItems.add(legendLine(VALIDATION, true, VisualText.get("curves.series.validationAccuracy")));
                } else {
                    add(entries, tag + "train", r.series(Series.TRAIN_ACCURACY), iterations, buckets, xScale, c, DASHED, null, true);
                    add(entries, tag + "val", r.series(Series.VALIDATION_ACCURACY), iterations, buckets, xScale, c, THIN, DOT, true);
                    legendItems.add(legendLine(c, false, runName(r)));
                }
            }
        }
        int points = 0;
        for (LineDataset.Entry e : entries) points += e.data().size();
        lastPointCount = points;

        chart.setNotify(false);
        xAxis.setLabel(VisualText.get(epochs ? "curves.axis.epoch" : "curves.axis.iteration"));
        xAxis.setStandardTickUnits(epochs ? new NumberTickUnitSource() : NumberAxis.createIntegerTickUnits());
        ValueAxis y = log ? logY : linearY;
        if (plot.getRangeAxis() != y) plot.setRangeAxis(y);
        if (metric.get() == Metric.ACCURACY) {
            linearY.setLabel(VisualText.get("curves.axis.accuracy"));
            linearY.setNumberFormatOverride(NumberFormat.getPercentInstance(Locale.getDefault(Locale.Category.FORMAT)));
            linearY.setAutoRange(false);
            linearY.setRange(0, 1.02);
        } else {
            linearY.setLabel(VisualText.get("curves.axis.loss"));
            linearY.setNumberFormatOverride(null);
            linearY.setAutoRange(true);
        }
        dataset.set(entries, log);
        decimatedRange = visible;
        chart.setNotify(true);
        // New legend nodes cost a CSS pass: only when the entries themselves changed.
        List<String> keys = legendItems.stream().map(n -> ((Label) n).getText() + n.getUserData()).toList();
        if (!keys.equals(legendKeys)) {
            legendKeys = keys;
            legend.getChildren().setAll(legendItems);
        }
    }

    private void add(List<LineDataset.Entry> out, String key, SeriesBuffer data, Range iterations, int buckets,
                     double xScale, Color paint, Stroke stroke, java.awt.Shape shape, boolean line) {
        add(out, key, data, iterations, buckets, xScale, paint, stroke, shape, line, false);
    }

    /**
     * @param trend a smoothed line: one mean per pixel column (its extremes would be noise again);
     *              otherwise each column's first, lowest, highest and last point
     */
    private void add(List<LineDataset.Entry> out, String key, SeriesBuffer data, Range iterations, int buckets,
                     double xScale, Color paint, Stroke stroke, java.awt.Shape shape, boolean line, boolean trend) {
        if (data.size() == 0) return;
        Decimator.Line l = lines.computeIfAbsent(key, k -> new Decimator.Line());
        double x0 = iterations == null ? data.x(0) : iterations.getLowerBound();
        double x1 = iterations == null ? data.lastX() : iterations.getUpperBound();
        if (!(x1 > x0)) x1 = x0 + 1;
        if (trend) Decimator.decimateMean(data.xs(), data.ys(), data.size(), x0, x1, buckets, l);
        else Decimator.decimate(data.xs(), data.ys(), data.size(), x0, x1, buckets, l);
        // Markers show where the few measurements are; hundreds of them would only be a thick line.
        out.add(new LineDataset.Entry(key, l, xScale, paint, stroke, l.size() <= MAX_MARKERS ? shape : null, line));
    }

    private double plotWidth() {
        Rectangle2D area = viewer.getRenderingInfo() == null ? null : viewer.getRenderingInfo().getPlotInfo().getDataArea();
        return area != null && area.getWidth() > 0 ? area.getWidth() : Math.max(100, getWidth() - 80);
    }

    private static Node legendLine(Color c, boolean dot, String text) {
        Line l = new Line(0, 0, 16, 0);
        l.setStroke(fx(c));
        l.setStrokeWidth(2.5);
        Node graphic = l;
        if (dot) graphic = new StackPane(l, new Circle(3.5, fx(c)));
        Label label = new Label(text, graphic);
        label.getStyleClass().add("curves-legend-item");
        label.setUserData(c.getRGB() + (dot ? "o" : "-"));
        return label;
    }

    static javafx.scene.paint.Color fx(Color c) {
        return javafx.scene.paint.Color.rgb(c.getRed(), c.getGreen(), c.getBlue(), c.getAlpha() / 255.0);
    }

    private static <A extends ValueAxis> A axis(A a) {
        a.setLabelFont(LABEL_FONT);
        a.setLabelPaint(TEXT);
        a.setTickLabelFont(TICK_FONT);
        a.setTickLabelPaint(TEXT);
        a.setAxisLinePaint(GRID);
        a.setTickMarkPaint(GRID);
        return a;
    }

    // ---- hover ---------------------------------------------------------------------------

    private void hover(MouseEvent e) {
        Rectangle2D area = viewer.getRenderingInfo() == null ? null : viewer.getRenderingInfo().getPlotInfo().getDataArea();
        if (area == null || !area.contains(e.getX(), e.getY()) || runs.isEmpty() || dataset.getSeriesCount() == 0) {
            hideReadout();
            return;
        }
        double x = xAxis.java2DToValue(e.getX(), area, RectangleEdge.BOTTOM);
        String text = readoutAt(x);
        if (text.isEmpty()) {
            hideReadout();
            return;
        }
        crosshair.setStartX(e.getX());
        crosshair.setEndX(e.getX());
        crosshair.setStartY(area.getMinY());
        crosshair.setEndY(area.getMaxY());
        crosshair.setVisible(true);
        readout.setText(text);
        readout.setVisible(true);
        readout.autosize();
        double w = readout.prefWidth(-1);
        double h = readout.prefHeight(-1);
        double left = e.getX() + 14 + w > area.getMaxX() ? e.getX() - 14 - w : e.getX() + 14;
        readout.resizeRelocate(Math.max(area.getMinX(), left), area.getMinY() + 6, w, h);
    }

    private void hideReadout() {
        crosshair.setVisible(false);
        readout.setVisible(false);
    }

    /** The values nearest to x (in the axis' unit) of every series drawn, one line each. */
    public String readoutAt(double x) {
        CurveRun current = runs.get(runs.size() - 1);
        boolean epochs = xUnit.get() == XAxisUnit.EPOCH;
        double iteration = epochs ? x * current.iterationsPerEpoch() : x;
        StringBuilder sb = new StringBuilder();
        NumberFormat integer = NumberFormat.getIntegerInstance(Locale.getDefault(Locale.Category.FORMAT));
        sb.append(VisualText.format("curves.readout.at", Math.round(Math.max(0, iteration)), iteration / current.iterationsPerEpoch()));
        for (CurveRun r : runs) {
            if (r != current && !r.shownProperty().get()) continue;
            String prefix = r == current ? "" : VisualText.format("curves.readout.run", r.number());
            double it = epochs ? x * r.iterationsPerEpoch() : x;
            if (metric.get() == Metric.LOSS) {
                line(sb, prefix, "curves.readout.loss", smoothing.get() > 0 ? r.smoothedLoss() : r.series(Series.MINIBATCH_LOSS), it, integer);
                line(sb, prefix, "curves.readout.validationLoss", r.series(Series.VALIDATION_LOSS), it, integer);
            } else {
                line(sb, prefix, "curves.readout.trainAccuracy", r.series(Series.TRAIN_ACCURACY), it, integer);
                line(sb, prefix, "curves.readout.validationAccuracy", r.series(Series.VALIDATION_ACCURACY), it, integer);
            }
        }
        return sb.toString();
    }

    private void line(StringBuilder sb, String prefix, String key, SeriesBuffer s, double iteration, NumberFormat integer) {
        int i = Decimator.nearest(s.xs(), s.size(), iteration);
        if (i < 0) return;
        sb.append('\n').append(prefix).append(VisualText.format(key, Numbers.compact(s.y(i)), integer.format(Math.round(s.x(i)))));
    }

    // ---- export --------------------------------------------------------------------------

    /**
     * The chart as JFreeChart draws it with AWT (with its own legend, which measures right there),
     * {@code scale} times the size in pixels. UI thread: it reads the chart's data.
     */
    public BufferedImage image(int width, int height, double scale) {
        BufferedImage img = new BufferedImage((int) Math.round(width * scale), (int) Math.round(height * scale), BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.scale(scale, scale);
        drawForExport(g, width, height);
        g.dispose();
        return img;
    }

    /** The chart as an SVG document. UI thread. */
    public String svg(int width, int height) {
        org.jfree.svg.SVGGraphics2D g = new org.jfree.svg.SVGGraphics2D(width, height);
        drawForExport(g, width, height);
        return g.getSVGDocument();
    }

    private void drawForExport(Graphics2D g, int width, int height) {
        boolean notify = chart.isNotify();
        chart.setNotify(false);
        LegendTitle legendTitle = new LegendTitle(plot);
        legendTitle.setItemFont(TICK_FONT);
        legendTitle.setPosition(RectangleEdge.TOP);
        chart.addLegend(legendTitle);
        try {
            chart.draw(g, new Rectangle2D.Double(0, 0, width, height));
        } finally {
            chart.removeLegend();
            chart.setNotify(notify);
        }
    }

    /**
     * Every series of every run, undecimated, as CSV: {@code run,description,series,iteration,epoch,value}.
     * Takes what the runs hold now (UI thread) and returns a writer for any thread: the rows
     * written are never changed afterwards, since runs only append.
     */
    public CsvExport csv() {
        List<CsvExport.Part> parts = new ArrayList<>();
        for (CurveRun r : runs) {
            for (Series s : Series.values()) {
                SeriesBuffer b = r.series(s);
                parts.add(new CsvExport.Part(r.number(), r.description(), s.name().toLowerCase(Locale.ROOT),
                        r.iterationsPerEpoch(), b.xs(), b.ys(), b.size()));
            }
        }
        return new CsvExport(parts);
    }

    /** Rows of the CSV export, written off the UI thread. */
    public record CsvExport(List<Part> parts) {
        public record Part(int run, String description, String series, double iterationsPerEpoch, double[] x, double[] y, int size) {}

        public void writeTo(Writer w) throws IOException {
            w.write("run,description,series,iteration,epoch,value\n");
            for (Part p : parts) {
                String head = p.run() + "," + Csv.quote(p.description()) + "," + p.series() + ",";
                for (int i = 0; i < p.size(); i++) {
                    w.write(head);
                    w.write(Long.toString(Math.round(p.x()[i])));
                    w.write(',');
                    w.write(Double.toString(p.x()[i] / p.iterationsPerEpoch()));
                    w.write(',');
                    w.write(Double.toString(p.y()[i]));
                    w.write('\n');
                }
            }
        }
    }

    /** The renderer takes each line's look from the dataset entry. */
    private static final class Renderer extends XYLineAndShapeRenderer {
        private final LineDataset data;
        /** Presentation mode draws every line this much wider. */
        float widthScale = 1;
        private final Map<Stroke, Stroke> scaled = new HashMap<>();

        Renderer(LineDataset data) {
            super(true, true);
            this.data = data;
            setDefaultShapesFilled(true);
        }

        @Override
        public java.awt.Paint getItemPaint(int series, int item) {
            return data.entry(series).paint();
        }

        @Override
        public Stroke getItemStroke(int series, int item) {
            return scaled(data.entry(series).stroke());
        }

        private Stroke scaled(Stroke s) {
            if (widthScale == 1 || !(s instanceof BasicStroke b)) return s;
            return scaled.computeIfAbsent(s, k -> new BasicStroke(b.getLineWidth() * widthScale, b.getEndCap(), b.getLineJoin(),
                    b.getMiterLimit(), scale(b.getDashArray(), widthScale), b.getDashPhase()));
        }

        private static float[] scale(float[] dashes, float by) {
            if (dashes == null) return null;
            float[] out = dashes.clone();
            for (int i = 0; i < out.length; i++) out[i] *= by;
            return out;
        }

        @Override
        public java.awt.Shape getItemShape(int series, int item) {
            java.awt.Shape s = data.entry(series).shape();
            return s == null ? DOT : s;
        }

        @Override
        public boolean getItemShapeVisible(int series, int item) {
            return data.entry(series).shape() != null;
        }

        @Override
        public boolean getItemLineVisible(int series, int item) {
            return data.entry(series).line();
        }

        @Override
        public java.awt.Paint getSeriesPaint(int series) {
            return data.entry(series).paint();
        }

        @Override
        public Stroke getSeriesStroke(int series) {
            return scaled(data.entry(series).stroke());
        }
    }
}
