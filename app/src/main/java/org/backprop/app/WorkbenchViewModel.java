package org.backprop.app;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.backprop.app.stepthrough.StepThroughViewModel;
import org.backprop.engine.compile.CompileException;
import org.backprop.engine.project.LayerSpec;
import org.backprop.engine.project.NetworkSpec;
import org.backprop.engine.project.Project;
import org.backprop.engine.project.ProjectFiles;
import org.backprop.engine.runtime.Nd4jRuntime.BackendInfo;
import org.backprop.engine.train.Evaluation;
import org.backprop.engine.train.MetricPoint;
import org.backprop.engine.train.MetricsLog;
import org.backprop.engine.train.TrainingSession;
import org.backprop.engine.train.TrainingSession.State;
import org.backprop.visual.chart.MetricsSink;
import org.backprop.visual.diagram.DiagramModel;
import org.backprop.visual.fx.FrameCoalescer;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * The workbench window's state: the open project, its training session and what the
 * controls may do. No controls in here; views bind to these read-only properties.
 *
 * <p>Threading: every method and property belongs to the UI thread. Slow work (ND4J start,
 * opening, stopping, resetting, saving) runs on {@code background}; its results and the
 * training thread's progress come back only through the {@link FrameCoalescer}, one batch
 * per frame.
 */
public final class WorkbenchViewModel implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(WorkbenchViewModel.class.getName());
    private static final long MEMORY_EVERY_NANOS = 1_000_000_000L;

    private final FrameCoalescer ui;
    private final Executor background;
    private final MemoryProbe memory;

    private final ReadOnlyObjectWrapper<BackendInfo> backend = new ReadOnlyObjectWrapper<>(this, "backend");
    private final ReadOnlyObjectWrapper<Project> project = new ReadOnlyObjectWrapper<>(this, "project");
    private final ReadOnlyObjectWrapper<Path> projectFile = new ReadOnlyObjectWrapper<>(this, "projectFile");
    private final ObservableList<LayerRow> layers = FXCollections.observableArrayList();
    private final ObservableList<LayerRow> layersView = FXCollections.unmodifiableObservableList(layers);
    private final ReadOnlyObjectWrapper<DiagramModel> diagram = new ReadOnlyObjectWrapper<>(this, "diagram", DiagramModel.EMPTY);
    /** Null while no project is open. */
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(this, "state");
    private final ReadOnlyIntegerWrapper iteration = new ReadOnlyIntegerWrapper(this, "iteration");
    private final ReadOnlyIntegerWrapper epoch = new ReadOnlyIntegerWrapper(this, "epoch");
    private final ReadOnlyDoubleWrapper loss = new ReadOnlyDoubleWrapper(this, "loss", Double.NaN);
    private final ReadOnlyObjectWrapper<Evaluation> lastEvaluation = new ReadOnlyObjectWrapper<>(this, "lastEvaluation");
    private final ReadOnlyLongWrapper parameters = new ReadOnlyLongWrapper(this, "parameters");
    private final ReadOnlyLongWrapper memoryUsed = new ReadOnlyLongWrapper(this, "memoryUsed");
    private final ReadOnlyIntegerWrapper busy = new ReadOnlyIntegerWrapper(this, "busy");
    private final ReadOnlyObjectWrapper<Problem> problem = new ReadOnlyObjectWrapper<>(this, "problem");
    private final ReadOnlyObjectWrapper<TrainingSession> sessionShown = new ReadOnlyObjectWrapper<>(this, "session");

    private final BooleanBinding ready = backend.isNotNull();
    private final BooleanBinding idle = busy.isEqualTo(0);
    private final BooleanBinding canTrain = when(ready.and(idle), State.READY, State.PAUSED);
    private final BooleanBinding canStep = when(ready.and(idle), State.READY, State.PAUSED);
    private final BooleanBinding canPause = when(idle, State.RUNNING);
    private final BooleanBinding canStop = when(idle, State.RUNNING, State.PAUSED);
    private final BooleanBinding canReset = ready.and(idle).and(state.isNotNull())
            .and(state.isNotEqualTo(State.READY).or(iteration.greaterThan(0)));
    private final BooleanBinding canSave = project.isNotNull();
    private final StepThroughViewModel stepThrough;

    private TrainingSession session;
    private MetricsSink sink = MetricsSink.NONE;
    private int pointCursor;
    private int evaluationCursor;
    private long openTicket;
    private boolean resetting;
    private boolean failureReported;
    private long memoryCheckedAt = Long.MIN_VALUE / 2;

    public WorkbenchViewModel(FrameCoalescer ui, Executor background, MemoryProbe memory) {
        this.ui = ui;
        this.background = background;
        this.memory = memory;
        this.stepThrough = new StepThroughViewModel(ui, background, project.getReadOnlyProperty(),
                projectFile.getReadOnlyProperty(), ready);
        // The training thread never calls us: each frame reads how far the log has grown.
        ui.watch(() -> session == null ? 0 : session.metrics().size());
        ui.watch(() -> session == null ? 0 : session.metrics().evaluationCount());
        ui.watch(() -> (int) (System.nanoTime() / MEMORY_EVERY_NANOS));
        ui.addFrameListener(this::refresh);
    }

    private BooleanBinding when(BooleanBinding gate, State... states) {
        return Bindings.createBooleanBinding(() -> {
            if (!gate.get() || state.get() == null) return false;
            for (State s : states) if (state.get() == s) return true;
            return false;
        }, gate, state);
    }

    // ---- commands ------------------------------------------------------------------------

    /** Loads ND4J's backend in the background; training is enabled once it is up. */
    public void startRuntime(Supplier<BackendInfo> starter) {
        background.execute(() -> {
            try {
                BackendInfo info = starter.get();
                memory.nativeReady();
                ui.post(() -> backend.set(info));
            } catch (Exception | LinkageError e) {
                LOG.log(System.Logger.Level.ERROR, "ND4J did not start", e);
                ui.post(() -> report(Problem.of(e, Problem.Kind.RUNTIME)));
            }
        });
    }

    /** Opens a project; on any failure the project that is open stays open and a problem is reported. */
    public void open(Path file) {
        long ticket = ++openTicket;
        busy.set(busy.get() + 1);
        background.execute(() -> {
            TrainingSession loaded = null;
            Problem failed = null;
            try {
                loaded = ProjectLoader.load(file);
            } catch (Exception | LinkageError e) {
                LOG.log(System.Logger.Level.DEBUG, "could not open " + file, e);
                failed = Problem.of(e, Problem.Kind.OPEN);
            }
            TrainingSession s = loaded;
            Problem p = failed;
            ui.post(() -> {
                busy.set(busy.get() - 1);
                if (ticket != openTicket) { // a later open wins
                    if (s != null) background.execute(s::close);
                } else if (p != null) {
                    report(p);
                } else {
                    install(file, s);
                }
            });
        });
    }

    /** Reports a problem found before anything could be opened (e.g. no sample to start with). */
    public void report(Problem p) {
        problem.set(p);
    }

    public void dismissProblem() {
        problem.set(null);
    }

    /**
     * The project as the editor has it now, saved in {@code file} (null: not yet). An edit that
     * changes what would be trained (anything but layer positions, name and description)
     * retires the compiled session; the next Train or Step builds one from this project.
     */
    public void edit(Project p, Path file) {
        projectFile.set(file);
        project.set(p);
        if (session != null && p != null && trainable(session.project()).equals(trainable(p))) return;
        openTicket++; // a session still being built is for an older project
        TrainingSession old = session;
        session = null;
        if (old != null) {
            try {
                background.execute(old::close);
            } catch (java.util.concurrent.RejectedExecutionException e) {
                old.close(); // shutting down (an edit committed as the window closes): close it here
            }
        }
        clearMetrics();
        failureReported = false;
        state.set(p == null ? null : State.READY);
    }

    /** What a session depends on: the project without layer positions, name and description. */
    private static Project trainable(Project p) {
        var n = p.network();
        var layers = n.layers().stream()
                .map(l -> new LayerSpec(l.id(), l.type(), l.properties(), l.parameters(), null)).toList();
        return new Project(p.format(), p.version(), "", "", new NetworkSpec(layers, n.edges()), p.training(), p.data());
    }

    /** Starts training, or resumes it when paused. */
    public void train() {
        if (!canTrain.get()) return;
        if (session == null) prepare(TrainingSession::start);
        else session.start();
    }

    /** Builds the session for the edited project (data and compile, in the background), then runs {@code then} on it. */
    private void prepare(java.util.function.Consumer<TrainingSession> then) {
        Project p = project.get();
        Path file = projectFile.get();
        Path base = file == null ? Path.of("").toAbsolutePath() : file.toAbsolutePath().getParent();
        long ticket = ++openTicket;
        busy.set(busy.get() + 1);
        background.execute(() -> {
            TrainingSession built = null;
            Problem failed = null;
            try {
                built = ProjectLoader.prepare(p, base);
            } catch (Exception | LinkageError e) {
                LOG.log(System.Logger.Level.DEBUG, "could not build a session", e);
                failed = Problem.of(e, Problem.Kind.DATA);
            }
            TrainingSession s = built;
            Problem f = failed;
            ui.post(() -> {
                busy.set(busy.get() - 1);
                if (ticket != openTicket) {
                    if (s != null) background.execute(s::close);
                } else if (f != null) {
                    report(f);
                } else {
                    attach(s);
                    then.accept(s);
                }
            });
        });
    }

    public void pause() {
        if (canPause.get()) session.pause();
    }

    /** One iteration, then pause. */
    public void step() {
        if (!canStep.get()) return;
        if (session == null) prepare(TrainingSession::step);
        else session.step();
    }

    public void stop() {
        if (!canStop.get()) return;
        TrainingSession s = session;
        runBusy(s::stop, () -> {});
    }

    /** Back to the seeded initial weights; the chart starts over. */
    public void reset() {
        if (!canReset.get()) return;
        TrainingSession s = session;
        resetting = true;
        busy.set(busy.get() + 1);
        background.execute(() -> {
            Problem p = null;
            try {
                s.reset();
            } catch (CompileException e) {
                p = Problem.of(e, Problem.Kind.COMPILE);
            }
            Problem failed = p;
            ui.post(() -> {
                busy.set(busy.get() - 1);
                resetting = false;
                if (s != session) return;
                clearMetrics();
                failureReported = false;
                state.set(s.state());
                if (failed != null) report(failed);
            });
        });
    }

    /** Saves to the project's file; false when it has none yet (ask for one, then {@link #saveAs}). */
    public boolean save() {
        if (project.get() == null || projectFile.get() == null) return false;
        write(project.get(), projectFile.get());
        return true;
    }

    public void saveAs(Path file) {
        if (project.get() != null) write(project.get(), file);
    }

    private void write(Project p, Path file) {
        busy.set(busy.get() + 1);
        background.execute(() -> {
            Problem failed = null;
            try {
                ProjectFiles.write(p, file);
            } catch (IOException | RuntimeException e) {
                failed = Problem.of(e, Problem.Kind.SAVE);
            }
            Problem f = failed;
            ui.post(() -> {
                busy.set(busy.get() - 1);
                if (f != null) report(f);
                else if (project.get() == p) projectFile.set(file);
            });
        });
    }

    private void runBusy(Runnable work, Runnable then) {
        busy.set(busy.get() + 1);
        background.execute(() -> {
            try {
                work.run();
            } finally {
                ui.post(() -> {
                    busy.set(busy.get() - 1);
                    then.run();
                });
            }
        });
    }

    /** Where the loss points go, once per frame (the chart). */
    public void setMetricsSink(MetricsSink sink) {
        this.sink = sink == null ? MetricsSink.NONE : sink;
        this.sink.clear();
        pointCursor = 0;
        evaluationCursor = 0;
    }

    @Override
    public void close() {
        if (session != null) session.close();
    }

    // ---- UI-thread updates ---------------------------------------------------------------

    private void install(Path file, TrainingSession s) {
        project.set(s.project());
        projectFile.set(file);
        attach(s);
    }

    private void attach(TrainingSession s) {
        TrainingSession old = session;
        session = s;
        s.onStateChange(st -> ui.markDirty());
        failureReported = false;
        sessionShown.set(s);
        layers.setAll(LayerRow.of(s.project().network(), s.network().layers()));
        diagram.set(DiagramModel.of(s.project().network(), s.network().layers()));
        parameters.set(s.network().parameterCount());
        clearMetrics();
        state.set(s.state());
        if (old != null) background.execute(old::close);
    }

    /** Once per frame in which something changed. */
    private void refresh() {
        TrainingSession s = session;
        if (s != null && !resetting) {
            // State first: a run that reads PAUSED has published every point before the pause,
            // so the pull below sees them all and the chart is complete when the button says so.
            State st = s.state();
            pullMetrics(s.metrics());
            state.set(st);
            if (st == State.FAILED && !failureReported) {
                failureReported = true;
                report(Problem.of(s.failure(), Problem.Kind.TRAINING));
            }
        }
        long now = System.nanoTime();
        if (now - memoryCheckedAt >= MEMORY_EVERY_NANOS) {
            memoryCheckedAt = now;
            memoryUsed.set(memory.usedBytes());
        }
    }

    private void pullMetrics(MetricsLog log) {
        List<Evaluation> evaluations = log.evaluationCount() > evaluationCursor ? log.evaluations() : List.of();
        if (log.size() < pointCursor || (!evaluations.isEmpty() && evaluations.size() < evaluationCursor)) {
            clearMetrics(); // the log was cleared under us
        }
        List<MetricPoint> points = log.since(pointCursor);
        List<Evaluation> newEvaluations = evaluations.size() > evaluationCursor
                ? evaluations.subList(evaluationCursor, evaluations.size()) : List.of();
        if (points.isEmpty() && newEvaluations.isEmpty()) return;
        pointCursor += points.size();
        evaluationCursor += newEvaluations.size();
        sink.append(points, newEvaluations);
        if (!points.isEmpty()) {
            MetricPoint last = points.get(points.size() - 1);
            iteration.set(last.iteration());
            epoch.set(last.epoch());
            loss.set(last.loss());
        }
        if (!newEvaluations.isEmpty()) lastEvaluation.set(newEvaluations.get(newEvaluations.size() - 1));
    }

    private void clearMetrics() {
        pointCursor = 0;
        evaluationCursor = 0;
        sink.clear();
        iteration.set(0);
        epoch.set(0);
        loss.set(Double.NaN);
        lastEvaluation.set(null);
    }

    // ---- read-only state -----------------------------------------------------------------

    public ReadOnlyObjectProperty<BackendInfo> backendProperty() { return backend.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Project> projectProperty() { return project.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Path> projectFileProperty() { return projectFile.getReadOnlyProperty(); }
    public ObservableList<LayerRow> layers() { return layersView; }
    public ReadOnlyObjectProperty<DiagramModel> diagramProperty() { return diagram.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<State> stateProperty() { return state.getReadOnlyProperty(); }
    public ReadOnlyIntegerProperty iterationProperty() { return iteration.getReadOnlyProperty(); }
    /** 0-based epoch of the latest iteration. */
    public ReadOnlyIntegerProperty epochProperty() { return epoch.getReadOnlyProperty(); }
    /** Minibatch loss of the latest iteration; NaN before the first. */
    public ReadOnlyDoubleProperty lossProperty() { return loss.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Evaluation> lastEvaluationProperty() { return lastEvaluation.getReadOnlyProperty(); }
    public ReadOnlyLongProperty parametersProperty() { return parameters.getReadOnlyProperty(); }
    public ReadOnlyLongProperty memoryUsedProperty() { return memoryUsed.getReadOnlyProperty(); }
    /** Background operations under way (open, stop, reset, save). */
    public ReadOnlyIntegerProperty busyProperty() { return busy.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Problem> problemProperty() { return problem.getReadOnlyProperty(); }

    public BooleanBinding readyProperty() { return ready; }
    public BooleanBinding canTrainProperty() { return canTrain; }
    public BooleanBinding canPauseProperty() { return canPause; }
    public BooleanBinding canStepProperty() { return canStep; }
    public BooleanBinding canStopProperty() { return canStop; }
    public BooleanBinding canResetProperty() { return canReset; }
    public BooleanBinding canSaveProperty() { return canSave; }
    /** The step mode: the open project's training iteration explained step by step. */
    public StepThroughViewModel stepThrough() { return stepThrough; }

    /**
     * The session being shown, or null: for views that read its metrics themselves (the
     * dashboard). Set on the UI thread before the session first trains.
     */
    public ReadOnlyObjectProperty<TrainingSession> sessionProperty() { return sessionShown.getReadOnlyProperty(); }

    /** For tests and diagnostics: the session being shown, or null. */
    TrainingSession session() { return session; }
}
