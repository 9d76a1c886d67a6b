package org.backprop.app;

import javafx.application.Application;
import javafx.beans.binding.Bindings;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.backprop.app.dashboard.DashboardSources;
import org.backprop.app.dashboard.DashboardView;
import org.backprop.app.dashboard.DashboardViewModel;
import org.backprop.app.i18n.Messages;
import org.backprop.app.lesson.Language;
import org.backprop.app.lesson.LessonMode;
import org.backprop.app.stepthrough.StepModeOnStart;
import org.backprop.app.view.WorkbenchView;
import org.backprop.engine.project.Project;
import org.backprop.engine.runtime.Nd4jRuntime;
import org.backprop.visual.fx.FrameCoalescer;
import org.backprop.visual.fx.FramePump;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;

/**
 * The workbench window. Shown at once; ND4J loads on a background thread meanwhile ("starting
 * ND4J..." in the status bar, training controls disabled until it is up).
 */
public final class WorkbenchApp extends Application {
    /** Full-redraw charts look smooth at 20 Hz and cost a third of 60 Hz. */
    static final Duration FRAME_INTERVAL = Duration.ofMillis(50);

    private final Path requestedProject;
    private ExecutorService background;
    private FramePump pump;
    private WorkbenchViewModel vm;
    private WorkbenchView view;
    private LessonMode lessons;

    /** As {@code Application.launch} makes it: the project is the first parameter, if any. */
    public WorkbenchApp() {
        this(null);
    }

    /** For tests: open this project. */
    public WorkbenchApp(Path project) {
        this.requestedProject = project;
    }

    @Override
    public void start(Stage stage) {
        Nd4jRuntime.configure();
        Language.apply();
        FrameCoalescer ui = new FrameCoalescer();
        background = BackgroundThreads.create();
        vm = new WorkbenchViewModel(ui, background, new MemoryProbe());
        // The dashboard reads the gradients through DashboardSources: the telemetry engine, adapted.
        DashboardViewModel dashboard = new DashboardViewModel(ui, background, vm, DashboardSources::telemetry);
        view = new WorkbenchView(vm, new DashboardView(dashboard, vm, () -> stage), () -> stage);

        Scene scene = new Scene(view.root(), 1280, 800);
        scene.getStylesheets().add(Assets.stylesheet());
        stage.setScene(scene);
        stage.getIcons().setAll(Assets.icons());
        stage.setMinWidth(800);
        stage.setMinHeight(520);
        stage.titleProperty().bind(Bindings.createStringBinding(() -> {
            Project p = vm.projectProperty().get();
            return p == null ? Messages.get("window.title.empty") : Messages.format("window.title", p.name());
        }, vm.projectProperty()));

        pump = new FramePump(ui, FRAME_INTERVAL);
        pump.start();
        AutoPilot.install(vm, scene, view::showDashboard);
        StepModeOnStart.install(vm.stepThrough());
        stage.show();

        vm.startRuntime(Nd4jRuntime::start);
        Path project = project();
        if (project != null) {
            vm.open(project);
        } else {
            vm.report(new Problem(Problem.Kind.NO_SAMPLE,
                    Messages.format("problem.noSample", Path.of("").toAbsolutePath(), ProjectLocator.HOME_PROPERTY)));
        }
        // After the first project: a lesson named on the command line opens its own over it.
        lessons = LessonMode.install(scene, view.root(), vm);
    }

    private Path project() {
        if (requestedProject != null) return requestedProject;
        List<String> raw = getParameters() == null ? List.of() : getParameters().getRaw();
        return raw.isEmpty() ? null : Path.of(raw.get(0));
    }

    @Override
    public void stop() {
        if (pump != null) pump.stop();
        if (vm != null) vm.close();
        if (background != null) background.shutdownNow();
    }

    public WorkbenchViewModel viewModel() {
        return vm;
    }

    public WorkbenchView view() {
        return view;
    }

    public LessonMode lessons() {
        return lessons;
    }

    public FramePump pump() {
        return pump;
    }
}
