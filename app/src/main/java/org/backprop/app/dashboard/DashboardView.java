package org.backprop.app.dashboard;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.backprop.app.WorkbenchViewModel;
import org.backprop.app.i18n.Messages;
import org.backprop.visual.dashboard.ColourLegend;
import org.backprop.visual.dashboard.ConfusionMatrix;
import org.backprop.visual.dashboard.ConfusionMatrixView;
import org.backprop.visual.dashboard.CurvesView;
import org.backprop.visual.dashboard.DecisionBoundaryView;
import org.backprop.visual.dashboard.EdgeStyling;
import org.backprop.visual.dashboard.Exports;
import org.backprop.visual.dashboard.FindingsPanel;
import org.backprop.visual.dashboard.GridHeatmap;
import org.backprop.visual.dashboard.HeatmapGrid;
import org.backprop.visual.dashboard.LayerMatrix;
import org.backprop.visual.dashboard.LayerSeriesSource.Quantity;
import org.backprop.visual.dashboard.LiveNetworkView;
import org.backprop.visual.dashboard.MatrixHeatmap;

import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The live training dashboard: curves top left, the model (decision boundary, confusion matrix,
 * the network's weights) top right, the gradient heatmap bottom left, the selected layer's
 * gradient matrix and the findings bottom right. Binds to a {@link DashboardViewModel}; while it
 * is not on screen its views are not redrawn, and they catch up when it shows again.
 */
public final class DashboardView {
    private final DashboardViewModel vm;
    private final Supplier<Window> window;
    private final BooleanProperty showing = new SimpleBooleanProperty(this, "showing");
    private final SplitPane root;

    private final CurvesView curves;
    private final GridHeatmap heatmap = new GridHeatmap("heatmap.column.iteration", Messages.get("dashboard.heatmap.empty"));
    private final ColourLegend legend = new ColourLegend();
    private final GridHeatmap timeSteps = new GridHeatmap("heatmap.column.timeStep", "");
    private final Label timeStepCaption = new Label();
    private final MatrixHeatmap matrix = new MatrixHeatmap(Messages.get("dashboard.matrix.empty"));
    private final FindingsPanel findings = new FindingsPanel();
    private final LiveNetworkView network = new LiveNetworkView();
    private final BooleanProperty presentation = new SimpleBooleanProperty(this, "presentation");
    private final DecisionBoundaryView boundary = new DecisionBoundaryView(Messages.get("dashboard.boundary.empty"));
    private final ConfusionMatrixView confusion = new ConfusionMatrixView(Messages.get("dashboard.confusion.empty"));
    private final Label matrixDetail = new Label();
    private final TabPane modelTabs = new TabPane();
    private final Tab boundaryTab = new Tab(Messages.get("dashboard.tab.boundary"));
    private final Tab confusionTab = new Tab(Messages.get("dashboard.tab.confusion"));
    private final Tab networkTab = new Tab(Messages.get("dashboard.tab.network"));

    public DashboardView(DashboardViewModel vm, WorkbenchViewModel workbench, Supplier<Window> window) {
        this.vm = vm;
        this.window = window;
        curves = new CurvesView(vm.runs());
        curves.setId("dashboard-curves");
        heatmap.setId("gradient-heatmap");
        legend.setId("gradient-legend");
        timeSteps.setId("time-step-heatmap");
        matrix.setId("gradient-matrix");
        findings.setId("findings");
        network.setId("live-network");
        boundary.setId("decision-boundary");
        confusion.setId("confusion-matrix");

        SplitPane top = new SplitPane(curvesPanel(), modelPanel());
        top.setDividerPositions(0.6);
        SplitPane bottom = new SplitPane(gradientsPanel(), layerPanel());
        bottom.setDividerPositions(0.6);
        top.getStyleClass().add("centre-split");
        bottom.getStyleClass().add("centre-split");
        root = new SplitPane(top, bottom);
        root.setOrientation(Orientation.VERTICAL);
        root.setDividerPositions(0.5);
        root.getStyleClass().addAll("centre-split", "dashboard");
        root.setId("dashboard");

        vm.activeProperty().bind(showing);
        curves.presentationProperty().bind(presentation);
        heatmap.presentationProperty().bind(presentation);
        timeSteps.presentationProperty().bind(presentation);
        network.presentationProperty().bind(presentation);
        legend.presentationProperty().bind(presentation);
        matrix.presentationProperty().bind(presentation);
        boundary.presentationProperty().bind(presentation);
        confusion.presentationProperty().bind(presentation);
        curves.smoothingProperty().addListener((o, a, b) -> vm.setSmoothing(b.doubleValue()));
        vm.setSmoothing(curves.smoothingProperty().get());
        vm.curvesRevisionProperty().addListener((o, a, b) -> {
            if (showing.get()) curves.refresh();
        });
        vm.selectionProperty().bindBidirectional(heatmap.selectionProperty());
        whenShowing(vm.heatmapProperty(), g -> {
            heatmap.gridProperty().set(g);
            legend.frozenProperty().set(!g.frozen().isEmpty());
        });
        whenShowing(vm.heatmapScaleProperty(), s -> {
            heatmap.scaleProperty().set(s);
            legend.scaleProperty().set(s);
        });
        whenShowing(vm.timeStepScaleProperty(), sc -> {
            timeSteps.scaleProperty().set(sc);
            timeStepCaption.setText(Messages.format("dashboard.timeSteps.caption", sc.low(), sc.high()));
        });
        whenShowing(vm.timeStepsProperty(), g -> {
            timeSteps.gridProperty().set(g);
            timeSteps.setVisible(g.rowCount() > 0); // only recurrent layers have time steps
        });
        whenShowing(vm.selectedMatrixProperty(), this::showMatrix);
        whenShowing(vm.findingsProperty(), f -> findings.show(f, vm.nonFiniteProperty().get()));
        whenShowing(vm.nonFiniteProperty(), n -> findings.show(vm.findingsProperty().get(), n));
        whenShowing(vm.findingsProperty(), f -> {
            Set<String> layers = new HashSet<>();
            f.forEach(x -> layers.addAll(x.layers()));
            heatmap.setHighlighted(layers);
        });
        whenShowing(vm.edgeStylingProperty(), network.stylingProperty()::set);
        whenShowing(workbench.diagramProperty(), network.modelProperty()::set);
        whenShowing(vm.surfaceProperty(), boundary.surfaceProperty()::set);
        whenShowing(vm.confusionProperty(), confusion.matrixProperty()::set);
        vm.twoDimensionalProperty().addListener((o, a, b) -> updateTabs());
        vm.classificationProperty().addListener((o, a, b) -> updateTabs());
        showing.addListener((o, a, b) -> {
            if (b) curves.refresh();
        });
        updateTabs();
    }

    /** Pushes a value into a view now and on every change while showing, and catches up when shown. */
    private <T> void whenShowing(ObservableValue<T> source, Consumer<T> sink) {
        source.addListener((o, a, b) -> {
            if (showing.get()) sink.accept(b);
        });
        showing.addListener((o, a, b) -> {
            if (b) sink.accept(source.getValue());
        });
        sink.accept(source.getValue());
    }

    public Node root() {
        return root;
    }

    /** Set while the dashboard is on screen (its tab selected). */
    public BooleanProperty showingProperty() {
        return showing;
    }

    public DashboardViewModel viewModel() { return vm; }

    public CurvesView curves() { return curves; }

    public GridHeatmap heatmap() { return heatmap; }

    public MatrixHeatmap matrix() { return matrix; }

    public FindingsPanel findings() { return findings; }

    public LiveNetworkView network() { return network; }

    public ColourLegend legend() { return legend; }

    /** Presentation mode for the charts and canvases of the dashboard (thick lines, large type). */
    public BooleanProperty presentationProperty() { return presentation; }

    public DecisionBoundaryView boundary() { return boundary; }

    public ConfusionMatrixView confusion() { return confusion; }

    // ---- panels ------------------------------------------------------------------------------

    private Node curvesPanel() {
        MenuButton export = exportMenu(
                item("dashboard.export.png", () -> exportPng("curves.png", () -> curves.image(
                        (int) Math.max(640, curves.getWidth()), (int) Math.max(400, curves.getHeight()), 2))),
                item("dashboard.export.svg", () -> choose("curves.svg", "*.svg").ifPresent(f -> {
                    String svg = curves.svg((int) Math.max(640, curves.getWidth()), (int) Math.max(400, curves.getHeight()));
                    vm.export(f, () -> Exports.writeText(svg, f));
                })),
                item("dashboard.export.csv", () -> choose("curves.csv", "*.csv").ifPresent(f -> {
                    CurvesView.CsvExport rows = curves.csv();
                    vm.export(f, () -> Exports.writeCsv(f, rows::writeTo));
                })));
        VBox.setVgrow(curves, Priority.ALWAYS);
        return panel(header(title("dashboard.curves"), exportMessage(), export), curves);
    }

    private Node modelPanel() {
        boundaryTab.setContent(boundary);
        confusionTab.setContent(confusion);
        ToggleGroup mode = new ToggleGroup();
        ToggleButton weights = toggle("dashboard.network.weights", mode, "edge-weights");
        ToggleButton gradients = toggle("dashboard.network.gradients", mode, "edge-gradients");
        weights.setSelected(true);
        mode.selectedToggleProperty().addListener((o, a, b) -> {
            if (b == null) a.setSelected(true);
            else vm.edgeModeProperty().set(b == gradients ? EdgeStyling.Mode.GRADIENT : EdgeStyling.Mode.WEIGHT);
        });
        HBox modes = segmented(weights, gradients);
        VBox.setVgrow(network, Priority.ALWAYS);
        VBox networkBox = new VBox(6, modes, network);
        networkTab.setContent(networkBox);
        for (Tab t : new Tab[]{boundaryTab, confusionTab, networkTab}) t.setClosable(false);
        modelTabs.getStyleClass().add("dashboard-tabs");
        VBox.setVgrow(modelTabs, Priority.ALWAYS);
        Label hover = hoverLabel();
        Runnable hoverText = () -> hover.setText(firstNonEmpty(boundary.hoverTextProperty().get(),
                network.hoverTextProperty().get()));
        boundary.hoverTextProperty().addListener((o, a, b) -> hoverText.run());
        network.hoverTextProperty().addListener((o, a, b) -> hoverText.run());
        MenuButton export = exportMenu(
                item("dashboard.export.png", () -> exportPng("model.png", () -> Exports.snapshot(modelTabs, 2))),
                item("dashboard.export.csv", () -> {
                    ConfusionMatrix m = vm.confusionProperty().get();
                    if (m == null) return;
                    choose("confusion.csv", "*.csv").ifPresent(f -> vm.export(f, () -> Exports.writeCsv(f, Exports.csv(m))));
                }));
        return panel(header(title("dashboard.model"), export), modelTabs, hover);
    }

    /** The tabs that apply to this data; the most telling one (the boundary, else the confusion matrix) in front. */
    private void updateTabs() {
        modelTabs.getTabs().clear();
        if (vm.twoDimensionalProperty().get()) modelTabs.getTabs().add(boundaryTab);
        if (vm.classificationProperty().get()) modelTabs.getTabs().add(confusionTab);
        modelTabs.getTabs().add(networkTab);
        modelTabs.getSelectionModel().selectFirst();
    }

    private Node gradientsPanel() {
        ToggleGroup q = new ToggleGroup();
        ToggleButton ratio = toggle("dashboard.quantity.ratio", q, "quantity-ratio");
        ToggleButton norm = toggle("dashboard.quantity.norm", q, "quantity-norm");
        (vm.quantityProperty().get() == Quantity.GRADIENT_NORM ? norm : ratio).setSelected(true);
        q.selectedToggleProperty().addListener((o, a, b) -> {
            if (b == null) a.setSelected(true);
            else vm.quantityProperty().set(b == norm ? Quantity.GRADIENT_NORM : Quantity.UPDATE_RATIO);
        });
        legend.titleProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> Messages.get(vm.quantityProperty().get() == Quantity.GRADIENT_NORM ? "dashboard.legend.norm" : "dashboard.legend.ratio"),
                vm.quantityProperty()));
        VBox.setVgrow(heatmap, Priority.ALWAYS);
        VBox picture = new VBox(4, heatmap, legend, timeStepCaption, timeSteps);
        VBox.setVgrow(picture, Priority.ALWAYS);
        timeSteps.setPrefHeight(90);
        timeSteps.setVisible(false);
        timeSteps.managedProperty().bind(timeSteps.visibleProperty());
        timeStepCaption.setId("time-step-caption");
        timeStepCaption.getStyleClass().add("time-step-caption"); // lesson.css enlarges it in presentation mode
        timeStepCaption.setWrapText(true);
        timeStepCaption.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE); // wrap rather than cut the scale off
        timeStepCaption.visibleProperty().bind(timeSteps.visibleProperty());
        timeStepCaption.managedProperty().bind(timeSteps.visibleProperty());
        Label hover = hoverLabel();
        heatmap.hoverTextProperty().addListener((o, a, b) -> hover.setText(b));
        timeSteps.hoverTextProperty().addListener((o, a, b) -> hover.setText(b));
        MenuButton export = exportMenu(
                item("dashboard.export.png", () -> exportPng("gradients.png", () -> Exports.snapshot(picture, 2))),
                item("dashboard.export.csv", () -> {
                    HeatmapGrid g = vm.heatmapProperty().get();
                    choose("gradients.csv", "*.csv").ifPresent(f -> vm.export(f, () -> Exports.writeCsv(f, Exports.csv(g, "iteration"))));
                }),
                timeStepsCsv());
        Node head = header(title("dashboard.gradients"), segmented(ratio, norm), export);
        return panel(head, picture, hover);
    }

    /** The gradient per time step behind the time-step view; there only for recurrent layers. */
    private MenuItem timeStepsCsv() {
        MenuItem i = item("dashboard.export.timeStepsCsv", () -> {
            HeatmapGrid g = vm.timeStepsProperty().get();
            choose("time-steps.csv", "*.csv").ifPresent(f -> vm.export(f, () -> Exports.writeCsv(f, Exports.csv(g, "time_step"))));
        });
        i.setId("export-time-steps-csv");
        i.visibleProperty().bind(timeSteps.visibleProperty());
        return i;
    }

    private Node layerPanel() {
        VBox.setVgrow(matrix, Priority.ALWAYS);
        VBox.setVgrow(findings, Priority.ALWAYS);
        findings.setPrefHeight(140);
        Label hover = hoverLabel();
        matrix.hoverTextProperty().addListener((o, a, b) -> hover.setText(b));
        MenuButton export = exportMenu(
                item("dashboard.export.png", () -> exportPng("gradient-matrix.png", () -> Exports.snapshot(matrix, 2))),
                item("dashboard.export.csv", () -> {
                    LayerMatrix m = vm.selectedMatrixProperty().get();
                    if (m == null) return;
                    choose(m.layer() + "-gradient.csv", "*.csv").ifPresent(f -> vm.export(f, () -> Exports.writeCsv(f, Exports.csv(m))));
                }));
        matrixDetail.getStyleClass().add("dashboard-detail");
        matrixDetail.setMinWidth(0);
        return panel(header(title("dashboard.matrix"), export), matrixDetail, matrix, hover, title("dashboard.findings"), findings);
    }

    private void showMatrix(LayerMatrix m) {
        matrix.matrixProperty().set(m);
        matrixDetail.setText(m == null ? "" : Messages.format("dashboard.matrix.of", m.layer(), m.iteration()));
    }

    // ---- pieces ------------------------------------------------------------------------------

    private static VBox panel(Node... children) {
        VBox box = new VBox(children);
        box.getStyleClass().addAll("panel", "dashboard-panel");
        box.setMinSize(0, 0);
        return box;
    }

    private static HBox header(Node... children) {
        HBox h = new HBox(10);
        h.setAlignment(Pos.CENTER_LEFT);
        h.getStyleClass().add("dashboard-header");
        for (int i = 0; i < children.length; i++) {
            if (i == children.length - 1) {
                Region spring = new Region();
                HBox.setHgrow(spring, Priority.ALWAYS);
                h.getChildren().add(spring);
            }
            h.getChildren().add(children[i]);
        }
        return h;
    }

    private Label exportMessage() {
        Label l = new Label();
        l.setId("dashboard-message");
        l.getStyleClass().add("dashboard-message");
        l.textProperty().bind(vm.messageProperty());
        return l;
    }

    private static Label title(String key) {
        Label l = new Label(Messages.get(key));
        l.getStyleClass().add("panel-title");
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    private static Label hoverLabel() {
        Label l = new Label();
        l.getStyleClass().add("dashboard-hover");
        l.setMinHeight(16);
        return l;
    }

    private static ToggleButton toggle(String key, ToggleGroup group, String id) {
        ToggleButton b = new ToggleButton(Messages.get(key));
        b.setMinWidth(Region.USE_PREF_SIZE);
        b.setToggleGroup(group);
        b.setId(id);
        return b;
    }

    private static HBox segmented(ToggleButton... buttons) {
        HBox box = new HBox(buttons);
        box.getStyleClass().add("segmented");
        buttons[0].getStyleClass().add("left-pill");
        buttons[buttons.length - 1].getStyleClass().add("right-pill");
        return box;
    }

    private static MenuButton exportMenu(MenuItem... items) {
        MenuButton b = new MenuButton(Messages.get("dashboard.export"), null, items);
        b.getStyleClass().add("export-menu");
        b.setMinWidth(Region.USE_PREF_SIZE);
        return b;
    }

    private static MenuItem item(String key, Runnable action) {
        MenuItem i = new MenuItem(Messages.get(key));
        i.setOnAction(e -> action.run());
        return i;
    }

    private static String firstNonEmpty(String a, String b) {
        return a != null && !a.isEmpty() ? a : b == null ? "" : b;
    }

    /** Takes the picture now (UI thread), writes it in the background. */
    private void exportPng(String name, Supplier<BufferedImage> picture) {
        choose(name, "*.png").ifPresent(f -> {
            BufferedImage img = picture.get();
            vm.export(f, () -> Exports.writePng(img, f));
        });
    }

    private java.util.Optional<Path> choose(String name, String pattern) {
        FileChooser c = new FileChooser();
        c.setTitle(Messages.get("dashboard.export.title"));
        c.setInitialFileName(name);
        c.getExtensionFilters().add(new FileChooser.ExtensionFilter(pattern, pattern));
        File f = c.showSaveDialog(window.get());
        return java.util.Optional.ofNullable(f).map(File::toPath);
    }
}
