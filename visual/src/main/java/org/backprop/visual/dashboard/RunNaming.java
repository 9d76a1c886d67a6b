package org.backprop.visual.dashboard;

import org.backprop.visual.i18n.VisualText;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Names a run by what changed since the run before it ("hidden activation: sigmoid → relu,
 * learning rate: 0.1 → 0.01"), from two {@link ProjectFacts} maps, so that overlaid curves say
 * what is being compared. Pure: the words for each fact come from a function.
 */
public final class RunNaming {
    /** More changes than this are summarised as "and N more". */
    static final int MAX_CHANGES = 3;

    private RunNaming() {}

    /** With the visual bundle's words. */
    public static String describe(Map<String, String> before, Map<String, String> after) {
        return describe(before, after, RunNaming::label, VisualText::format);
    }

    /**
     * @param label  the words for a fact key ("training.learningRate" → "learning rate")
     * @param format a MessageFormat-style formatter for the keys run.change, run.added,
     *               run.removed, run.more, run.same and run.separator
     * @return the changes, or the run.same text when nothing differs
     */
    public static String describe(Map<String, String> before, Map<String, String> after,
                                  Function<String, String> label, Formatter format) {
        List<String> changes = new ArrayList<>();
        Set<String> keys = new LinkedHashSet<>(before.keySet());
        keys.addAll(after.keySet());
        for (String k : keys) {
            String a = before.get(k);
            String b = after.get(k);
            if (a != null && a.equals(b)) continue;
            // A whole layer added or removed: say so once, not once per property.
            if (isLayerProperty(k) && (a == null) != (b == null)) continue;
            if (a == null) changes.add(format.format("run.added", label.apply(k), b));
            else if (b == null) changes.add(format.format("run.removed", label.apply(k), a));
            else changes.add(format.format("run.change", label.apply(k), a, b));
        }
        if (changes.isEmpty()) return format.format("run.same");
        String separator = format.format("run.separator");
        if (changes.size() <= MAX_CHANGES) return String.join(separator, changes);
        return String.join(separator, changes.subList(0, MAX_CHANGES)) + format.format("run.more", changes.size() - MAX_CHANGES);
    }

    /** "layer.hidden.units" is a layer's property; "layer.hidden" is the layer itself. */
    private static boolean isLayerProperty(String key) {
        return key.startsWith("layer.") && key.indexOf('.', "layer.".length()) > 0;
    }

    /** Words for a fact key, from the visual bundle. */
    static String label(String key) {
        if (key.startsWith("layer.")) {
            String rest = key.substring("layer.".length());
            int dot = rest.indexOf('.');
            if (dot < 0) return VisualText.format("run.fact.layer", rest);
            String property = rest.substring(dot + 1);
            return VisualText.format("run.fact.layerProperty", rest.substring(0, dot), property);
        }
        return VisualText.get("run.fact." + key);
    }

    @FunctionalInterface
    public interface Formatter {
        String format(String key, Object... args);
    }
}
