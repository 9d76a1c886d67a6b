package org.backprop.app.editor;

import org.backprop.engine.project.Project;
import org.backprop.visual.editor.Selection;

import java.util.List;

/**
 * A command made of {@link Change}s: execute applies them in order, undo applies their
 * inverses in reverse order. Also says what to select once it is done.
 */
public final class Edit implements Command {
    private final String description;
    private final List<Change> changes;
    private final Selection selectionAfter;

    Edit(String description, List<Change> changes, Selection selectionAfter) {
        this.description = description;
        this.changes = List.copyOf(changes);
        this.selectionAfter = selectionAfter;
    }

    @Override
    public Project execute(Project project) {
        Project p = project;
        for (Change c : changes) p = c.apply(p);
        return p;
    }

    @Override
    public Project undo(Project project) {
        Project p = project;
        for (int i = changes.size() - 1; i >= 0; i--) p = changes.get(i).inverse().apply(p);
        return p;
    }

    @Override
    public String description() {
        return description;
    }

    /** What to select after executing (or redoing), or null to keep the selection. */
    public Selection selectionAfter() {
        return selectionAfter;
    }

    List<Change> changes() {
        return changes;
    }

    @Override
    public String toString() {
        return description + " " + changes;
    }
}
