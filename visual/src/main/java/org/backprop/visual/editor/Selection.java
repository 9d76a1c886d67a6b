package org.backprop.visual.editor;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * What is selected in the network editor: some layers (by id, in the order they were picked),
 * or one edge (by its index in the project's edge list), or nothing.
 */
public record Selection(Set<String> layers, int edge) {

    public static final Selection NONE = new Selection(Set.of(), -1);

    public Selection {
        layers = java.util.Collections.unmodifiableSet(new LinkedHashSet<>(layers));
        if (!layers.isEmpty()) edge = -1;
    }

    public static Selection layers(java.util.Collection<String> ids) {
        return new Selection(new LinkedHashSet<>(ids), -1);
    }

    public static Selection layer(String id) {
        return new Selection(Set.of(id), -1);
    }

    public static Selection edge(int index) {
        return new Selection(Set.of(), index);
    }

    public boolean isEmpty() {
        return layers.isEmpty() && edge < 0;
    }

    /** The one selected layer, or null when none or several are. */
    public String single() {
        return layers.size() == 1 ? layers.iterator().next() : null;
    }
}
