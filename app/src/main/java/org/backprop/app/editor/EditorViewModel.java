package org.backprop.app.editor;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.backprop.app.LayerRow;
import org.backprop.app.Problem;
import org.backprop.app.i18n.Messages;
import org.backprop.app.editor.NetworkAnalyzer.Analysis;
import org.backprop.engine.compile.NetworkValidator;
import org.backprop.engine.project.DataSpec;
import org.backprop.engine.project.LayerSpec;
import org.backprop.engine.project.LayerType;
import org.backprop.engine.project.NetworkSpec;
import org.backprop.engine.project.Project;
import org.backprop.engine.project.ProjectFiles;
import org.backprop.engine.project.PropertySpec;
import org.backprop.engine.project.TrainingSettings;
import org.backprop.visual.editor.EditorDiagram;
import org.backprop.visual.editor.Selection;
import org.backprop.visual.fx.FrameCoalescer;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The network editor's state: the project being edited (through a {@link CommandStack}), its
 * file and whether it has unsaved changes, the selection, the editor's clipboard, what the
 * validator and the compiler say about the network, recent files and autosave. No controls;
 * the editor's views bind to it.
 *
 * <p>Threading: UI thread only. File work and compiling run on {@code background}; their
 * results come back through the {@link FrameCoalescer}.
 */
public final class EditorViewModel {
    private static final System.Logger LOG = System.getLogger(EditorViewModel.class.getName());
    /** How far a paste lands from what was copied, in canvas units. */
    static final double PASTE_OFFSET = 40;

    private final FrameCoalescer ui;
    private final Executor background;
    private final Consumer<Problem> report;
    private final RecentFiles recent;
    private final Autosave autosave;
    private final NetworkAnalyzer analyzer;

    private final CommandStack stack = new CommandStack();
    private final ReadOnlyObjectWrapper<Path> file = new ReadOnlyObjectWrapper<>(this, "file");
    /** The project as last opened or saved; null when it exists only here (recovered). */
    private final ReadOnlyObjectWrapper<Project> saved = new ReadOnlyObjectWrapper<>(this, "saved");
    private final BooleanBinding dirty;
    private final ReadOnlyObjectWrapper<Selection> selection = new ReadOnlyObjectWrapper<>(this, "selection", Selection.NONE);
    private final ReadOnlyObjectWrapper<EditorDiagram> diagram = new ReadOnlyObjectWrapper<>(this, "diagram", EditorDiagram.EMPTY);
    private final ObservableList<LayerRow> rows = FXCollections.observableArrayList();
    private final ObservableList<LayerRow> rowsView = FXCollections.unmodifiableObservableList(rows);
    private final ObservableList<String> problems = FXCollections.observableArrayList();
    private final ObservableList<String> problemsView = FXCollections.unmodifiableObservableList(problems);
    private final ReadOnlyLongWrapper totalParameters = new ReadOnlyLongWrapper(this, "totalParameters", -1);
    private final ReadOnlyIntegerWrapper documents = new ReadOnlyIntegerWrapper(this, "documents");
    private final ReadOnlyIntegerWrapper busy = new ReadOnlyIntegerWrapper(this, "busy");
    private final ReadOnlyIntegerWrapper revision = new ReadOnlyIntegerWrapper(this, "revision");

    private Fragment clipboard;
    private int pastes;
    private Analysis analysis = Analysis.NONE;
    /** The model last handed to the analyzer. */
    private Project requested;
    private Project autosaved;

    public EditorViewModel(FrameCoalescer ui, Executor background, Consumer<Problem> report) {
        this(ui, background, report, RecentFiles.forUser(), Autosave.forUser(), NetworkAnalyzer::compile);
    }

    EditorViewModel(FrameCoalescer ui, Executor background, Consumer<Problem> report, RecentFiles recent,
                    Autosave autosave, Function<Project, Analysis> analyze) {
        this.ui = ui;
        this.background = background;
        this.report = report;
        this.recent = recent;
        this.autosave = autosave;
        this.analyzer = new NetworkAnalyzer(ui, background, analyze, this::analysed);
        this.dirty = Bindings.createBooleanBinding(
                () -> stack.project() != null && !stack.project().equals(saved.get()), stack.projectProperty(), saved);
        stack.projectProperty().addListener((o, a, b) -> refresh());
    }

    /**
     * Keeps the training side on the project being edited: every edit and every new file goes to
     * {@code vm} (which retires its compiled session when what it would train has changed), and a
     * project {@code vm} opens by itself becomes the one being edited.
     */
    public void linkTo(org.backprop.app.WorkbenchViewModel vm) {
        stack.projectProperty().addListener((o, a, p) -> vm.edit(p, file.get()));
        file.addListener((o, a, f) -> {
            // While a new document is adopted its file changes first: the project follows at once.
            if (vm.projectProperty().get() == stack.project()) vm.edit(stack.project(), f);
        });
        vm.projectProperty().addListener((o, a, p) -> {
            if (p != null && p != stack.project()) adopt(p, vm.projectFileProperty().get());
        });
        if (stack.project() != null) vm.edit(stack.project(), file.get());
    }

    // ---- documents -----------------------------------------------------------------------

    /** A new, untitled project: an empty network on a generated 2-D data set. */
    public void newProject() {
        adopt(blank(), null);
    }

    static Project blank() {
        return new Project(Project.FORMAT, Project.CURRENT_VERSION, Messages.get("editor.untitled"), "",
                new NetworkSpec(List.of(), List.of()), TrainingSettings.defaults(),
                DataSpec.generated("circle", 400, 0.1, 42, 0.2));
    }

    /** Starts editing {@code p}, as saved in {@code file} (null: never saved), with a fresh history. */
    public void adopt(Project p, Path file) {
        this.file.set(file);
        saved.set(p);
        selection.set(Selection.NONE);
        pastes = 0;
        stack.reset(p);
        if (file != null) recent.add(file);
        documents.set(documents.get() + 1);
        changed();
    }

    /** Runs file work off the UI thread; once the app is shutting down there is none to run. */
    private void inBackground(Runnable work) {
        try {
            background.execute(work);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            LOG.log(System.Logger.Level.DEBUG, "background work after shutdown dropped", e);
        }
    }

    /** Project and selection are consistent again: views that read both update now. */
    private void changed() {
        revision.set(revision.get() + 1);
    }

    /** Reads a project file in the background; on success it replaces the one being edited. */
    public void open(Path f, Runnable onOpened) {
        busy.set(busy.get() + 1);
        inBackground(() -> {
            Project read = null;
            Problem failed = null;
            try {
                read = ProjectFiles.read(f);
            } catch (Exception e) {
                failed = Problem.of(e, Problem.Kind.OPEN);
            }
            Project p = read;
            Problem problem = failed;
            ui.post(() -> {
                busy.set(busy.get() - 1);
                if (problem != null) {
                    if (!java.nio.file.Files.exists(f)) recent.remove(f);
                    report.accept(problem);
                } else {
                    adopt(p, f.toAbsolutePath());
                    onOpened.run();
                }
            });
        });
    }

    /** Writes the project to {@code target} in the background; {@code onSaved} runs once it is there. */
    public void save(Path target, Runnable onSaved) {
        Project p = stack.project();
        if (p == null) return;
        Path to = target.toAbsolutePath();
        busy.set(busy.get() + 1);
        inBackground(() -> {
            Problem failed = null;
            try {
                ProjectFiles.write(p, to);
            } catch (IOException | RuntimeException e) {
                failed = Problem.of(e, Problem.Kind.SAVE);
            }
            Problem problem = failed;
            ui.post(() -> {
                busy.set(busy.get() - 1);
                if (problem != null) {
                    report.accept(problem);
                    return;
                }
                saved.set(p);
                file.set(to);
                recent.add(to);
                if (!isDirty()) discardAutosave();
                changed();
                onSaved.run();
            });
        });
    }

    // ---- autosave and recovery -----------------------------------------------------------

    /** Called every few seconds: keeps unsaved work in the autosave slot, or empties the slot. */
    public void autosaveTick() {
        Project p = stack.project();
        if (p == null) return;
        if (!isDirty()) {
            if (autosaved != null) discardAutosave();
            return;
        }
        if (p == autosaved) return;
        autosaved = p;
        Path original = file.get();
        inBackground(() -> {
            try {
                autosave.save(p, original);
            } catch (IOException | RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "autosave failed", e);
            }
        });
    }

    private void discardAutosave() {
        autosaved = null;
        inBackground(() -> {
            try {
                autosave.discard();
            } catch (IOException e) {
                LOG.log(System.Logger.Level.WARNING, "autosave not deleted", e);
            }
        });
    }

    /** On a clean exit: nothing to recover. Blocking, for the last moments of the app. */
    public void closeCleanly() {
        try {
            autosave.discard();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "autosave not deleted", e);
        }
    }

    /** Blocking: work a crashed workbench left behind. */
    public List<Autosave.Recovery> recoverable() {
        try {
            return autosave.crashed();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "autosave folder not readable", e);
            return List.of();
        }
    }

    /** Edits the recovered work, unsaved, as belonging to its original file; the slot is then deleted. */
    public void recover(Autosave.Recovery r) {
        busy.set(busy.get() + 1);
        inBackground(() -> {
            Project read = null;
            Problem failed = null;
            try {
                read = autosave.read(r);
                autosave.discard(r);
            } catch (Exception e) {
                failed = Problem.of(e, Problem.Kind.OPEN);
            }
            Project p = read;
            Problem problem = failed;
            ui.post(() -> {
                busy.set(busy.get() - 1);
                if (problem != null) {
                    report.accept(problem);
                    return;
                }
                adopt(p, r.original());
                saved.set(null); // not saved anywhere: the title shows it
                changed();
                autosaveTick();
            });
        });
    }

    /** Blocking: forgets work a crashed workbench left behind. */
    public void discard(Autosave.Recovery r) {
        try {
            autosave.discard(r);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "autosave not deleted", e);
        }
    }

    // ---- edits ---------------------------------------------------------------------------

    /** Executes an edit (null: nothing to do) and selects what it says. */
    public void execute(Edit e) {
        if (e == null || stack.project() == null) return;
        stack.execute(e);
        if (e.selectionAfter() != null) selection.set(pruned(e.selectionAfter()));
        changed();
    }

    public void undo() {
        stack.undo();
        selection.set(pruned(selection.get()));
        changed();
    }

    public void redo() {
        Command c = stack.redo();
        if (c instanceof Edit e && e.selectionAfter() != null) selection.set(pruned(e.selectionAfter()));
        else selection.set(pruned(selection.get()));
        changed();
    }

    public void addLayer(LayerType type) {
        if (project() != null) execute(Edits.addAfterSelection(project(), type, selection.get()));
    }

    public void addLayerAt(LayerType type, double x, double y) {
        if (project() != null) execute(Edits.addAt(project(), type, x, y));
    }

    public void connect(String from, String to) {
        if (project() != null) execute(Edits.connect(project(), from, to));
    }

    public void deleteSelection() {
        if (project() != null) execute(Edits.deleteSelection(project(), selection.get()));
    }

    public void move(Map<String, double[]> positions) {
        if (project() != null) execute(Edits.move(project(), positions));
    }

    public void arrange() {
        if (project() != null) execute(Edits.arrange(project()));
    }

    public void moveEarlier() {
        if (project() != null) execute(Edits.reorder(project(), selection.get(), -1));
    }

    public void moveLater() {
        if (project() != null) execute(Edits.reorder(project(), selection.get(), 1));
    }

    public void copy() {
        if (project() == null || selection.get().layers().isEmpty()) return;
        clipboard = Fragment.of(project().network(), selection.get().layers());
        pastes = 0;
    }

    public void cut() {
        copy();
        Edit e = project() == null ? null : Edits.deleteSelection(project(), Selection.layers(selection.get().layers()));
        if (e != null) {
            execute(new Edit(Messages.format("command.cut", selection.get().layers().size()), e.changes(), e.selectionAfter()));
            pastes = -1; // the first paste after a cut lands where the layers were
        }
    }

    public void paste() {
        if (project() == null || clipboard == null) return;
        pastes++;
        execute(Edits.paste(project(), clipboard, pastes * PASTE_OFFSET, pastes * PASTE_OFFSET));
    }

    public void select(Selection s) {
        Selection next = pruned(s == null ? Selection.NONE : s);
        if (next.equals(selection.get())) return;
        selection.set(next);
        changed();
    }

    public void selectAll() {
        if (project() != null) select(Selection.layers(Edits.ids(project().network())));
    }

    /**
     * Sets a layer property from typed text. Returns why the text is refused (the project is
     * then unchanged), or null when it was taken.
     */
    public String setLayerProperty(String layerId, String name, String text) {
        LayerSpec l = project() == null ? null : project().network().layer(layerId).orElse(null);
        if (l == null) return null;
        PropertySpec spec = l.type().property(name).orElseThrow();
        PropertyValues.Parsed v = PropertyValues.parse(spec, text);
        if (!v.ok()) return v.problem();
        execute(Edits.setProperty(project(), layerId, name, v.value()));
        return null;
    }

    /** Renames a layer; returns why the id is refused, or null when it was taken. */
    public String renameLayer(String layerId, String text) {
        if (project() == null) return null;
        String id = text == null ? "" : text;
        var problem = LayerIds.problem(project().network(), layerId, id);
        if (problem.isPresent()) return problem.get();
        execute(Edits.rename(project(), layerId, id));
        return null;
    }

    /** Sets a training setting from typed text; returns why it is refused, or null when it was taken. */
    public String setTraining(TrainingFields.Field field, String text) {
        if (project() == null) return null;
        TrainingFields.Result r = field.parse(project().training(), text);
        if (r.problem() != null) return r.problem();
        execute(Edits.setTraining(project(), r.settings(), field.name()));
        return null;
    }

    /** Renames the project; returns why the name is refused, or null. */
    public String setName(String text) {
        if (project() == null) return null;
        if (text == null || text.isBlank()) return Messages.get("editor.name.blank");
        execute(Edits.setInfo(project(), text.strip(), project().description()));
        return null;
    }

    /** Replaces the project's data set, undoably; {@code field} names what changed (see {@link Edits#setData}). */
    public void setData(DataSpec d, String field) {
        if (project() != null) execute(Edits.setData(project(), d, field));
    }

    public void setDescription(String text) {
        if (project() != null) execute(Edits.setInfo(project(), project().name(), text == null ? "" : text.strip()));
    }

    // ---- derived state -------------------------------------------------------------------

    private Selection pruned(Selection s) {
        Project p = project();
        if (p == null) return Selection.NONE;
        if (s.edge() >= 0) return s.edge() < p.network().edges().size() ? s : Selection.NONE;
        Set<String> keep = new LinkedHashSet<>();
        for (String id : s.layers()) if (p.network().indexOf(id) >= 0) keep.add(id);
        return keep.equals(s.layers()) ? s : Selection.layers(keep);
    }

    /** After every change of the project: validation now, sizes once the compiler has them. */
    private void refresh() {
        Project p = project();
        if (p == null) {
            analysis = Analysis.NONE;
            requested = null;
            show(null);
            return;
        }
        Project model = NetworkAnalyzer.model(p);
        if (!model.equals(requested)) {
            requested = model;
            analysis = Analysis.NONE; // sizes are unknown until the compiler answers, never stale
            analyzer.request(model);
        }
        show(p);
    }

    private void analysed(Analysis a) {
        Project p = project();
        if (p == null || !a.model().equals(requested)) return; // outdated
        analysis = a;
        show(p);
        changed();
    }

    private void show(Project p) {
        if (p == null) {
            diagram.set(EditorDiagram.EMPTY);
            rows.clear();
            problems.clear();
            totalParameters.set(-1);
            return;
        }
        NetworkSpec net = p.network();
        List<String> all = new ArrayList<>(NetworkValidator.problems(net));
        for (String extra : analysis.problems()) if (!all.contains(extra)) all.add(extra);
        problems.setAll(all);
        diagram.set(EditorDiagram.of(net, analysis.infos(), all));
        rows.setAll(LayerRow.of(net, analysis.infos()));
        totalParameters.set(analysis.infos().isEmpty() ? -1 : analysis.totalParameters());
    }

    /** The problems that name one layer, in the validator's words. */
    public List<String> problemsOf(String layerId) {
        String needle = "layer '" + layerId + "' ("; // "layer 'h' (dense, line 9): ...", not "the input layer 'h'"
        return problems.stream().filter(s -> s.contains(needle)).toList();
    }

    public Project project() {
        return stack.project();
    }

    public boolean isDirty() {
        return dirty.get();
    }

    public CommandStack commands() { return stack; }

    public ReadOnlyObjectProperty<Project> projectProperty() { return stack.projectProperty(); }

    public ReadOnlyObjectProperty<Path> fileProperty() { return file.getReadOnlyProperty(); }

    public BooleanBinding dirtyProperty() { return dirty; }

    public ReadOnlyObjectProperty<Selection> selectionProperty() { return selection.getReadOnlyProperty(); }

    public ReadOnlyObjectProperty<EditorDiagram> diagramProperty() { return diagram.getReadOnlyProperty(); }

    /** One row per layer: id, type, output shape, parameters (from the compiler; blank until it answers). */
    public ObservableList<LayerRow> rows() { return rowsView; }

    /** Every problem of the network, validator's and compiler's, one sentence each. */
    public ObservableList<String> problems() { return problemsView; }

    /** Parameters of the whole network, or -1 while unknown (it does not compile, or the compiler has not answered). */
    public ReadOnlyLongProperty totalParametersProperty() { return totalParameters.getReadOnlyProperty(); }

    /** Counts the documents opened: a view fits its drawing to each new one. */
    public ReadOnlyIntegerProperty documentsProperty() { return documents.getReadOnlyProperty(); }

    /** Advances whenever project, selection, file or analysis changed and agree with each other again. */
    public ReadOnlyIntegerProperty revisionProperty() { return revision.getReadOnlyProperty(); }

    /** File work under way (open, save, recover). */
    public ReadOnlyIntegerProperty busyProperty() { return busy.getReadOnlyProperty(); }

    public ObservableList<Path> recentFiles() { return recent.files(); }

    public void clearRecentFiles() { recent.clear(); }

    public boolean canPaste() { return clipboard != null; }

    /** Whether the compiler has answered for the project as it is now. */
    public boolean analysed() {
        return requested != null && requested.equals(analysis.model());
    }
}
