package org.backprop.engine.compile;

import org.backprop.engine.project.EdgeSpec;
import org.backprop.engine.project.LayerSpec;
import org.backprop.engine.project.LayerType;
import org.backprop.engine.project.NetworkSpec;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Structural checks that need no DL4J: ids, edges, one input, one output, every layer on a
 * path from the input to the output, feedback edges DL4J can train, and losses that fit their
 * activations. Each problem is
 * one sentence naming the layer; the editor shows them all at once.
 */
public final class NetworkValidator {
    private NetworkValidator() {}

    public static List<String> problems(NetworkSpec net) {
        List<String> out = new ArrayList<>();
        List<LayerSpec> layers = net.layers();
        if (layers.isEmpty()) {
            out.add("the network has no layers; add an input layer and an output layer");
            return out;
        }
        Set<String> ids = new HashSet<>();
        for (LayerSpec l : layers) {
            if (!ids.add(l.id())) out.add(l.describe() + ": another layer already has the id '" + l.id() + "'");
        }
        List<LayerSpec> inputs = layers.stream().filter(l -> l.type() == LayerType.INPUT).toList();
        List<LayerSpec> outputs = layers.stream().filter(l -> l.type() == LayerType.OUTPUT).toList();
        if (inputs.size() != 1) out.add("the network needs exactly one input layer, it has " + inputs.size());
        if (outputs.size() != 1) out.add("the network needs exactly one output layer, it has " + outputs.size());

        for (EdgeSpec e : net.edges()) {
            int from = net.indexOf(e.from());
            int to = net.indexOf(e.to());
            String edge = "edge " + e.from() + " -> " + e.to();
            if (from < 0) out.add(edge + ": there is no layer '" + e.from() + "'");
            if (to < 0) out.add(edge + ": there is no layer '" + e.to() + "'");
            if (from < 0 || to < 0) continue;
            if (!e.feedback() && to <= from) {
                out.add(edge + ": a forward edge must go to a later layer; mark it as a feedback edge or move '" + e.to() + "' after '" + e.from() + "'");
            }
            if (e.feedback() && to > from) out.add(edge + ": a feedback edge must go back to the same or an earlier layer");
            if (layers.get(to).type() == LayerType.INPUT && !e.feedback()) out.add(edge + ": nothing can flow into the input layer");
        }
        if (!out.isEmpty()) return out;

        for (LayerSpec l : layers) {
            boolean hasIn = !net.inputsOf(l.id()).isEmpty();
            boolean hasOut = !net.outputsOf(l.id()).isEmpty();
            if (l.type() != LayerType.INPUT && !hasIn) out.add(l.describe() + " receives no input; connect a layer to it");
            if (l.type() != LayerType.OUTPUT && !hasOut) out.add(l.describe() + " leads nowhere; connect it towards the output layer");
            if (l.type() == LayerType.OUTPUT && hasOut) out.add(l.describe() + ": the output layer must be the last layer, but it feeds " + net.outputsOf(l.id()).get(0).to());
        }
        if (inputs.size() == 1) {
            Set<String> reached = reachable(net, inputs.get(0).id());
            for (LayerSpec l : layers) {
                if (!reached.contains(l.id()) && l.type() != LayerType.INPUT) {
                    out.add(l.describe() + " is not connected to the input layer '" + inputs.get(0).id() + "'");
                }
            }
        }
        out.addAll(Recurrence.problems(net));
        for (LayerSpec l : outputs) out.addAll(lossProblems(l));
        return out;
    }

    private static List<String> lossProblems(LayerSpec l) {
        String act = l.stringValue("activation");
        String loss = l.stringValue("loss");
        List<String> out = new ArrayList<>();
        if (act.equals("softmax") && !loss.equals("mcxent")) {
            out.add(l.describe() + ": a softmax output needs the classification loss mcxent, not " + loss);
        }
        if (loss.equals("mcxent") && !act.equals("softmax")) {
            out.add(l.describe() + ": the mcxent loss expects a softmax activation, not " + act);
        }
        if (loss.equals("xent") && !act.equals("sigmoid")) {
            out.add(l.describe() + ": the xent (binary cross-entropy) loss expects a sigmoid activation, not " + act);
        }
        if (act.equals("softmax") && l.intValue("units") < 2) {
            out.add(l.describe() + ": softmax over 1 unit is always 1; use 2 or more units, or sigmoid with xent");
        }
        return out;
    }

    private static Set<String> reachable(NetworkSpec net, String from) {
        Set<String> seen = new HashSet<>();
        ArrayDeque<String> todo = new ArrayDeque<>(List.of(from));
        while (!todo.isEmpty()) {
            String id = todo.pop();
            if (seen.add(id)) net.outputsOf(id).forEach(e -> todo.push(e.to()));
        }
        return seen;
    }

    /** True when every layer has at most one forward input and one forward output. */
    public static boolean isChain(NetworkSpec net) {
        return net.layers().stream().allMatch(l -> net.inputsOf(l.id()).size() <= 1 && net.outputsOf(l.id()).size() <= 1);
    }
}
