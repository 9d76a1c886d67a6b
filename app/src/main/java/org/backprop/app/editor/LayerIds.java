package org.backprop.app.editor;

import org.backprop.app.i18n.Messages;
import org.backprop.engine.project.LayerType;
import org.backprop.engine.project.NetworkSpec;

import java.util.Collection;
import java.util.Optional;

/** Fresh, unique layer ids for new and pasted layers, and the rules a typed id must follow. */
public final class LayerIds {
    private LayerIds() {}

    /** "input" and "output" while free (a network has one of each); "dense1", "dense2", ... otherwise. */
    static String forNew(Collection<String> taken, LayerType type) {
        if ((type == LayerType.INPUT || type == LayerType.OUTPUT) && !taken.contains(type.id())) return type.id();
        return numbered(taken, type.id(), 1);
    }

    /** The copied layer's id while free, else the same stem numbered: "hidden" gives "hidden2", "dense1" gives "dense2". */
    static String forCopy(Collection<String> taken, String id) {
        if (!taken.contains(id)) return id;
        String stem = id.replaceFirst("\\d+$", "");
        return numbered(taken, stem.isEmpty() ? id : stem, 2);
    }

    private static String numbered(Collection<String> taken, String stem, int from) {
        for (int n = from; ; n++) {
            String id = stem + n;
            if (!taken.contains(id)) return id;
        }
    }

    /**
     * Why {@code id} cannot be the new id of layer {@code current}, or empty when it can. Not
     * blank, no spaces, no '/' (the compiler names merge vertices "id/merge"), unique.
     */
    public static Optional<String> problem(NetworkSpec net, String current, String id) {
        if (id == null || id.isBlank()) return Optional.of(Messages.get("editor.id.blank"));
        if (!id.equals(id.strip()) || id.chars().anyMatch(Character::isWhitespace)) {
            return Optional.of(Messages.get("editor.id.spaces"));
        }
        if (id.contains("/")) return Optional.of(Messages.get("editor.id.slash"));
        if (!id.equals(current) && net.indexOf(id) >= 0) return Optional.of(Messages.format("editor.id.taken", id));
        return Optional.empty();
    }
}
