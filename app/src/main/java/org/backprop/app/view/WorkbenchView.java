package org.backprop.app.view;

import javafx.application.Platform;
import javafx.beans.binding.Bindings;
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
import org.backprop.app.WorkbenchViewModel;
import org.backprop.app.dashboard.DashboardView;
import org.backprop.app.i18n.Messages;
import org.backprop.app.stepthrough.StepThroughView;
import org.backprop.engine.project.Project;
import org.backprop.visual.chart.LossChart;
import org.backprop.visual.diagram.NetworkDiagram;

import java.util.function.Supplier;

/**
 * The workbench window's content: menu and toolbar on top, the layer list on the left, the
 * network diagram over the live loss chart in the middle (with the training dashboard on a
 * second tab, when there is one), the status bar at the foot.
 * Binds to the view model; holds no state of its own.
 */
public final class WorkbenchView {
    private final WorkbenchViewModel vm;
    private final Supplier<Window> window;
    private final BorderPane root = new BorderPane();
    private final LossChart chart = new LossChart();
    private final NetworkDiagram diagram = new NetworkDiagram();
    private final StepThroughView stepView;
    private final DashboardView dashboard;
    private TabPane tabs;

    public WorkbenchView(WorkbenchViewModel vm, Supplier<Window> window) {
        this(vm, null, window);
    }

    /** @param dashboard shown on a tab beside the network, or null for none */
    public WorkbenchView(WorkbenchViewModel vm, DashboardView dashboard, Supplier<Window> window) {
        this.vm = vm;
        this.window = window;
        this.dashboard = dashboard;
        root.getStyleClass().add("workbench");
        root.setTop(new VBox(WorkbenchMenu.create(actions(), vm.canSaveProperty(), vm.stepThrough().activeProperty()),
                TrainingToolbar.create(vm)));
        Node layers = layersPanel();
        Node centre = dashboard == null ? centre() : tabs(centre(), dashboard);
        BorderPane.setMargin(layers, new Insets(10, 0, 10, 10));
        BorderPane.setMargin(centre, new Insets(10));
        root.setLeft(layers);
        root.setCenter(centre);
        root.setBottom(StatusBar.create(vm));
        // Step mode takes the centre and the layer list's room; the rest of the window stays.
        stepView = new StepThroughView(vm.stepThrough());
        vm.stepThrough().activeProperty().addListener((o, was, on) -> {
            root.setLeft(on ? null : layers);
            root.setCenter(on ? stepView.root() : centre);
            if (on) stepView.focus();
        });

        diagram.setId("network-diagram");
        diagram.modelProperty().bind(vm.diagramProperty());
        chart.setId("loss-chart");
        vm.setMetricsSink(chart);
        vm.problemProperty().addListener((o, was, p) -> {
            if (p != null) Dialogs.problem(window.get(), p, vm::dismissProblem);
        });
    }

    public Parent root() {
        return root;
    }

    public LossChart chart() {
        return chart;
    }

    public NetworkDiagram diagram() {
        return diagram;
    }

    public StepThroughView stepView() {
        return stepView;
    }

    private Node layersPanel() {
        var table = LayerTable.create(vm.layers());
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
        VBox box = new VBox(panelTitle("panel.layers"), table, name, description);
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

    /** Brings the network's tab to the front. */
    public void showNetwork() {
        if (tabs != null) tabs.getSelectionModel().select(0);
    }

    /** The dashboard, or null. */
    public DashboardView dashboard() {
        return dashboard;
    }

    private Node centre() {
        VBox diagramPanel = new VBox(panelTitle("panel.network"), diagram);
        VBox.setVgrow(diagram, Priority.ALWAYS);
        diagramPanel.getStyleClass().add("panel");
        VBox chartPanel = new VBox(panelTitle("panel.training"), chart);
        VBox.setVgrow(chart, Priority.ALWAYS);
        chartPanel.getStyleClass().add("panel");
        SplitPane split = new SplitPane(diagramPanel, chartPanel);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.52);
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
            public void open() {
                Dialogs.chooseProjectToOpen(window.get(), vm.projectFileProperty().get()).ifPresent(vm::open);
            }

            @Override
            public void save() {
                if (!vm.save()) saveAs();
            }

            @Override
            public void saveAs() {
                Dialogs.chooseSaveTarget(window.get(), vm.projectFileProperty().get()).ifPresent(vm::saveAs);
            }

            @Override
            public void quit() {
                Platform.exit();
            }

            @Override
            public void about() {
                Dialogs.about(window.get(), vm.backendProperty().get());
            }
        };
    }
}
