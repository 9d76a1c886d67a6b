package org.backprop.engine.compile;

import org.backprop.engine.project.EdgeSpec;
import org.backprop.engine.project.LayerSpec;
import org.backprop.engine.project.LayerType;
import org.backprop.engine.project.NetworkSpec;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the feedback edges of a network mean in DL4J. A self-loop alone on a dense layer is an Elman
 * layer (DL4J SimpleRnn), on an lstm layer an LSTM. An edge back from a later layer S to an earlier
 * layer T (Jordan-style) ties every layer from T to S into one {@link Loop}, computed step by step
 * by the FeedbackLoop layer; loops that share a layer merge.
 */
final class Recurrence {
    private Recurrence() {}

    /**
     * Layers unrolled together. {@code feedbackInto} lists, per cell, the cells whose previous-step
     * activations it receives, in file order.
     */
    record Loop(List<LayerSpec> cells, Map<String, List<String>> feedbackInto) {
        LayerSpec first() { return cells.get(0); }

        LayerSpec last() { return cells.get(cells.size() - 1); }

        boolean endsInOutput() { return last().type() == LayerType.OUTPUT; }

        boolean contains(String id) { return cells.stream().anyMatch(c -> c.id().equals(id)); }

        /** The DL4J layer's name: the last cell's, so that layers after the loop connect to it by that id. */
        String dl4jName() { return endsInOutput() ? "loop:" + first().id() : last().id(); }
    }

    /** Recurrent networks take [batch, features, time] input and train through time. */
    static boolean isRecurrent(NetworkSpec net) {
        return net.isRecurrent();
    }

    static boolean hasSelfLoop(NetworkSpec net, String id) {
        return net.feedbackEdges().stream().anyMatch(e -> e.from().equals(id) && e.to().equals(id));
    }

    /** Why the feedback edges cannot be compiled; empty when they can. Assumes every edge names real layers. */
    static List<String> problems(NetworkSpec net) {
        List<String> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (EdgeSpec e : net.feedbackEdges()) {
            String edge = "edge " + e.from() + " -> " + e.to();
            if (!seen.add(e.from() + "\u0000" + e.to())) out.add(edge + ": this feedback edge is drawn twice");
            LayerType target = net.layer(e.to()).orElseThrow().type();
            if (target == LayerType.INPUT) {
                out.add(edge + ": feedback cannot go into the input layer; connect it to the first hidden layer instead"
                        + " (the same Jordan network)");
            } else if (target != LayerType.DENSE && target != LayerType.LSTM && target != LayerType.OUTPUT) {
                out.add(edge + ": only dense, lstm and output layers take feedback, '" + e.to() + "' is a " + target.id() + " layer");
            }
        }
        for (LayerSpec l : net.layers()) {
            if (l.type() == LayerType.LSTM && !hasSelfLoop(net, l.id())) {
                out.add(l.describe() + " is recurrent: draw its self-loop (a feedback edge from '" + l.id() + "' to itself)");
            }
        }
        if (!out.isEmpty()) return out;
        for (EdgeSpec e : net.feedbackEdges()) {
            if (e.from().equals(e.to()) && net.layer(e.to()).orElseThrow().type() != LayerType.OUTPUT) continue;
            List<LayerSpec> span = span(net, e, out);
            for (LayerSpec l : span) {
                if (l.type() != LayerType.DENSE && l.type() != LayerType.OUTPUT) {
                    out.add("edge " + e.from() + " -> " + e.to() + ": a feedback loop runs through dense layers and the output layer only; "
                            + l.describe() + " is in it");
                }
            }
        }
        for (LayerSpec l : net.layers()) {
            boolean recurrentLayer = l.type() == LayerType.LSTM || hasSelfLoop(net, l.id())
                    || net.feedbackEdges().stream().anyMatch(e -> e.to().equals(l.id()) || e.from().equals(l.id()));
            if (recurrentLayer && l.frozen()) {
                out.add(l.describe() + ": freezing a recurrent layer is not available in this build; unfreeze it");
            }
        }
        if (net.weightsFrom() != null && net.feedbackEdges().stream().anyMatch(e -> !e.from().equals(e.to())
                || net.layer(e.to()).orElseThrow().type() == LayerType.OUTPUT)) {
            out.add("network.weightsFrom: starting a network with feedback loops from a model's weights is not available in this build");
        }
        if (out.isEmpty()) {
            for (Loop loop : loops(net)) {
                String rate = LayerType.Transfer.LEARNING_RATE.name();
                if (loop.cells().stream().map(c -> c.doubleValue(rate)).distinct().count() > 1) {
                    out.add("the feedback loop " + loop.cells().stream().map(LayerSpec::id).toList()
                            + " trains as one DL4J layer: give its layers the same learningRate");
                }
                for (LayerSpec c : loop.cells().subList(1, loop.cells().size())) {
                    if (c.type() == LayerType.DENSE && c.doubleValue("dropout") > 0) {
                        out.add(c.describe() + ": inside a feedback loop only the loop's first layer ('" + loop.first().id()
                                + "') can have dropout");
                    }
                }
            }
        }
        if (isRecurrent(net)) {
            for (LayerSpec l : net.layers()) {
                if (l.type() == LayerType.CONV2D || l.type() == LayerType.POOL2D || l.type() == LayerType.BATCH_NORM) {
                    out.add(l.describe() + ": a recurrent network cannot have " + l.type().id() + " layers in this build");
                }
                if (l.type() == LayerType.INPUT && l.intValue("height") > 0) {
                    out.add(l.describe() + ": a recurrent network takes a plain input (size values per time step), not an image");
                }
            }
        } else {
            for (LayerSpec l : net.layers()) {
                if (l.type() == LayerType.OUTPUT && l.stringValue("steps").equals("last")) {
                    out.add(l.describe() + ": steps \"last\" is for recurrent networks; this one has no feedback edge");
                }
            }
        }
        return out;
    }

    /** The loops of a valid network, in layer order. */
    static List<Loop> loops(NetworkSpec net) {
        List<Set<String>> spans = new ArrayList<>();
        for (EdgeSpec e : net.feedbackEdges()) {
            boolean selfLoop = e.from().equals(e.to());
            if (selfLoop && net.layer(e.to()).orElseThrow().type() != LayerType.OUTPUT) continue;
            Set<String> span = new LinkedHashSet<>();
            span(net, e, new ArrayList<>()).forEach(l -> span.add(l.id()));
            for (int i = spans.size() - 1; i >= 0; i--) {
                if (spans.get(i).stream().anyMatch(span::contains)) span.addAll(spans.remove(i));
            }
            spans.add(span);
        }
        // Self-loops on dense layers inside a loop become that cell's recurrent weights.
        List<Loop> loops = new ArrayList<>();
        for (Set<String> span : spans) {
            List<LayerSpec> cells = net.layers().stream().filter(l -> span.contains(l.id())).toList();
            Map<String, List<String>> into = new LinkedHashMap<>();
            for (LayerSpec c : cells) {
                into.put(c.id(), net.feedbackEdges().stream().filter(e -> e.to().equals(c.id())).map(EdgeSpec::from).toList());
            }
            loops.add(new Loop(cells, into));
        }
        loops.sort(java.util.Comparator.comparingInt(l -> net.indexOf(l.first().id())));
        return loops;
    }

    /** The chain of layers from the edge's target forward to its source; problems say why there is none. */
    private static List<LayerSpec> span(NetworkSpec net, EdgeSpec e, List<String> problems) {
        List<LayerSpec> chain = new ArrayList<>();
        String at = e.to();
        String edge = "edge " + e.from() + " -> " + e.to();
        while (true) {
            LayerSpec l = net.layer(at).orElseThrow();
            chain.add(l);
            if (at.equals(e.from())) return chain;
            List<EdgeSpec> outs = net.outputsOf(at);
            if (outs.size() != 1) {
                problems.add(edge + ": the layers from '" + e.to() + "' to '" + e.from() + "' must form a chain to carry feedback, but '"
                        + at + "' " + (outs.isEmpty() ? "leads nowhere" : "branches to " + outs.size() + " layers"));
                return chain;
            }
            at = outs.get(0).to();
            if (net.inputsOf(at).size() != 1) {
                problems.add(edge + ": the layers from '" + e.to() + "' to '" + e.from() + "' must form a chain to carry feedback, but '"
                        + at + "' also takes input from elsewhere");
                return chain;
            }
        }
    }
}
