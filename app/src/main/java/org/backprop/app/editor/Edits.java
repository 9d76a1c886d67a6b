package org.backprop.app.editor;

import org.backprop.app.i18n.Messages;
import org.backprop.engine.project.DataSpec;
import org.backprop.engine.project.EdgeSpec;
import org.backprop.engine.project.LayerSpec;
import org.backprop.engine.project.LayerType;
import org.backprop.engine.project.NetworkSpec;
import org.backprop.engine.project.Project;
import org.backprop.engine.project.TrainingSettings;
import org.backprop.visual.editor.AutoLayout;
import org.backprop.visual.editor.Selection;
import org.backprop.visual.i18n.VisualText;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * Every edit the editor offers, as a function from the current project to an {@link Edit}
 * (or null when the edit would change nothing). Pure: no toolkit, no state.
 *
 * <p>Positions: a project none of whose layers has a position is laid out automatically after
 * every edit, and stays that way until the user places something. The first edit that places
 * a layer saves every layer's position as drawn, so that nothing else moves.
 */
public final class Edits {
    private Edits() {}

    // ---- adding --------------------------------------------------------------------------

    /**
     * A palette click: adds a layer of {@code type} after the selected layer (else after the last
     * layer before the output), wired in: a layer between the anchor and what the anchor fed, an
     * output layer after the anchor, an input layer first and unwired.
     */
    public static Edit addAfterSelection(Project p, LayerType type, Selection selection) {
        NetworkSpec net = p.network();
        String id = LayerIds.forNew(ids(net), type);
        LayerSpec fresh = fresh(id, type);
        Builder b = new Builder(p);
        boolean place = !AutoLayout.unpinned(net);
        Map<String, double[]> at = AutoLayout.effective(net);
        if (place) b.pinAll();

        LayerSpec anchor = anchor(net, type, selection);
        if (type == LayerType.INPUT || anchor == null) {
            int index = type == LayerType.INPUT ? 0 : net.layers().size();
            double[] pos = null;
            if (place) pos = beside(at, type == LayerType.INPUT ? -1 : 1);
            b.insertLayer(index, pos == null ? fresh : fresh.withPosition(pos[0], pos[1]));
        } else if (anchor.type() == LayerType.OUTPUT && type != LayerType.OUTPUT) {
            // Nothing follows an output layer: put the new one in front of it.
            if (place) {
                double[] a = at.get(anchor.id());
                b.shiftRight(a[0] - 1);
                fresh = fresh.withPosition(a[0], a[1]);
            }
            b.insertLayer(net.indexOf(anchor.id()), fresh);
            for (EdgeSpec in : net.inputsOf(anchor.id())) b.replaceEdge(in, EdgeSpec.forward(in.from(), id));
            b.addEdge(EdgeSpec.forward(id, anchor.id()));
        } else {
            List<EdgeSpec> outs = type == LayerType.OUTPUT ? List.of() : net.outputsOf(anchor.id());
            if (place) {
                double[] a = at.get(anchor.id());
                if (!outs.isEmpty()) b.shiftRight(a[0] + 1);
                double[] pos = free(b.project.network(), a[0] + AutoLayout.COLUMN_GAP, a[1]);
                fresh = fresh.withPosition(pos[0], pos[1]);
            }
            b.insertLayer(net.indexOf(anchor.id()) + 1, fresh);
            EdgeSpec in = EdgeSpec.forward(anchor.id(), id);
            if (outs.isEmpty()) {
                b.addEdge(in);
            } else {
                int first = b.project.network().edges().indexOf(outs.get(0));
                b.insertEdge(first, in);
                for (EdgeSpec out : outs) b.replaceEdge(out, EdgeSpec.forward(id, out.to()));
            }
        }
        return b.build(Messages.format("command.addLayer", type.id(), VisualText.layerType(type)), Selection.layer(id));
    }

    /** A palette drag dropped at ({@code x}, {@code y}): the layer lands there, unwired. */
    public static Edit addAt(Project p, LayerType type, double x, double y) {
        NetworkSpec net = p.network();
        String id = LayerIds.forNew(ids(net), type);
        Builder b = new Builder(p);
        b.pinAll();
        int index = net.layers().size();
        if (type == LayerType.INPUT) {
            index = 0;
        } else if (type != LayerType.OUTPUT) {
            int out = indexOfType(net, LayerType.OUTPUT);
            if (out >= 0) index = out;
        }
        b.insertLayer(index, fresh(id, type).withPosition(x, y));
        return b.build(Messages.format("command.addLayer", type.id(), VisualText.layerType(type)), Selection.layer(id));
    }

    /**
     * A new layer with its type's defaults, except that an output layer gets two units: the
     * default softmax over one unit is refused, two make a classifier that trains as it stands.
     */
    static LayerSpec fresh(String id, LayerType type) {
        return type == LayerType.OUTPUT ? LayerSpec.of(id, type, "units", 2) : LayerSpec.of(id, type);
    }

    private static LayerSpec anchor(NetworkSpec net, LayerType type, Selection selection) {
        List<LayerSpec> picked = net.layers().stream().filter(l -> selection.layers().contains(l.id())).toList();
        if (!picked.isEmpty()) return picked.get(picked.size() - 1);
        List<LayerSpec> layers = net.layers();
        for (int i = layers.size() - 1; i >= 0; i--) {
            if (layers.get(i).type() != LayerType.OUTPUT) return layers.get(i);
        }
        return null;
    }

    /** A spot left of everything (side -1) or right of everything (side 1), at the middle height. */
    private static double[] beside(Map<String, double[]> at, int side) {
        if (at.isEmpty()) return new double[]{AutoLayout.ORIGIN_X, AutoLayout.ORIGIN_Y};
        double x = side < 0 ? at.values().stream().mapToDouble(v -> v[0]).min().orElse(0) - AutoLayout.COLUMN_GAP
                : at.values().stream().mapToDouble(v -> v[0]).max().orElse(0) + AutoLayout.COLUMN_GAP;
        double y = at.values().stream().mapToDouble(v -> v[1]).average().orElse(AutoLayout.ORIGIN_Y);
        return new double[]{x, Math.rint(y)};
    }

    /** The first spot at or below ({@code x}, {@code y}) that no card occupies. */
    private static double[] free(NetworkSpec net, double x, double y) {
        Map<String, double[]> at = AutoLayout.effective(net);
        double ty = y;
        for (int i = 0; i < 50; i++) {
            double yy = ty;
            boolean taken = at.values().stream().anyMatch(p -> Math.abs(p[0] - x) < 150 && Math.abs(p[1] - yy) < 80);
            if (!taken) break;
            ty += AutoLayout.ROW_GAP;
        }
        return new double[]{x, ty};
    }

    // ---- deleting ------------------------------------------------------------------------

    /**
     * Deletes the selected edge, or the selected layers with their edges. A deleted layer that
     * had one input is bridged: what it received now goes straight to what it fed, so deleting
     * a layer from a chain leaves a chain.
     */
    public static Edit deleteSelection(Project p, Selection selection) {
        NetworkSpec net = p.network();
        if (selection.edge() >= 0 && selection.edge() < net.edges().size()) {
            EdgeSpec e = net.edges().get(selection.edge());
            Builder b = new Builder(p);
            b.removeEdge(e);
            return b.build(Messages.format(e.feedback() ? "command.deleteFeedbackEdge" : "command.deleteEdge", e.from(), e.to()),
                    Selection.NONE);
        }
        List<LayerSpec> doomed = net.layers().stream().filter(l -> selection.layers().contains(l.id())).toList();
        if (doomed.isEmpty()) return null;
        Builder b = new Builder(p);
        for (LayerSpec l : doomed) {
            NetworkSpec now = b.project.network();
            List<EdgeSpec> ins = now.inputsOf(l.id());
            List<EdgeSpec> outs = now.outputsOf(l.id());
            if (ins.size() == 1) {
                // The first bridge takes the place of the edge into the layer, the others follow it.
                EdgeSpec in = ins.get(0);
                int at = b.project.network().edges().indexOf(in);
                for (EdgeSpec out : outs) {
                    EdgeSpec bridge = EdgeSpec.forward(in.from(), out.to());
                    if (b.project.network().edges().contains(bridge) || in.from().equals(out.to())) continue;
                    if (b.project.network().edges().get(at).equals(in)) b.replaceEdge(in, bridge);
                    else b.insertEdge(at + 1, bridge);
                    at = b.project.network().edges().indexOf(bridge);
                }
            }
            for (EdgeSpec e : List.copyOf(b.project.network().edges())) {
                if (e.from().equals(l.id()) || e.to().equals(l.id())) b.removeEdge(e);
            }
            b.removeLayer(l.id());
        }
        String d = doomed.size() == 1 ? Messages.format("command.deleteLayer", doomed.get(0).id())
                : Messages.format("command.deleteLayers", doomed.size());
        return b.build(d, Selection.NONE);
    }

    // ---- connecting ----------------------------------------------------------------------

    /**
     * Connects {@code from} to {@code to}. An edge that closes a loop (a layer to itself, or to a
     * layer it already feeds through forward edges) is a feedback edge; any other is forward, and
     * when {@code to} comes before {@code from} in the file the layers are reordered, as little as
     * possible, so that it goes forward. Null when the edge exists.
     */
    public static Edit connect(Project p, String from, String to) {
        NetworkSpec net = p.network();
        if (net.indexOf(from) < 0 || net.indexOf(to) < 0) return null;
        boolean feedback = from.equals(to) || reaches(net, to, from);
        EdgeSpec edge = new EdgeSpec(from, to, feedback);
        if (net.edges().contains(edge)) return null;
        Builder b = new Builder(p);
        b.addEdge(edge);
        if (!feedback && net.indexOf(to) < net.indexOf(from)) {
            b.reorder(topologicalOrder(b.project.network()));
        }
        return b.build(Messages.format(feedback ? "command.connectFeedback" : "command.connect", from, to),
                Selection.edge(b.project.network().edges().indexOf(edge)));
    }

    /** Whether forward edges lead from {@code a} to {@code b}. */
    static boolean reaches(NetworkSpec net, String a, String b) {
        Set<String> seen = new HashSet<>();
        ArrayDeque<String> todo = new ArrayDeque<>(List.of(a));
        while (!todo.isEmpty()) {
            String id = todo.pop();
            if (id.equals(b)) return true;
            if (seen.add(id)) net.outputsOf(id).forEach(e -> todo.push(e.to()));
        }
        return false;
    }

    /**
     * Layer ids in an order where every forward edge goes to a later layer, as close to the
     * file order as possible (a valid order comes back unchanged). Layers caught in a forward
     * cycle, which only a broken file can hold, keep their order at the end.
     */
    static List<String> topologicalOrder(NetworkSpec net) {
        List<String> ids = net.layers().stream().map(LayerSpec::id).toList();
        Map<String, Integer> index = new LinkedHashMap<>();
        for (int i = 0; i < ids.size(); i++) index.putIfAbsent(ids.get(i), i);
        Map<String, Integer> indegree = new LinkedHashMap<>();
        ids.forEach(id -> indegree.put(id, 0));
        for (EdgeSpec e : net.edges()) {
            if (!e.feedback() && index.containsKey(e.from()) && indegree.containsKey(e.to()) && !e.from().equals(e.to())) {
                indegree.merge(e.to(), 1, Integer::sum);
            }
        }
        PriorityQueue<String> ready = new PriorityQueue<>((a, c) -> Integer.compare(index.get(a), index.get(c)));
        indegree.forEach((id, d) -> { if (d == 0) ready.add(id); });
        List<String> out = new ArrayList<>();
        while (!ready.isEmpty()) {
            String id = ready.poll();
            out.add(id);
            for (EdgeSpec e : net.outputsOf(id)) {
                if (e.from().equals(e.to()) || !indegree.containsKey(e.to())) continue;
                if (indegree.merge(e.to(), -1, Integer::sum) == 0) ready.add(e.to());
            }
        }
        for (String id : ids) if (!out.contains(id)) out.add(id);
        return out;
    }

    // ---- moving and ordering -------------------------------------------------------------

    /** Layers dragged to new centre positions. */
    public static Edit move(Project p, Map<String, double[]> positions) {
        Builder b = new Builder(p);
        b.pinAll();
        List<String> moved = new ArrayList<>();
        positions.forEach((id, xy) -> {
            LayerSpec l = b.project.network().layer(id).orElse(null);
            if (l == null || Arrays.equals(l.position(), xy)) return;
            b.replaceLayer(l.withPosition(xy[0], xy[1]));
            moved.add(id);
        });
        if (moved.isEmpty()) return null;
        String d = moved.size() == 1 ? Messages.format("command.moveLayer", moved.get(0))
                : Messages.format("command.moveLayers", moved.size());
        return b.build(d, null);
    }

    /** Every layer where the automatic layout puts it (columns by depth). */
    public static Edit arrange(Project p) {
        Builder b = new Builder(p);
        AutoLayout.positions(p.network()).forEach((id, xy) -> {
            LayerSpec l = b.project.network().layer(id).orElseThrow();
            if (!Arrays.equals(l.position(), xy)) b.replaceLayer(l.withPosition(xy[0], xy[1]));
        });
        return b.build(Messages.get("command.arrange"), null);
    }

    /** Moves the selected layers one place earlier ({@code -1}) or later ({@code 1}) in the layer order. */
    public static Edit reorder(Project p, Selection selection, int step) {
        List<String> order = new ArrayList<>(p.network().layers().stream().map(LayerSpec::id).toList());
        Set<String> picked = selection.layers();
        if (picked.isEmpty()) return null;
        if (step < 0) {
            for (int i = 1; i < order.size(); i++) {
                if (picked.contains(order.get(i)) && !picked.contains(order.get(i - 1))) swap(order, i, i - 1);
            }
        } else {
            for (int i = order.size() - 2; i >= 0; i--) {
                if (picked.contains(order.get(i)) && !picked.contains(order.get(i + 1))) swap(order, i, i + 1);
            }
        }
        Builder b = new Builder(p);
        b.reorder(order);
        String what = picked.size() == 1 ? picked.iterator().next() : String.valueOf(picked.size());
        String key = (step < 0 ? "command.moveEarlier" : "command.moveLater") + (picked.size() == 1 ? "" : ".many");
        return b.build(Messages.format(key, what), null);
    }

    private static void swap(List<String> order, int i, int j) {
        String t = order.get(i);
        order.set(i, order.get(j));
        order.set(j, t);
    }

    // ---- properties ----------------------------------------------------------------------

    /** Sets one property of one layer to a value that passed {@code PropertySpec.check}. */
    public static Edit setProperty(Project p, String layerId, String name, Object value) {
        LayerSpec l = p.network().layer(layerId).orElse(null);
        if (l == null) return null;
        if (l.type().property(name).orElseThrow().check(value).isPresent()) {
            throw new IllegalArgumentException("unchecked value " + value + " for " + name);
        }
        if (Objects.equals(l.properties().get(name), value)) return null;
        Builder b = new Builder(p);
        b.replaceLayer(l.with(name, value));
        return b.build(Messages.format("command.setProperty", name, layerId, Messages.get("property." + name)), null);
    }

    /** Gives a layer a new id (checked by {@link LayerIds#problem}), and its edges with it. */
    public static Edit rename(Project p, String layerId, String newId) {
        LayerSpec l = p.network().layer(layerId).orElse(null);
        if (l == null || layerId.equals(newId)) return null;
        Builder b = new Builder(p);
        int index = p.network().indexOf(layerId);
        b.apply(new Change.LayerReplaced(index, l, l.withId(newId)));
        List<EdgeSpec> edges = p.network().edges();
        for (int i = 0; i < edges.size(); i++) {
            EdgeSpec e = edges.get(i);
            if (!e.from().equals(layerId) && !e.to().equals(layerId)) continue;
            EdgeSpec renamed = new EdgeSpec(e.from().equals(layerId) ? newId : e.from(), e.to().equals(layerId) ? newId : e.to(),
                    e.feedback());
            b.apply(new Change.EdgeReplaced(i, e, renamed));
        }
        return b.build(Messages.format("command.rename", layerId, newId), Selection.layer(newId));
    }

    /** @param field the setting's name ("learningRate"), which names the edit */
    public static Edit setTraining(Project p, TrainingSettings t, String field) {
        if (p.training().equals(t)) return null;
        Builder b = new Builder(p);
        b.apply(new Change.TrainingReplaced(p.training(), t));
        return b.build(Messages.get("training.change." + field), null);
    }

    /** Replaces the data set; {@code field} names what changed ("source", "noise", "testFraction"). */
    public static Edit setData(Project p, DataSpec d, String field) {
        if (p.data().equals(d)) return null;
        Builder b = new Builder(p);
        b.apply(new Change.DataReplaced(p.data(), d));
        return b.build(Messages.get("command.data." + field), null);
    }

    public static Edit setInfo(Project p, String name, String description) {
        if (Objects.equals(p.name(), name) && Objects.equals(p.description(), description)) return null;
        Builder b = new Builder(p);
        b.apply(new Change.InfoReplaced(p.name(), p.description(), name, description));
        return b.build(Messages.get(Objects.equals(p.name(), name) ? "command.setDescription" : "command.setName"), null);
    }

    // ---- copy and paste ------------------------------------------------------------------

    /**
     * Adds a copied fragment with fresh ids, offset by ({@code dx}, {@code dy}) from where it was
     * copied, after the last layer; its inner edges come along.
     */
    public static Edit paste(Project p, Fragment f, double dx, double dy) {
        if (f.layers().isEmpty()) return null;
        Builder b = new Builder(p);
        boolean place = !AutoLayout.unpinned(p.network()) || !f.unpinned();
        if (place) b.pinAll();
        Set<String> taken = new HashSet<>(ids(p.network()));
        Map<String, String> renamed = new LinkedHashMap<>();
        for (LayerSpec l : f.layers()) {
            String id = LayerIds.forCopy(taken, l.id());
            taken.add(id);
            renamed.put(l.id(), id);
            LayerSpec copy = l.withId(id);
            double[] xy = l.position();
            copy = place && xy != null ? copy.withPosition(xy[0] + dx, xy[1] + dy)
                    : new LayerSpec(id, l.type(), l.properties(), l.parameters(), null);
            b.insertLayer(b.project.network().layers().size(), copy);
        }
        for (EdgeSpec e : f.edges()) {
            b.addEdge(new EdgeSpec(renamed.get(e.from()), renamed.get(e.to()), e.feedback()));
        }
        String d = renamed.size() == 1 ? Messages.format("command.pasteLayer", renamed.values().iterator().next())
                : Messages.format("command.pasteLayers", renamed.size());
        return b.build(d, Selection.layers(renamed.values()));
    }

    // ---- helpers -------------------------------------------------------------------------

    static List<String> ids(NetworkSpec net) {
        return net.layers().stream().map(LayerSpec::id).toList();
    }

    private static int indexOfType(NetworkSpec net, LayerType t) {
        for (int i = 0; i < net.layers().size(); i++) if (net.layers().get(i).type() == t) return i;
        return -1;
    }

    /** Records changes while applying them, so that each is computed against the state it meets. */
    static final class Builder {
        Project project;
        private final List<Change> changes = new ArrayList<>();

        Builder(Project p) {
            project = p;
        }

        void apply(Change c) {
            project = c.apply(project);
            changes.add(c);
        }

        /** Saves the drawn position of every layer that has none. */
        void pinAll() {
            Map<String, double[]> at = AutoLayout.effective(project.network());
            List<LayerSpec> layers = project.network().layers();
            for (int i = 0; i < layers.size(); i++) {
                LayerSpec l = layers.get(i);
                if (l.position() != null) continue;
                double[] xy = at.get(l.id());
                apply(new Change.LayerReplaced(i, l, l.withPosition(xy[0], xy[1])));
            }
        }

        /** Moves every layer right of {@code x} one column further right. */
        void shiftRight(double x) {
            List<LayerSpec> layers = project.network().layers();
            for (int i = 0; i < layers.size(); i++) {
                LayerSpec l = layers.get(i);
                double[] xy = l.position();
                if (xy != null && xy[0] > x) {
                    apply(new Change.LayerReplaced(i, l, l.withPosition(xy[0] + AutoLayout.COLUMN_GAP, xy[1])));
                }
            }
        }

        void insertLayer(int index, LayerSpec l) {
            apply(new Change.LayerInserted(index, l));
        }

        void removeLayer(String id) {
            int i = project.network().indexOf(id);
            apply(new Change.LayerRemoved(i, project.network().layers().get(i)));
        }

        void replaceLayer(LayerSpec after) {
            int i = project.network().indexOf(after.id());
            apply(new Change.LayerReplaced(i, project.network().layers().get(i), after));
        }

        void reorder(List<String> order) {
            List<String> now = ids(project.network());
            if (!now.equals(order)) apply(new Change.LayersReordered(now, order));
        }

        void addEdge(EdgeSpec e) {
            apply(new Change.EdgeInserted(project.network().edges().size(), e));
        }

        void insertEdge(int index, EdgeSpec e) {
            apply(new Change.EdgeInserted(index, e));
        }

        void removeEdge(EdgeSpec e) {
            apply(new Change.EdgeRemoved(project.network().edges().indexOf(e), e));
        }

        void replaceEdge(EdgeSpec before, EdgeSpec after) {
            apply(new Change.EdgeReplaced(project.network().edges().indexOf(before), before, after));
        }

        Edit build(String description, Selection selectionAfter) {
            return changes.isEmpty() ? null : new Edit(description, changes, selectionAfter);
        }
    }
}
