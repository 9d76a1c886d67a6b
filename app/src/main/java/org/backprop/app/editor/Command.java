package org.backprop.app.editor;

import org.backprop.engine.project.Project;

/**
 * One edit of a project that knows how to do and undo itself and what to call itself in the
 * Edit menu ("Add dense layer"). Projects are immutable: both directions return a new one.
 */
public interface Command {
    Project execute(Project project);

    Project undo(Project project);

    /** What the Edit menu shows after "Undo" / "Redo", in the user's language. */
    String description();
}
