package org.backprop.app.stepthrough;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.backprop.engine.project.Project;
import org.backprop.engine.stepthrough.ParameterRef;
import org.backprop.engine.stepthrough.Step;
import org.backprop.engine.stepthrough.StepKind;
import org.backprop.engine.stepthrough.StepThrough;
import org.backprop.engine.stepthrough.StepThroughException;
import org.backprop.engine.stepthrough.Transcript;
import org.backprop.visual.diagram.DiagramModel;
import org.backprop.visual.diagram.DiagramOverlay;
import org.backprop.visual.fx.FrameCoalescer;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * The step mode's state: one training iteration of the open project explained step by step
 * (the engine's {@link StepThrough}), where the reader is in it, whether its update has been
 * applied, and which weight's chain is shown. No controls in here; the view binds to it.
 *
 * <p>Threading: every method and property belongs to the UI thread. The engine (which builds
 * and fits a DL4J network) runs on {@code background}; its results come back through the
 * {@link FrameCoalescer}. Each iteration's transcript is kept, so the reader can go back over
 * earlier iterations too.
 */
public final class StepThroughViewModel {
    private static final System.Logger LOG = System.getLogger(StepThroughViewModel.class.getName());
    /** Steps per second while playing. */
    public static final double MIN_SPEED = 0.25;
    public static final double MAX_SPEED = 8;
    /** Iterations kept for going back; the oldest goes first. */
    static final int HISTORY = 50;

    public enum Status {
        /** Not shown yet, no project, or ND4J still starting. */
        IDLE,
        LOADING,
        READY,
        /** The engine does not explain this network; {@link #messageProperty()} says why. */
        REFUSED,
        /** Something broke; {@link #messageProperty()} says what. */
        FAILED
    }

    private final FrameCoalescer ui;
    private final Executor background;
    private final ObservableValue<Project> project;
    private final ObservableValue<Path> projectFile;
    private final ObservableBooleanValue runtimeReady;

    private final BooleanProperty active = new SimpleBooleanProperty(this, "active");
    private final ReadOnlyObjectWrapper<Status> status = new ReadOnlyObjectWrapper<>(this, "status", Status.IDLE);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyObjectWrapper<Transcript> transcript = new ReadOnlyObjectWrapper<>(this, "transcript");
    private final ReadOnlyIntegerWrapper index = new ReadOnlyIntegerWrapper(this, "index", -1);
    private final ReadOnlyObjectWrapper<Step> step = new ReadOnlyObjectWrapper<>(this, "step");
    private final ReadOnlyBooleanWrapper applied = new ReadOnlyBooleanWrapper(this, "applied");
    private final ReadOnlyBooleanWrapper playing = new ReadOnlyBooleanWrapper(this, "playing");
    private final DoubleProperty speed = new SimpleDoubleProperty(this, "speed", 1);
    private final ReadOnlyBooleanWrapper computing = new ReadOnlyBooleanWrapper(this, "computing");
    private final ReadOnlyObjectWrapper<ParameterRef> chainParameter = new ReadOnlyObjectWrapper<>(this, "chainParameter");
    private final ObservableList<Step> chainSteps = FXCollections.observableArrayList();
    private final ObservableList<Step> chainStepsView = FXCollections.unmodifiableObservableList(chainSteps);
    private final ReadOnlyObjectWrapper<DiagramModel> diagram = new ReadOnlyObjectWrapper<>(this, "diagram", DiagramModel.EMPTY);
    private final ReadOnlyObjectWrapper<DiagramOverlay> overlay = new ReadOnlyObjectWrapper<>(this, "overlay", DiagramOverlay.NONE);
    private final ReadOnlyBooleanWrapper canFirst = new ReadOnlyBooleanWrapper(this, "canFirst");
    private final ReadOnlyBooleanWrapper canLast = new ReadOnlyBooleanWrapper(this, "canLast");
    private final ReadOnlyBooleanWrapper canPrevious = new ReadOnlyBooleanWrapper(this, "canPrevious");
    private final ReadOnlyBooleanWrapper canNext = new ReadOnlyBooleanWrapper(this, "canNext");
    private final ReadOnlyBooleanWrapper canPlay = new ReadOnlyBooleanWrapper(this, "canPlay");
    private final ReadOnlyBooleanWrapper canApply = new ReadOnlyBooleanWrapper(this, "canApply");
    private final ReadOnlyBooleanWrapper canNextIteration = new ReadOnlyBooleanWrapper(this, "canNextIteration");

    private final List<Transcript> history = new ArrayList<>();
    /** Which of {@link #history} is shown. */
    private int position;
    /** history[0, appliedCount) have had their update applied. */
    private int appliedCount;
    private StepThrough session;
    private Project loadedFor;
    private long ticket;

    /**
     * @param project      the open project (the step mode explains it from its initial weights)
     * @param projectFile  its file, whose folder data paths start from
     * @param runtimeReady whether ND4J is up
     */
    public StepThroughViewModel(FrameCoalescer ui, Executor background, ObservableValue<Project> project,
                                ObservableValue<Path> projectFile, ObservableBooleanValue runtimeReady) {
        this.ui = ui;
        this.background = background;
        this.project = project;
        this.projectFile = projectFile;
        this.runtimeReady = runtimeReady;
        active.addListener((o, was, on) -> {
            if (!on) pause();
            load();
        });
        runtimeReady.addListener((o, was, ready) -> load());
        project.addListener((o, was, p) -> load());
        speed.addListener((o, was, v) -> {
            double clamped = Math.max(MIN_SPEED, Math.min(MAX_SPEED, v.doubleValue()));
            if (clamped != v.doubleValue()) speed.set(clamped);
        });
    }

    // ---- commands ------------------------------------------------------------------------

    /** Shows or hides the step mode; shown, it explains the open project if it has not yet. */
    public BooleanProperty activeProperty() {
        return active;
    }

    /** Back to the project's initial weights and its first iteration. */
    public void restart() {
        loadedFor = null;
        load();
    }

    public void next() {
        Transcript t = transcript.get();
        if (t == null || computing.get()) return;
        if (index.get() < t.steps().size() - 1) {
            index.set(index.get() + 1);
            publish();
        } else if (applied.get()) {
            nextIteration();
        }
    }

    public void previous() {
        if (transcript.get() == null) return;
        if (index.get() > 0) {
            index.set(index.get() - 1);
            publish();
        } else if (position > 0) {
            showIteration(position - 1);
            index.set(transcript.get().steps().size() - 1);
            publish();
        }
    }

    public void first() {
        goTo(0);
    }

    public void last() {
        if (transcript.get() != null) goTo(transcript.get().steps().size() - 1);
    }

    /** Moves to step {@code i} of the iteration shown. */
    public void goTo(int i) {
        Transcript t = transcript.get();
        if (t == null || i < 0 || i >= t.steps().size()) return;
        index.set(i);
        publish();
    }

    public void togglePlay() {
        if (playing.get()) pause();
        else play();
    }

    /** Plays from the current step (from the first, when at the last). */
    public void play() {
        Transcript t = transcript.get();
        if (t == null || status.get() != Status.READY) return;
        if (index.get() >= t.steps().size() - 1) index.set(0);
        playing.set(true);
        publish();
    }

    public void pause() {
        playing.set(false);
        publish();
    }

    /** One tick of the player (the view's timer, every 1/speed seconds): the next step, or stop at the last. */
    public void playTick() {
        Transcript t = transcript.get();
        if (!playing.get() || t == null) return;
        if (index.get() < t.steps().size() - 1) index.set(index.get() + 1);
        if (index.get() >= t.steps().size() - 1) playing.set(false);
        publish();
    }

    /** Shows the new weights and the new loss of the iteration shown. */
    public void applyUpdate() {
        if (!canApply.get()) return;
        appliedCount = Math.max(appliedCount, position + 1);
        playing.set(false);
        publish();
    }

    /** After the update: the next iteration, from the new weights (worked out in the background the first time). */
    public void nextIteration() {
        if (!canNextIteration.get()) return;
        if (position < history.size() - 1) {
            showIteration(position + 1);
            index.set(0);
            publish();
            return;
        }
        computing.set(true);
        playing.set(false);
        publish();
        long t = ticket;
        StepThrough s = session;
        background.execute(() -> {
            Transcript next = null;
            String failure = null;
            try {
                next = s.next();
            } catch (RuntimeException | LinkageError e) {
                LOG.log(System.Logger.Level.ERROR, "step-through of the next iteration failed", e);
                failure = describe(e);
            }
            Transcript result = next;
            String failed = failure;
            ui.post(() -> {
                if (t != ticket) return;
                computing.set(false);
                if (failed != null) {
                    fail(Status.FAILED, failed);
                    return;
                }
                history.add(result);
                if (history.size() > HISTORY) {
                    history.remove(0);
                    appliedCount--;
                }
                showIteration(history.size() - 1);
                index.set(0);
                publish();
            });
        });
    }

    /** Enter: apply the update, or once applied, go on to the next iteration. */
    public void applyOrContinue() {
        if (canApply.get()) applyUpdate();
        else nextIteration();
    }

    /** Shows the chain from the loss to one parameter, on the diagram and as a list of steps. */
    public void showChain(ParameterRef p) {
        chainParameter.set(p);
        publish();
    }

    public void hideChain() {
        chainParameter.set(null);
        publish();
    }

    /** Goes to a parameter's gradient (its first, for a batch) and shows its chain. */
    public void jumpTo(ParameterRef p) {
        Transcript t = transcript.get();
        if (t == null || p == null) return;
        for (Step s : t.steps()) {
            if (p.equals(s.parameter()) && s.kind().phase() == StepKind.Phase.BACKWARD) {
                index.set(s.index());
                break;
            }
        }
        showChain(p);
    }

    /** The weight a diagram connection is (for a click on it), or null. */
    public ParameterRef weightOf(DiagramOverlay.Synapse s) {
        Transcript t = transcript.get();
        return t == null || s == null ? null : StepOverlay.weightOf(t, s);
    }

    // ---- loading ---------------------------------------------------------------------------

    private void load() {
        Project p = project.getValue();
        if (!active.get() || !runtimeReady.get() || p == null || p == loadedFor) return;
        loadedFor = p;
        long t = ++ticket;
        Path file = projectFile.getValue();
        Path dir = file == null || file.toAbsolutePath().getParent() == null ? Path.of("") : file.toAbsolutePath().getParent();
        history.clear();
        position = 0;
        appliedCount = 0;
        session = null;
        transcript.set(null);
        index.set(-1);
        chainParameter.set(null);
        playing.set(false);
        computing.set(false);
        message.set("");
        status.set(Status.LOADING);
        publish();
        background.execute(() -> {
            StepThrough opened = null;
            Transcript first = null;
            DiagramModel model = null;
            Status refused = null;
            String why = null;
            try {
                opened = StepThrough.open(p, dir, List.of());
                model = DiagramModel.of(opened.project().network(), opened.network().layers());
                first = opened.next();
            } catch (StepThroughException e) {
                refused = Status.REFUSED;
                why = e.getMessage();
            } catch (RuntimeException | LinkageError e) {
                LOG.log(System.Logger.Level.ERROR, "step-through could not start", e);
                refused = Status.FAILED;
                why = describe(e);
            }
            StepThrough s = opened;
            Transcript tr = first;
            DiagramModel m = model;
            Status st = refused;
            String w = why;
            ui.post(() -> {
                if (t != ticket) return;
                if (st != null) {
                    diagram.set(DiagramModel.EMPTY);
                    fail(st, w);
                    return;
                }
                session = s;
                diagram.set(m);
                history.add(tr);
                showIteration(0);
                index.set(0);
                status.set(Status.READY);
                publish();
            });
        });
    }

    private void fail(Status st, String why) {
        playing.set(false);
        message.set(why == null ? "" : why);
        status.set(st);
        publish();
    }

    /** The exception's own message, never its stack trace. */
    private static String describe(Throwable e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }

    private void showIteration(int i) {
        position = i;
        transcript.set(history.get(i));
    }

    /** Recomputes everything derived from the state, once per change. */
    private void publish() {
        Transcript t = status.get() == Status.READY ? transcript.get() : null;
        int i = index.get();
        boolean isApplied = t != null && position < appliedCount;
        applied.set(isApplied);
        ParameterRef picked = chainParameter.get();
        if (t != null && picked != null && t.parameters().stream().noneMatch(c -> c.parameter().equals(picked))) {
            chainParameter.set(null);
        }
        ParameterRef chain = chainParameter.get();
        List<Step> steps = t == null || chain == null ? List.of() : t.chainOf(chain);
        // Replacing equal contents would clear a list view's selection for nothing.
        if (!chainSteps.equals(steps)) chainSteps.setAll(steps);
        step.set(t == null || i < 0 ? null : t.steps().get(i));
        overlay.set(t == null ? DiagramOverlay.NONE : StepOverlay.of(t, i, isApplied, chain));
        int last = t == null ? -1 : t.steps().size() - 1;
        boolean idle = t != null && !computing.get();
        canFirst.set(idle && i > 0);
        canLast.set(idle && i < last);
        canPrevious.set(idle && (i > 0 || position > 0));
        canNext.set(idle && (i < last || isApplied));
        canPlay.set(idle && (playing.get() || last > 0));
        canApply.set(idle && !isApplied);
        canNextIteration.set(idle && isApplied);
    }

    // ---- read-only state -----------------------------------------------------------------

    public ReadOnlyObjectProperty<Status> statusProperty() { return status.getReadOnlyProperty(); }
    /** Why the step-through refused or failed, in the engine's words; "" otherwise. */
    public ReadOnlyStringProperty messageProperty() { return message.getReadOnlyProperty(); }
    /** The iteration shown, or null. */
    public ReadOnlyObjectProperty<Transcript> transcriptProperty() { return transcript.getReadOnlyProperty(); }
    /** 0-based step of the iteration shown; -1 when none. */
    public ReadOnlyIntegerProperty indexProperty() { return index.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Step> stepProperty() { return step.getReadOnlyProperty(); }
    /** Whether the update of the iteration shown has been applied (its new weights and loss are shown). */
    public ReadOnlyBooleanProperty appliedProperty() { return applied.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty playingProperty() { return playing.getReadOnlyProperty(); }
    /** Steps per second while playing, {@link #MIN_SPEED} to {@link #MAX_SPEED}. */
    public DoubleProperty speedProperty() { return speed; }
    /** The next iteration is being worked out. */
    public ReadOnlyBooleanProperty computingProperty() { return computing.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<ParameterRef> chainParameterProperty() { return chainParameter.getReadOnlyProperty(); }
    /** The steps from the loss to {@link #chainParameterProperty()}, in order. */
    public ObservableList<Step> chainSteps() { return chainStepsView; }
    public ReadOnlyObjectProperty<DiagramModel> diagramProperty() { return diagram.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<DiagramOverlay> overlayProperty() { return overlay.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty canFirstProperty() { return canFirst.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty canLastProperty() { return canLast.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty canPreviousProperty() { return canPrevious.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty canNextProperty() { return canNext.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty canPlayProperty() { return canPlay.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty canApplyProperty() { return canApply.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty canNextIterationProperty() { return canNextIteration.getReadOnlyProperty(); }
    /** 1-based number of the iteration shown, among those kept. */
    public int iterationShown() { return transcript.get() == null ? 0 : transcript.get().iteration(); }
}
