package org.backprop.visual.dashboard;

import org.backprop.engine.project.LayerSpec;
import org.backprop.engine.project.LayerType;
import org.backprop.engine.project.NumberText;
import org.backprop.engine.project.OptimizerSpec;
import org.backprop.engine.project.Project;
import org.backprop.engine.project.PropertySpec;
import org.backprop.engine.project.TrainingSettings;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A project flattened to the facts that make one run differ from another, in a stable order:
 * training settings first, then each layer's properties (defaults filled in). Keys are
 * {@code "training.<name>"} and {@code "layer.<id>"} (its type) / {@code "layer.<id>.<property>"};
 * {@link RunNaming} compares two of these maps.
 */
public final class ProjectFacts {
    private ProjectFacts() {}

    public static Map<String, String> of(Project p) {
        Map<String, String> f = new LinkedHashMap<>();
        TrainingSettings t = p.training();
        OptimizerSpec o = t.optimizer();
        f.put("training.optimizer", o.type().name().toLowerCase(Locale.ROOT));
        f.put("training.learningRate", NumberText.format(o.learningRate()));
        if (o.momentum() != null) f.put("training.momentum", NumberText.format(o.momentum()));
        f.put("training.batchSize", Integer.toString(t.batchSize()));
        f.put("training.epochs", Integer.toString(t.epochs()));
        f.put("training.seed", Long.toString(t.seed()));
        f.put("training.l1", NumberText.format(t.l1()));
        f.put("training.l2", NumberText.format(t.l2()));
        f.put("training.dropout", NumberText.format(t.dropout()));
        f.put("training.gradientClipping", t.gradientClipping().type() == org.backprop.engine.project.GradientClipping.Type.NONE
                ? "none" : t.gradientClipping().type().name().toLowerCase(Locale.ROOT) + " " + NumberText.format(t.gradientClipping().threshold()));
        f.put("training.dataType", t.dataType().name().toLowerCase(Locale.ROOT));
        f.put("training.weightInit", t.weightInit());
        for (LayerSpec l : p.network().layers()) {
            f.put("layer." + l.id(), l.type().id());
            if (l.type() == LayerType.INPUT) continue;
            for (PropertySpec prop : l.type().properties()) {
                f.put("layer." + l.id() + "." + prop.name(), text(l.get(prop.name())));
            }
        }
        f.put("network.edges", Integer.toString(p.network().edges().size()));
        return f;
    }

    private static String text(Object v) {
        if (v instanceof Double d) return NumberText.format(d);
        if (v instanceof Float d) return NumberText.format(d);
        return String.valueOf(v).toLowerCase(Locale.ROOT);
    }
}
