package org.backprop.app;

import org.backprop.engine.compile.LayerInfo;
import org.backprop.engine.project.LayerSpec;
import org.backprop.engine.project.LayerType;
import org.backprop.engine.project.NetworkSpec;

import java.util.List;
import java.util.Map;

/**
 * One line of the layer list.
 *
 * @param units      what flows out of the layer ("3", "14x14x8")
 * @param parameters trainable parameters, from the compiler; -1 while unknown
 * @param frozen     frozen for fine-tuning: training leaves its parameters as they are
 */
public record LayerRow(String id, LayerType type, String units, long parameters, boolean frozen) {

    public static List<LayerRow> of(NetworkSpec net, Map<String, LayerInfo> infos) {
        return net.layers().stream().map(l -> of(l, infos.get(l.id()))).toList();
    }

    private static LayerRow of(LayerSpec l, LayerInfo info) {
        return new LayerRow(l.id(), l.type(), info == null ? "" : org.backprop.visual.i18n.VisualText.shape(info.outputShape()), info == null ? -1 : info.parameterCount(),
                l.frozen());
    }
}
