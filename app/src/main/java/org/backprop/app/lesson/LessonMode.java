package org.backprop.app.lesson;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ChangeListener;
import javafx.event.Event;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.control.Alert;
import org.backprop.app.ProjectLocator;
import org.backprop.app.WorkbenchViewModel;
import org.backprop.app.editor.EditorViewModel;
import org.backprop.app.editor.Edits;
import org.backprop.app.stepthrough.StepThroughViewModel;
import org.backprop.app.view.WorkbenchView;
import org.backprop.engine.lesson.Lesson;
import org.backprop.engine.lesson.LessonFiles;
import org.backprop.engine.lesson.LessonPlayer;
import org.backprop.engine.project.GradientClipping;
import org.backprop.engine.project.Project;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Classroom mode in the workbench window: File > Lessons opens a lesson beside the view,
 * PageDown/PageUp turn its pages, F11 or Ctrl+Shift+P switches presentation mode (large type,
 * thick lines, high contrast, nothing but the lesson and its view), View > Language picks the
 * interface language. Installed once the window is built; the window's classes only call {@link #install}.
 *
 * <p>For screenshots and prepared classes: {@code -Dworkbench.lesson=01-chain-rule} (a name in
 * samples/lessons or a path), {@code -Dworkbench.lesson.step=N} (from 1), {@code -Dworkbench.presentation=true}
 * and {@code -Dworkbench.windowSize=1280x720}.
 */
public final class LessonMode {
    static final String LESSON = "workbench.lesson";
    static final String LESSON_STEP = "workbench.lesson.step";
    static final String PRESENTATION = "workbench.presentation";
    /** "1280x720": the projector's size, to check a lesson's layout on it. */
    static final String WINDOW_SIZE = "workbench.windowSize";
    static final String PRESENTATION_CLASS = "presentation";
    static final String HIGHLIGHT_CLASS = "lesson-highlight";

    /** Lesson control names to the window's node ids. */
    static final Map<String, String> CONTROLS = Map.of(
            "train", "#train", "step", "#step", "reset", "#reset", "loss-chart", "#loss-chart",
            "layers", "#layer-table", "step-next", "#step-next", "clipping", "#field-gradientClipping");

    private final Scene scene;
    private final BorderPane root;
    private BorderPane outer;
    private final WorkbenchViewModel workbench;
    private final WorkbenchView view;
    private final EditorViewModel editor;
    /** Runs an action once unsaved work is saved or given up (the editor's prompt); never when cancelled. */
    private final Consumer<Runnable> whenSafe;
    private final LessonViewModel vm;
    private final LessonPanel panel;
    private final BooleanProperty presentation = new SimpleBooleanProperty(this, "presentation");
    private Node highlighted;
    private int pendingStep = -1;
    /** The project the lesson's step asked for; step mode waits until it is the open one. */
    private Path expectedFile;
    private ChangeListener<Number> trainLimit;
    /** What {@link LessonViewModel.Host#clip} changed: the file, the clipping before, the project after. */
    private Path clippedFile;
    private GradientClipping clippingBefore;
    private Project clippedProject;

    private LessonMode(Scene scene, WorkbenchView view, WorkbenchViewModel workbench, EditorViewModel editor,
                       Consumer<Runnable> whenSafe) {
        this.scene = scene;
        this.root = (BorderPane) view.root();
        this.view = view;
        this.workbench = workbench;
        this.editor = editor;
        this.whenSafe = whenSafe;
        this.vm = new LessonViewModel(host(), Locale.getDefault());
        this.panel = new LessonPanel(vm, vm::close);
    }

    /**
     * @param editor   where a lesson's edits (switching clipping on) go, undoable like the teacher's own
     * @param whenSafe the editor's prompt before unsaved work is replaced (EditorView::whenSafe)
     */
    public static LessonMode install(Scene scene, WorkbenchView view, WorkbenchViewModel workbench, EditorViewModel editor,
                                     Consumer<Runnable> whenSafe) {
        LessonMode m = new LessonMode(scene, view, workbench, editor, whenSafe);
        Node viewRoot = view.root();
        scene.getStylesheets().add(Objects.requireNonNull(LessonMode.class.getResource("lesson.css")).toExternalForm());
        // The lesson sits beside the whole workbench, so that the editor's property sheet and step
        // mode keep their own room.
        BorderPane outer = new BorderPane(viewRoot);
        outer.setRight(m.panel.root());
        outer.getStyleClass().add("lesson-host");
        scene.setRoot(outer);
        m.outer = outer;
        m.menus();
        m.keys();
        m.presentation.addListener((o, was, on) -> m.applyPresentation(on));
        m.root.leftProperty().addListener((o, was, now) -> m.applyPresentation(m.presentation.get()));
        m.root.rightProperty().addListener((o, was, now) -> m.applyPresentation(m.presentation.get()));
        m.workbench.stepThrough().statusProperty().addListener((o, was, s) -> m.goToPendingStep());
        m.workbench.stepThrough().transcriptProperty().addListener((o, was, t) -> m.goToPendingStep());
        return m;
    }

    public LessonViewModel viewModel() {
        return vm;
    }

    public BooleanProperty presentationProperty() {
        return presentation;
    }

    /** The shipped lessons: samples/lessons under workbench.home, else next to the default project's samples. */
    public static Path lessonsDir() {
        String home = System.getProperty(ProjectLocator.HOME_PROPERTY);
        if (home != null && !home.isBlank() && Files.isDirectory(Path.of(home, "samples", "lessons"))) {
            return Path.of(home, "samples", "lessons").toAbsolutePath();
        }
        return ProjectLocator.defaultProject().map(p -> p.getParent().getParent().resolve("lessons"))
                .orElse(Path.of("samples", "lessons")).toAbsolutePath();
    }

    /** Starts a lesson; callers have already offered to save unsaved work (menu, start page). */
    public void open(Path lessonFile) {
        // What is open now was cleared by that prompt: the lesson may replace it without asking again.
        Path now = workbench.projectFileProperty().get();
        expectedFile = now == null ? null : now.toAbsolutePath().normalize();
        try {
            vm.open(LessonFiles.read(lessonFile));
        } catch (Exception e) {
            Alert a = new Alert(Alert.AlertType.ERROR, e.getMessage());
            a.setHeaderText(LessonStrings.get("lesson.error"));
            a.getDialogPane().setId("lesson-error");
            org.backprop.app.Theme.style(a.getDialogPane());
            a.show();
        }
    }

    // ---- the window's side of a step ---------------------------------------------------------------

    private LessonViewModel.Host host() {
        return new LessonViewModel.Host() {
            @Override
            public void open(Path projectFile) {
                Path now = workbench.projectFileProperty().get();
                Path nowNormal = now == null ? null : now.toAbsolutePath().normalize();
                // The lesson's own projects are its scratch space (a step may replace them); work the
                // user opened during the lesson gets the prompt before a step replaces it.
                boolean lessonsOwn = nowNormal == null || nowNormal.equals(expectedFile);
                expectedFile = projectFile.toAbsolutePath().normalize();
                if (expectedFile.equals(nowNormal)) return;
                if (lessonsOwn || !editor.isDirty()) workbench.open(projectFile);
                else whenSafe.accept(() -> workbench.open(projectFile));
            }

            @Override
            public void stepMode(int step) {
                StepThroughViewModel st = workbench.stepThrough();
                if (step < 0) {
                    pendingStep = -1;
                    st.activeProperty().set(false);
                    return;
                }
                pendingStep = step;
                st.activeProperty().set(true);
                goToPendingStep();
            }

            @Override
            public void show(String shown) {
                view.focusProperty().set(shown == null ? null : switch (shown) {
                    case "dashboard" -> WorkbenchView.Focus.DASHBOARD;
                    case "loss-chart" -> WorkbenchView.Focus.LOSS_CHART;
                    case "diagram" -> WorkbenchView.Focus.DIAGRAM;
                    default -> null;
                });
            }

            @Override
            public void highlight(String control) {
                if (highlighted != null) highlighted.getStyleClass().remove(HIGHLIGHT_CLASS);
                highlighted = null;
                String id = control == null ? null : CONTROLS.get(control);
                if (id == null) return;
                highlighted = scene.getRoot().lookup(id);
                if (highlighted != null) highlighted.getStyleClass().add(HIGHLIGHT_CLASS);
            }

            @Override
            public void train(int iterations) {
                if (trainLimit != null) workbench.iterationProperty().removeListener(trainLimit);
                int until = workbench.iterationProperty().get() + iterations;
                trainLimit = (o, was, now) -> {
                    if (now.intValue() >= until) {
                        workbench.iterationProperty().removeListener(trainLimit);
                        trainLimit = null;
                        workbench.pause();
                    }
                };
                workbench.iterationProperty().addListener(trainLimit);
                workbench.train();
            }

            @Override
            public void clip(double threshold) {
                Project p = editor.project();
                if (p == null) return;
                // The edit retires the trained session: the run that follows starts from fresh weights.
                editor.execute(Edits.setTraining(p, LessonPlayer.withClipping(p, threshold).training(), "gradientClipping"));
                if (clippedProject == null) {
                    clippedFile = editor.fileProperty().get();
                    clippingBefore = p.training().gradientClipping();
                }
                clippedProject = editor.project();
            }

            @Override
            public void unclip() {
                Project p = editor.project();
                Path file = editor.fileProperty().get();
                if (p != null && file != null && file.equals(clippedFile)) {
                    // The lesson's edit is still the last one: undo it; else put the old clipping back as a new edit.
                    if (p == clippedProject) editor.undo();
                    else editor.execute(Edits.setTraining(p, p.training().withGradientClipping(clippingBefore), "gradientClipping"));
                }
                clippedFile = null;
                clippingBefore = null;
                clippedProject = null;
            }
        };
    }

    /** Step mode explains the open project once it has loaded; the lesson's step is shown then. */
    private void goToPendingStep() {
        StepThroughViewModel st = workbench.stepThrough();
        if (pendingStep < 0 || st.statusProperty().get() != StepThroughViewModel.Status.READY) return;
        var t = st.transcriptProperty().get();
        var p = workbench.projectProperty().get();
        Path file = workbench.projectFileProperty().get();
        if (t == null || p == null || !t.project().equals(p.name())) return;
        if (expectedFile != null && (file == null || !file.toAbsolutePath().normalize().equals(expectedFile))) return;
        if (pendingStep > 0) st.goTo(pendingStep - 1);
        pendingStep = -1;
    }

    // ---- menus and keys -----------------------------------------------------------------------------

    private void menus() {
        MenuBar bar = (MenuBar) root.lookup("#menu-bar");
        if (bar == null || bar.getMenus().size() < 2) return;
        Menu lessons = new Menu(LessonStrings.get("menu.file.lessons"));
        lessons.setId("menu-lessons");
        try {
            for (Path p : LessonFiles.list(lessonsDir())) {
                String title;
                try {
                    title = LessonFiles.read(p).title().in(Locale.getDefault());
                } catch (Exception e) {
                    title = p.getFileName().toString();
                }
                MenuItem item = new MenuItem(title);
                item.setId("menu-lesson-" + p.getFileName().toString().replace(LessonFiles.SUFFIX, ""));
                item.setOnAction(e -> whenSafe.accept(() -> open(p)));
                lessons.getItems().add(item);
            }
        } catch (java.io.IOException e) {
            // No lessons folder: the menu stays empty and says so.
        }
        if (lessons.getItems().isEmpty()) {
            MenuItem none = new MenuItem(LessonStrings.get("menu.file.lessons.none"));
            none.setDisable(true);
            lessons.getItems().add(none);
        }
        Menu file = bar.getMenus().get(0);
        int at = (int) file.getItems().stream().takeWhile(i -> !(i instanceof SeparatorMenuItem)).count();
        file.getItems().add(at, lessons);

        CheckMenuItem present = new CheckMenuItem(LessonStrings.get("menu.view.presentation"));
        present.setId("menu-presentation");
        present.setAccelerator(new KeyCodeCombination(KeyCode.F11));
        present.selectedProperty().bindBidirectional(presentation);
        Menu language = new Menu(LessonStrings.get("menu.view.language"));
        language.setId("menu-language");
        ToggleGroup group = new ToggleGroup();
        for (Locale l : List.of(Language.ENGLISH, Language.CHINESE)) {
            RadioMenuItem item = new RadioMenuItem(LessonStrings.get(Language.isChinese(l) ? "language.zh_CN" : "language.en"));
            item.setId("menu-language-" + (Language.isChinese(l) ? "zh_CN" : "en"));
            item.setToggleGroup(group);
            item.setSelected(Language.isChinese(l) == Language.isChinese(Locale.getDefault()));
            item.setOnAction(e -> {
                Language.save(l);
                Alert a = new Alert(Alert.AlertType.INFORMATION, LessonStrings.get("language.restart"));
                a.setHeaderText(null);
                org.backprop.app.Theme.style(a.getDialogPane());
                a.show();
            });
            language.getItems().add(item);
        }
        Menu view = bar.getMenus().stream().filter(m -> "menu-view".equals(m.getId())).findFirst()
                .orElse(bar.getMenus().get(1));
        view.getItems().addAll(new SeparatorMenuItem(), present, language);
    }

    private void keys() {
        KeyCombination alternative = new KeyCodeCombination(KeyCode.P, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN);
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.F11 && !e.isShortcutDown() || alternative.match(e)) {
                presentation.set(!presentation.get());
                e.consume();
            } else if (presentation.get() && e.getCode() == KeyCode.ESCAPE) {
                presentation.set(false);
                e.consume();
            } else if (vm.lessonProperty().get() != null && e.getCode() == KeyCode.PAGE_DOWN) {
                vm.next();
                e.consume();
            } else if (vm.lessonProperty().get() != null && e.getCode() == KeyCode.PAGE_UP) {
                vm.previous();
                e.consume();
            }
        });
    }

    /** Presentation mode keeps the centre (the lesson's view) and the lesson panel; menu, toolbar, layer list, property sheet and status bar go. */
    private void applyPresentation(boolean on) {
        for (BorderPane p : new BorderPane[] {root, outer}) {
            if (p == null) continue;
            if (on && !p.getStyleClass().contains(PRESENTATION_CLASS)) p.getStyleClass().add(PRESENTATION_CLASS);
            if (!on) p.getStyleClass().remove(PRESENTATION_CLASS);
        }
        for (Node n : new Node[] {root.getTop(), root.getBottom(), root.getLeft(), root.getRight()}) {
            if (n == null) continue;
            n.setVisible(!on);
            n.setManaged(!on);
        }
    }

    /**
     * Opens the lesson named by {@code -Dworkbench.lesson}, if any. Called once the window's first
     * project is open, so that the lesson's own project is not replaced by it.
     */
    public void startFromProperties() {
        String lesson = System.getProperty(LESSON);
        if (lesson != null && !lesson.isBlank()) {
            Path p = Path.of(lesson);
            if (!Files.isRegularFile(p)) p = lessonsDir().resolve(lesson + LessonFiles.SUFFIX);
            open(p);
            int step = Integer.getInteger(LESSON_STEP, 1);
            for (int i = 1; i < step; i++) vm.next();
        }
        if (Boolean.getBoolean(PRESENTATION)) presentation.set(true);
        String size = System.getProperty(WINDOW_SIZE);
        if (size != null && size.matches("\\d+x\\d+") && scene.getWindow() != null) {
            String[] wh = size.split("x");
            scene.getWindow().setWidth(Double.parseDouble(wh[0]));
            scene.getWindow().setHeight(Double.parseDouble(wh[1]));
        }
    }

    /** For tests: fire a key as the scene would see it. */
    void key(KeyEvent e) {
        Event.fireEvent(scene.getRoot(), e);
    }
}
