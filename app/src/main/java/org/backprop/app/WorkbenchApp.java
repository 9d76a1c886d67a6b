package org.backprop.app;

import javafx.application.Application;
import javafx.beans.binding.Bindings;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.backprop.app.dashboard.DashboardSources;
import org.backprop.app.dashboard.DashboardView;
import org.backprop.app.dashboard.DashboardViewModel;
import org.backprop.app.dataset.DataSetView;
import org.backprop.app.dataset.DataSetViewModel;
import org.backprop.app.editor.Autosave;
import org.backprop.app.editor.EditorView;
import org.backprop.app.editor.EditorViewModel;
import org.backprop.app.i18n.Messages;
import org.backprop.app.lesson.Language;
import org.backprop.app.lesson.LessonMode;
import org.backprop.app.start.StartPage;
import org.backprop.app.start.StartPageModel;
import org.backprop.app.stepthrough.StepModeOnStart;
import org.backprop.app.view.WorkbenchView;
import org.backprop.engine.project.Project;
import org.backprop.engine.runtime.Nd4jRuntime;
import org.backprop.visual.fx.FrameCoalescer;
import org.backprop.visual.fx.FramePump;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;

/**
 * The workbench window. Shown at once; ND4J loads on a background thread meanwhile ("starting
 * ND4J..." in the status bar, training controls disabled until it is up).
 */
public final class WorkbenchApp extends Application {
    /** Full-redraw charts look smooth at 20 Hz and cost a third of 60 Hz. */
    static final Duration FRAME_INTERVAL = Duration.ofMillis(50);
    /** Set by {@link Main} when no project was named: the start page comes to the front. */
    static final String START_PAGE = "workbench.startPage";

    private final Path requestedProject;
    private ExecutorService background;
    private FramePump pump;
    private WorkbenchViewModel vm;
    private WorkbenchView view;
    private LessonMode lessons;
    private EditorViewModel editor;
    private EditorView editorView;
    private StartPage startPage;

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
        editor = new EditorViewModel(ui, background, vm::report);
        editor.linkTo(vm);
        editorView = new EditorView(editor, () -> stage);
        // The dashboard reads the gradients through DashboardSources: the telemetry engine, adapted.
        DashboardViewModel dashboard = new DashboardViewModel(ui, background, vm, DashboardSources::telemetry);
        view = new WorkbenchView(vm, editorView, new DashboardView(dashboard, vm, () -> stage), () -> stage);
        view.addDataPanel(new DataSetView(new DataSetViewModel(ui, background, editor)).root());

        Scene scene = new Scene(view.root(), 1280, 800);
        Theme.install(scene);
        stage.setScene(scene);
        stage.getIcons().setAll(Assets.icons());
        stage.setMinWidth(960);
        stage.setMinHeight(600);
        stage.titleProperty().bind(Bindings.createStringBinding(() -> {
            Project p = editor.project();
            if (p == null) return Messages.get("window.title.empty");
            return Messages.format(editor.isDirty() ? "window.title.modified" : "window.title", p.name());
        }, editor.projectProperty(), editor.dirtyProperty()));
        stage.setOnCloseRequest(e -> {
            if (!editor.isDirty()) return;
            e.consume();
            editorView.whenSafe(stage::close);
        });
        editorView.install(scene);

        pump = new FramePump(ui, FRAME_INTERVAL);
        pump.start();
        AutoPilot.install(vm, editor, scene, view::showDashboard);
        StepModeOnStart.install(vm.stepThrough());
        StartupReport.install(stage, vm);
        stage.show();

        vm.startRuntime(Nd4jRuntime::start);
        Path project = project();
        lessons = LessonMode.install(scene, view, vm, editor, editorView::whenSafe);
        view.presentationProperty().bind(lessons.presentationProperty());
        startPage(ui);
        Runnable openFirst = () -> {
            if (project != null) {
                // A lesson named on the command line opens its own project over the first one.
                editor.open(project, lessons::startFromProperties);
            } else {
                editor.newProject();
                vm.report(new Problem(Problem.Kind.NO_SAMPLE,
                        Messages.format("problem.noSample", Path.of("").toAbsolutePath(), ProjectLocator.HOME_PROPERTY)));
                lessons.startFromProperties();
            }
        };
        // Work a crashed workbench left is offered first; declining it opens the project as usual.
        background.execute(() -> {
            List<Autosave.Recovery> left = editor.recoverable();
            ui.post(() -> {
                if (left.isEmpty()) openFirst.run();
                else editorView.offerRecovery(left.get(0), openFirst);
            });
        });
    }

    /** The start page's tab; in front when the window opened without a project named for it. */
    private void startPage(FrameCoalescer ui) {
        StartPageModel model = new StartPageModel(ui, background, ProjectLocator.samplesDir().orElse(null),
                LessonMode.lessonsDir(), Locale.getDefault());
        startPage = new StartPage(model,
                file -> editorView.whenSafe(() -> {
                    editor.open(file, () -> {});
                    view.showNetwork();
                }),
                file -> editorView.whenSafe(() -> {
                    view.showNetwork();
                    lessons.open(file);
                }));
        view.addStartPage(startPage.root());
        model.load();
        // -Dworkbench.tab=start|data, for screenshots (AutoPilot handles "dashboard").
        String tab = System.getProperty("workbench.tab");
        if (Boolean.getBoolean(START_PAGE) || "start".equals(tab)) view.showStartPage();
        if ("data".equals(tab)) view.showDataPanel();
    }

    private Path project() {
        if (requestedProject != null) return requestedProject;
        List<String> raw = getParameters() == null ? List.of() : getParameters().getRaw();
        return raw.isEmpty() ? null : Path.of(raw.get(0));
    }

    @Override
    public void stop() {
        // Reached only once unsaved changes were saved or given up: nothing to recover next time.
        if (editorView != null) editorView.stopAutosave();
        if (editor != null) editor.closeCleanly();
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

    public StartPage startPage() {
        return startPage;
    }

    public FramePump pump() {
        return pump;
    }

    public EditorViewModel editor() {
        return editor;
    }
}
