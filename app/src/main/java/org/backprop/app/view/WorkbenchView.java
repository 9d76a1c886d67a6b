package org.backprop.app.view;

import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.backprop.app.Theme;
import org.backprop.app.WorkbenchViewModel;
import org.backprop.app.dashboard.DashboardView;
import org.backprop.app.editor.EditorView;
import org.backprop.app.i18n.Messages;
import org.backprop.app.stepthrough.StepThroughView;
import org.backprop.engine.project.Project;
import org.backprop.visual.chart.LossChart;

import java.util.List;
import java.util.function.Supplier;

/**
 * The workbench window's content: menu and toolbar on top; on the left the layer palette and
 * the layer list; in the middle the network editor over the live loss chart (with the training
 * dashboard and the start page on further tabs, when there are); on the right the property sheet
 * and the data-set panel on tabs; the status bar
 * at the foot. Step mode takes the middle. Binds to the view models; holds no state of its own.
 */
public final class WorkbenchView {
    /** The view a lesson's step is about; in presentation mode the only one shown. */
    public enum Focus { DIAGRAM, LOSS_CHART, DASHBOARD }

    /** On the centre tabs in presentation mode with a focus: their headers go (lesson.css). */
    static final String FOCUSED_CLASS = "focused";

    private final WorkbenchViewModel vm;
    private final EditorView editor;
    private final Supplier<Window> window;
    private final BorderPane root = new BorderPane();
    private final LossChart chart = new LossChart();
    private final StepThroughView stepView;
    private final DashboardView dashboard;
    private final BooleanProperty presentation = new SimpleBooleanProperty(this, "presentation");
    private final ObjectProperty<Focus> focus = new SimpleObjectProperty<>(this, "focus");
    private TabPane tabs;
    private TabPane side;
    private SplitPane split;
    private Node diagramPanel;
    private Node chartPanel;

    /** @param dashboard shown on a tab beside the network, or null for none */
    public WorkbenchView(WorkbenchViewModel vm, EditorView editor, DashboardView dashboard, Supplier<Window> window) {
        this.vm = vm;
        this.editor = editor;
        this.window = window;
        this.dashboard = dashboard;
        root.getStyleClass().add("workbench");
        root.setTop(new VBox(WorkbenchMenu.create(actions(), vm.canSaveProperty(), editor.recentMenu(),
                List.of(editor.editMenu(), editor.viewMenu()), vm.stepThrough().activeProperty()),
                TrainingToolbar.create(vm)));
        Node layers = layersPanel();
        Node centre = dashboard == null ? centre() : tabs(centre(), dashboard);
        Node properties = sideTabs(editor.propertiesPanel());
        BorderPane.setMargin(layers, new Insets(10, 0, 10, 10));
        BorderPane.setMargin(centre, new Insets(10));
        BorderPane.setMargin(properties, new Insets(10, 10, 10, 0));
        root.setLeft(layers);
        root.setCenter(centre);
        root.setRight(properties);
        root.setBottom(StatusBar.create(vm, editor.viewModel().totalParametersProperty()));
        // Step mode takes the centre, the layer list's and the property sheet's room.
        stepView = new StepThroughView(vm.stepThrough());
        vm.stepThrough().activeProperty().addListener((o, was, on) -> {
            root.setLeft(on ? null : layers);
            root.setCenter(on ? stepView.root() : centre);
            root.setRight(on ? null : properties);
            if (on) stepView.focus();
        });

        chart.setId("loss-chart");
        chart.setDark(Theme.current() == Theme.DARK);
        Theme.currentProperty().addListener((o, was, now) -> chart.setDark(now == Theme.DARK));
        chart.presentationProperty().bind(presentation);
        stepView.diagram().presentationProperty().bind(presentation);
        editor.canvas().presentationProperty().bind(presentation);
        focus.addListener((o, was, now) -> applyFocus());
        presentation.addListener((o, was, now) -> applyFocus());
        if (dashboard != null) dashboard.presentationProperty().bind(presentation);
        vm.setMetricsSink(chart);
        vm.problemProperty().addListener((o, was, p) -> {
            if (p != null) Dialogs.problem(window.get(), p, vm::dismissProblem);
        });
    }

    public Parent root() {
        return root;
    }

    /**
     * Presentation mode for what the views draw themselves (chart lines, diagrams, heatmaps): the
     * window binds it to its one flag; style sheets do the rest.
     */
    public BooleanProperty presentationProperty() {
        return presentation;
    }

    /**
     * The view a lesson's step shows (null: none, the window as the teacher left it). Setting it
     * brings its tab to the front; in presentation mode nothing else of the centre stays: no tab
     * headers, and the network's editor or its loss chart alone.
     */
    public ObjectProperty<Focus> focusProperty() {
        return focus;
    }

    private void applyFocus() {
        Focus f = focus.get();
        if (f == Focus.DASHBOARD) showDashboard();
        else if (f != null) showNetwork();
        boolean alone = presentation.get() && f != null;
        if (tabs != null) {
            if (alone && !tabs.getStyleClass().contains(FOCUSED_CLASS)) tabs.getStyleClass().add(FOCUSED_CLASS);
            if (!alone) tabs.getStyleClass().remove(FOCUSED_CLASS);
        }
        List<Node> parts = !alone || f == Focus.DASHBOARD ? List.of(diagramPanel, chartPanel)
                : List.of(f == Focus.DIAGRAM ? diagramPanel : chartPanel);
        if (!split.getItems().equals(parts)) {
            split.getItems().setAll(parts);
            if (parts.size() == 2) split.setDividerPositions(0.6);
        }
    }

    public LossChart chart() {
        return chart;
    }

    public EditorView editor() {
        return editor;
    }

    public StepThroughView stepView() {
        return stepView;
    }

    private Node layersPanel() {
        var table = LayerTable.create(editor.viewModel().rows());
        editor.bindLayerTable(table);
        VBox.setVgrow(table, Priority.ALWAYS);
        Label description = new Label();
        description.setId("project-description");
        description.getStyleClass().add("project-description");
        description.setWrapText(true);
        description.textProperty().bind(Bindings.createStringBinding(() -> {
            Project p = vm.projectProperty().get();
            return p == null ? "" : p.description();
        }, vm.projectProperty()));
        Label name = new Label();
        name.getStyleClass().add("project-name");
        name.textProperty().bind(Bindings.createStringBinding(() -> {
            Project p = vm.projectProperty().get();
            return p == null ? "" : p.name();
        }, vm.projectProperty()));
        VBox box = new VBox(panelTitle("panel.palette"), editor.palette(), panelTitle("panel.layers"), table, name, description);
        box.getStyleClass().addAll("panel", "layers-panel");
        return box;
    }

    private Node tabs(Node network, DashboardView dash) {
        Tab networkTab = new Tab(Messages.get("tab.network"), network);
        networkTab.setId("tab-network");
        Tab dashboardTab = new Tab(Messages.get("tab.dashboard"), dash.root());
        dashboardTab.setId("tab-dashboard");
        tabs = new TabPane(networkTab, dashboardTab);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setId("centre-tabs");
        tabs.getStyleClass().add("centre-tabs");
        dash.showingProperty().bind(dashboardTab.selectedProperty());
        return tabs;
    }

    /** Brings the dashboard's tab to the front (no-op without a dashboard). */
    public void showDashboard() {
        if (tabs != null) tabs.getSelectionModel().select(1);
    }

    /** The right side: the property sheet, and the panels added beside it on tabs. */
    private Node sideTabs(Node properties) {
        Tab tab = new Tab(Messages.get("tab.properties"), properties);
        tab.setId("tab-properties");
        side = new TabPane(tab);
        side.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        side.setId("side-tabs");
        side.getStyleClass().add("side-tabs");
        return side;
    }

    /** Adds the data-set panel on a tab beside the property sheet. */
    public void addDataPanel(Node panel) {
        Tab tab = new Tab(Messages.get("tab.data"), panel);
        tab.setId("tab-data");
        side.getTabs().add(tab);
    }

    /** Brings the data-set panel's tab to the front. */
    public void showDataPanel() {
        side.getTabs().stream().filter(t -> "tab-data".equals(t.getId())).findFirst()
                .ifPresent(t -> side.getSelectionModel().select(t));
    }

    /** Adds the start page as the last tab of the centre (no-op without tabs). */
    public void addStartPage(Node page) {
        if (tabs == null) return;
        Tab start = new Tab(Messages.get("tab.start"), page);
        start.setId("tab-start");
        tabs.getTabs().add(start);
    }

    /** Brings the start page's tab to the front. */
    public void showStartPage() {
        if (tabs == null) return;
        tabs.getTabs().stream().filter(t -> "tab-start".equals(t.getId())).findFirst()
                .ifPresent(t -> tabs.getSelectionModel().select(t));
    }

    /** Brings the network's tab to the front. */
    public void showNetwork() {
        if (tabs != null) tabs.getSelectionModel().select(0);
    }

    /** The dashboard, or null. */
    public DashboardView dashboard() {
        return dashboard;
    }

    private Node centre() {
        diagramPanel = editor.networkPanel();
        VBox chartPanel = new VBox(panelTitle("panel.training"), chart);
        VBox.setVgrow(chart, Priority.ALWAYS);
        chartPanel.getStyleClass().add("panel");
        this.chartPanel = chartPanel;
        split = new SplitPane(diagramPanel, chartPanel);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.6);
        split.getStyleClass().add("centre-split");
        return split;
    }

    private static Label panelTitle(String key) {
        Label l = new Label(Messages.get(key));
        l.getStyleClass().add("panel-title");
        return l;
    }

    private WorkbenchMenu.Actions actions() {
        return new WorkbenchMenu.Actions() {
            @Override
            public void newProject() {
                editor.newProject();
            }

            @Override
            public void open() {
                editor.open();
            }

            @Override
            public void startPage() {
                showStartPage();
            }

            @Override
            public void save() {
                editor.save();
            }

            @Override
            public void saveAs() {
                editor.saveAs();
            }

            @Override
            public void quit() {
                editor.whenSafe(Platform::exit);
            }

            @Override
            public void about() {
                Dialogs.about(window.get(), vm.backendProperty().get());
            }
        };
    }
}
