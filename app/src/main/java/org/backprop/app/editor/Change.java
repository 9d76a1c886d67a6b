package org.backprop.app.editor;

import org.backprop.engine.project.DataSpec;
import org.backprop.engine.project.EdgeSpec;
import org.backprop.engine.project.LayerSpec;
import org.backprop.engine.project.NetworkSpec;
import org.backprop.engine.project.Project;
import org.backprop.engine.project.TrainingSettings;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The smallest changes an edit is made of, each with its exact inverse. Every change checks
 * that the project is in the state it was made for, so an undo applied to the wrong project
 * fails loudly instead of corrupting it.
 */
sealed interface Change {
    Project apply(Project p);

    Change inverse();

    record LayerInserted(int index, LayerSpec layer) implements Change {
        public Project apply(Project p) {
            List<LayerSpec> layers = new ArrayList<>(p.network().layers());
            expect(index <= layers.size(), this);
            layers.add(index, layer);
            return withLayers(p, layers);
        }

        public Change inverse() { return new LayerRemoved(index, layer); }
    }

    record LayerRemoved(int index, LayerSpec layer) implements Change {
        public Project apply(Project p) {
            List<LayerSpec> layers = new ArrayList<>(p.network().layers());
            expect(index < layers.size() && layers.get(index).equals(layer), this);
            layers.remove(index);
            return withLayers(p, layers);
        }

        public Change inverse() { return new LayerInserted(index, layer); }
    }

    record LayerReplaced(int index, LayerSpec before, LayerSpec after) implements Change {
        public Project apply(Project p) {
            List<LayerSpec> layers = new ArrayList<>(p.network().layers());
            expect(index < layers.size() && layers.get(index).equals(before), this);
            layers.set(index, after);
            return withLayers(p, layers);
        }

        public Change inverse() { return new LayerReplaced(index, after, before); }
    }

    /** The same layers in another order, given as ids. */
    record LayersReordered(List<String> before, List<String> after) implements Change {
        public LayersReordered {
            before = List.copyOf(before);
            after = List.copyOf(after);
        }

        public Project apply(Project p) {
            List<LayerSpec> layers = p.network().layers();
            expect(layers.stream().map(LayerSpec::id).toList().equals(before), this);
            Map<String, LayerSpec> byId = new LinkedHashMap<>();
            layers.forEach(l -> byId.put(l.id(), l));
            return withLayers(p, after.stream().map(byId::get).toList());
        }

        public Change inverse() { return new LayersReordered(after, before); }
    }

    record EdgeInserted(int index, EdgeSpec edge) implements Change {
        public Project apply(Project p) {
            List<EdgeSpec> edges = new ArrayList<>(p.network().edges());
            expect(index <= edges.size(), this);
            edges.add(index, edge);
            return withEdges(p, edges);
        }

        public Change inverse() { return new EdgeRemoved(index, edge); }
    }

    record EdgeRemoved(int index, EdgeSpec edge) implements Change {
        public Project apply(Project p) {
            List<EdgeSpec> edges = new ArrayList<>(p.network().edges());
            expect(index < edges.size() && edges.get(index).equals(edge), this);
            edges.remove(index);
            return withEdges(p, edges);
        }

        public Change inverse() { return new EdgeInserted(index, edge); }
    }

    record EdgeReplaced(int index, EdgeSpec before, EdgeSpec after) implements Change {
        public Project apply(Project p) {
            List<EdgeSpec> edges = new ArrayList<>(p.network().edges());
            expect(index < edges.size() && edges.get(index).equals(before), this);
            edges.set(index, after);
            return withEdges(p, edges);
        }

        public Change inverse() { return new EdgeReplaced(index, after, before); }
    }

    record TrainingReplaced(TrainingSettings before, TrainingSettings after) implements Change {
        public Project apply(Project p) {
            expect(p.training().equals(before), this);
            return p.withTraining(after);
        }

        public Change inverse() { return new TrainingReplaced(after, before); }
    }

    record DataReplaced(DataSpec before, DataSpec after) implements Change {
        public Project apply(Project p) {
            expect(p.data().equals(before), this);
            return p.withData(after);
        }

        public Change inverse() { return new DataReplaced(after, before); }
    }

    /** The project's name and description. */
    record InfoReplaced(String nameBefore, String descriptionBefore, String nameAfter, String descriptionAfter)
            implements Change {
        public Project apply(Project p) {
            expect(Objects.equals(p.name(), nameBefore) && Objects.equals(p.description(), descriptionBefore), this);
            return p.withInfo(nameAfter, descriptionAfter);
        }

        public Change inverse() { return new InfoReplaced(nameAfter, descriptionAfter, nameBefore, descriptionBefore); }
    }

    private static void expect(boolean ok, Change c) {
        if (!ok) throw new IllegalStateException("the project is not in the state this change was made for: " + c);
    }

    private static Project withLayers(Project p, List<LayerSpec> layers) {
        return p.withNetwork(new NetworkSpec(layers, p.network().edges()));
    }

    private static Project withEdges(Project p, List<EdgeSpec> edges) {
        return p.withNetwork(new NetworkSpec(p.network().layers(), edges));
    }
}
