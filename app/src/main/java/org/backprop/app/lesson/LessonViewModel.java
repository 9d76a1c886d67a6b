package org.backprop.app.lesson;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.backprop.engine.lesson.Lesson;
import org.backprop.engine.lesson.LessonStep;
import org.backprop.engine.lesson.LocalText;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Where the class is in a lesson: which step, whether the answer is out. Knows no controls; what a
 * step shows is done by a {@link Host} (the window, or a recording fake in a test).
 */
public final class LessonViewModel {

    /** What the window does when a step is reached. */
    public interface Host {
        /** Opens the project file unless it is open already. */
        void open(Path projectFile);

        /** Shows step mode at the 1-based step (0: wherever it is), or leaves step mode when {@code step < 0}. */
        void stepMode(int step);

        /**
         * Brings the step's view to the front (diagram | loss-chart | dashboard; step-through is
         * {@link #stepMode}'s); null when the lesson closes.
         */
        void show(String view);

        /** Marks the control the step points at (null: none). */
        void highlight(String control);

        /** Trains the open project for this many iterations, then pauses. */
        void train(int iterations);

        /**
         * Switches the open project's gradient clipping to clipL2PerLayer at {@code threshold}, as an
         * edit the teacher can undo; the next training starts from fresh weights with it.
         */
        void clip(double threshold);

        /** Takes back what {@link #clip} switched on: the class went back before the step that asked for it. */
        void unclip();
    }

    private final Host host;
    private final Locale locale;
    private final ReadOnlyObjectWrapper<Lesson> lesson = new ReadOnlyObjectWrapper<>(this, "lesson");
    private final ReadOnlyIntegerWrapper index = new ReadOnlyIntegerWrapper(this, "index", -1);
    private final ReadOnlyBooleanWrapper revealed = new ReadOnlyBooleanWrapper(this, "revealed");
    private final ReadOnlyObjectWrapper<LessonStep> step = new ReadOnlyObjectWrapper<>(this, "step");
    private final BooleanBinding canNext;
    private final BooleanBinding canPrevious;
    private final BooleanBinding hasQuestion;
    private final BooleanBinding canRun;
    /** The step whose run switched clipping on, or -1: going back before it takes the edit back. */
    private int clippedAt = -1;

    public LessonViewModel(Host host, Locale locale) {
        this.host = host;
        this.locale = locale;
        canNext = Bindings.createBooleanBinding(() -> lesson.get() != null && index.get() < lesson.get().steps().size() - 1, lesson, index);
        canPrevious = Bindings.createBooleanBinding(() -> lesson.get() != null && index.get() > 0, lesson, index);
        hasQuestion = Bindings.createBooleanBinding(() -> step.get() != null && step.get().question() != null, step);
        canRun = Bindings.createBooleanBinding(() -> step.get() != null && step.get().action() != null
                && "train".equals(step.get().action().type()), step);
    }

    public void open(Lesson l) {
        clippedAt = -1;
        lesson.set(l);
        index.set(-1);
        goTo(0);
    }

    public void close() {
        host.highlight(null);
        host.show(null);
        lesson.set(null);
        index.set(-1);
        step.set(null);
    }

    public void next() {
        if (canNext.get()) goTo(index.get() + 1);
    }

    public void previous() {
        if (canPrevious.get()) goTo(index.get() - 1);
    }

    public void reveal() {
        if (hasQuestion.get()) revealed.set(true);
    }

    /** Runs the step's training action (the class watches the chart while it trains), clipping first where it asks. */
    public void run() {
        if (!canRun.get()) return;
        var action = step.get().action();
        if (action.clipping() != null) {
            host.clip(action.clipping());
            if (clippedAt < 0) clippedAt = index.get();
        }
        host.train(action.iterations());
    }

    private void goTo(int i) {
        Lesson l = lesson.get();
        LessonStep s = l.steps().get(i);
        revealed.set(false);
        if (clippedAt >= 0 && i < clippedAt) {
            // The earlier step expects the project as it was: replaying it shows what clipping cures.
            host.unclip();
            clippedAt = -1;
        }
        index.set(i);
        step.set(s);
        String id = l.projectOf(s);
        host.open(l.projectFile(id));
        if ("step-through".equals(s.show())) {
            int at = s.action() != null && "step-through".equals(s.action().type()) ? s.action().step() : 0;
            host.stepMode(at);
        } else {
            host.stepMode(-1);
            host.show(s.show());
        }
        host.highlight(s.highlight());
    }

    // ---- texts in the interface's language ---------------------------------------------------

    public StringBinding titleText() {
        return Bindings.createStringBinding(() -> lesson.get() == null ? "" : text(lesson.get().title()), lesson);
    }

    public StringBinding stepText() {
        return Bindings.createStringBinding(() -> step.get() == null ? "" : text(step.get().text()), step);
    }

    public StringBinding questionText() {
        return Bindings.createStringBinding(() -> step.get() == null ? "" : text(step.get().question()), step);
    }

    public StringBinding answerText() {
        return Bindings.createStringBinding(() -> step.get() == null || !revealed.get() ? "" : text(step.get().answer()), step, revealed);
    }

    public StringBinding positionText() {
        return Bindings.createStringBinding(() -> lesson.get() == null ? ""
                : LessonStrings.format(locale, "lesson.position", index.get() + 1, lesson.get().steps().size()), lesson, index);
    }

    public StringBinding runText() {
        return Bindings.createStringBinding(() -> canRun.get()
                ? LessonStrings.format(locale, "lesson.run", step.get().action().iterations()) : "", canRun);
    }

    private String text(LocalText t) {
        return t == null ? "" : t.in(locale);
    }

    public ReadOnlyObjectProperty<Lesson> lessonProperty() { return lesson.getReadOnlyProperty(); }

    public ReadOnlyIntegerProperty indexProperty() { return index.getReadOnlyProperty(); }

    public ReadOnlyObjectProperty<LessonStep> stepProperty() { return step.getReadOnlyProperty(); }

    public ReadOnlyBooleanProperty revealedProperty() { return revealed.getReadOnlyProperty(); }

    public BooleanBinding canNextProperty() { return canNext; }

    public BooleanBinding canPreviousProperty() { return canPrevious; }

    public BooleanBinding hasQuestionProperty() { return hasQuestion; }

    public BooleanBinding canRunProperty() { return canRun; }
}
