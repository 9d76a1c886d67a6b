package org.backprop.visual.editor;

import org.backprop.engine.compile.LayerInfo;
import org.backprop.engine.project.EdgeSpec;
import org.backprop.engine.project.LayerSpec;
import org.backprop.engine.project.LayerType;
import org.backprop.engine.project.NetworkSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the network editor draws, worked out without the toolkit: one card per layer at its
 * position, with what flows out of it and its parameter count, and one link per edge with the
 * tensor that flows along it. Sizes come from the compiler; where it has not (yet) reported,
 * they are unknown rather than guessed.
 */
public record EditorDiagram(List<Card> cards, List<Link> links) {

    public static final EditorDiagram EMPTY = new EditorDiagram(List.of(), List.of());

    public EditorDiagram {
        cards = List.copyOf(cards);
        links = List.copyOf(links);
    }

    /**
     * @param x          centre, canvas units
     * @param y          centre, canvas units
     * @param detail     the activation, or ""
     * @param shape      what flows out per example ("3", "14x14x8"), or "" when unknown
     * @param parameters trainable parameters, or -1 when unknown
     * @param problem    whether a validation problem names this layer
     * @param frozen     frozen for fine-tuning (the layer's toggle)
     */
    public record Card(String id, LayerType type, double x, double y, String detail, String shape,
                       long parameters, boolean problem, boolean frozen) {}

    /**
     * @param index  the edge's index in the project's edge list
     * @param tensor what flows along it per example, or "" when unknown
     */
    public record Link(int index, String from, String to, boolean feedback, String tensor, boolean problem) {

        public EdgeSpec edge() {
            return new EdgeSpec(from, to, feedback);
        }
    }

    public Optional<Card> card(String id) {
        return cards.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    /**
     * @param infos    what the compiler reported per layer (may be empty)
     * @param problems validation problems, one sentence each; a card or link is marked when one is
     *                 about it (the validator starts such a sentence "layer 'id' (type" or "edge a -> b:")
     */
    public static EditorDiagram of(NetworkSpec net, Map<String, LayerInfo> infos, List<String> problems) {
        Map<String, double[]> at = AutoLayout.effective(net);
        List<Card> cards = new ArrayList<>();
        for (LayerSpec l : net.layers()) {
            double[] p = at.get(l.id());
            LayerInfo info = infos.get(l.id());
            String detail = l.type().property("activation").isPresent() ? l.stringValue("activation") : "";
            cards.add(new Card(l.id(), l.type(), p[0], p[1], detail,
                    info == null ? "" : info.outputShape(), info == null ? -1 : info.parameterCount(),
                    names(problems, "layer '" + l.id() + "' ("), l.frozen()));
        }
        Set<String> ids = at.keySet();
        List<Link> links = new ArrayList<>();
        for (int i = 0; i < net.edges().size(); i++) {
            EdgeSpec e = net.edges().get(i);
            if (!ids.contains(e.from()) || !ids.contains(e.to())) continue;
            LayerInfo from = infos.get(e.from());
            links.add(new Link(i, e.from(), e.to(), e.feedback(), from == null ? "" : from.outputShape(),
                    names(problems, "edge " + e.from() + " -> " + e.to() + ":")));
        }
        return new EditorDiagram(cards, links);
    }

    private static boolean names(List<String> problems, String what) {
        return problems.stream().anyMatch(p -> p.contains(what));
    }
}
