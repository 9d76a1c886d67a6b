package org.backprop.app.editor;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.backprop.engine.project.Project;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The project being edited and its history: {@link #execute} applies a command and makes it
 * undoable, {@link #undo} and {@link #redo} walk the history. A new command forgets what could
 * be redone. Observable, but free of the toolkit (tested on a plain thread); UI thread only.
 */
public final class CommandStack {
    /** Older commands are forgotten beyond this depth. */
    static final int LIMIT = 500;

    private final Deque<Command> done = new ArrayDeque<>();
    private final Deque<Command> undone = new ArrayDeque<>();
    private final ReadOnlyObjectWrapper<Project> project = new ReadOnlyObjectWrapper<>(this, "project");
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper(this, "canUndo");
    private final ReadOnlyBooleanWrapper canRedo = new ReadOnlyBooleanWrapper(this, "canRedo");
    private final ReadOnlyStringWrapper undoDescription = new ReadOnlyStringWrapper(this, "undoDescription", "");
    private final ReadOnlyStringWrapper redoDescription = new ReadOnlyStringWrapper(this, "redoDescription", "");

    /** Starts a new history on {@code p} (null: nothing open). */
    public void reset(Project p) {
        done.clear();
        undone.clear();
        project.set(p);
        update();
    }

    public void execute(Command c) {
        Project next = c.execute(project.get());
        done.push(c);
        if (done.size() > LIMIT) done.removeLast();
        undone.clear();
        project.set(next);
        update();
    }

    /** Undoes the latest command; returns it, or null when there is nothing to undo. */
    public Command undo() {
        if (done.isEmpty()) return null;
        Command c = done.peek();
        Project previous = c.undo(project.get());
        done.pop();
        undone.push(c);
        project.set(previous);
        update();
        return c;
    }

    /** Redoes the latest undone command; returns it, or null when there is nothing to redo. */
    public Command redo() {
        if (undone.isEmpty()) return null;
        Command c = undone.peek();
        Project next = c.execute(project.get());
        undone.pop();
        done.push(c);
        project.set(next);
        update();
        return c;
    }

    private void update() {
        canUndo.set(!done.isEmpty());
        canRedo.set(!undone.isEmpty());
        undoDescription.set(done.isEmpty() ? "" : done.peek().description());
        redoDescription.set(undone.isEmpty() ? "" : undone.peek().description());
    }

    public Project project() { return project.get(); }

    public ReadOnlyObjectProperty<Project> projectProperty() { return project.getReadOnlyProperty(); }

    public ReadOnlyBooleanProperty canUndoProperty() { return canUndo.getReadOnlyProperty(); }

    public ReadOnlyBooleanProperty canRedoProperty() { return canRedo.getReadOnlyProperty(); }

    /** The command Undo would undo, or "". */
    public ReadOnlyStringProperty undoDescriptionProperty() { return undoDescription.getReadOnlyProperty(); }

    /** The command Redo would redo, or "". */
    public ReadOnlyStringProperty redoDescriptionProperty() { return redoDescription.getReadOnlyProperty(); }
}
