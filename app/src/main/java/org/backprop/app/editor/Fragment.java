package org.backprop.app.editor;

import org.backprop.engine.project.EdgeSpec;
import org.backprop.engine.project.LayerSpec;
import org.backprop.engine.project.NetworkSpec;
import org.backprop.visual.editor.AutoLayout;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Copied layers and the edges among them: what Copy puts on the editor's clipboard and Paste
 * adds back. Each layer carries the position it was drawn at.
 *
 * @param unpinned whether the network it came from was laid out automatically
 */
public record Fragment(List<LayerSpec> layers, List<EdgeSpec> edges, boolean unpinned) {

    public Fragment {
        layers = List.copyOf(layers);
        edges = List.copyOf(edges);
    }

    public static Fragment of(NetworkSpec net, Collection<String> ids) {
        Set<String> picked = Set.copyOf(ids);
        Map<String, double[]> at = AutoLayout.effective(net);
        List<LayerSpec> layers = net.layers().stream()
                .filter(l -> picked.contains(l.id()))
                .map(l -> l.withPosition(at.get(l.id())[0], at.get(l.id())[1]))
                .toList();
        List<EdgeSpec> edges = net.edges().stream()
                .filter(e -> picked.contains(e.from()) && picked.contains(e.to()))
                .toList();
        return new Fragment(layers, edges, AutoLayout.unpinned(net));
    }
}
