package org.backprop.visual.diagram;

import org.backprop.engine.compile.LayerInfo;
import org.backprop.engine.project.EdgeSpec;
import org.backprop.engine.project.LayerSpec;
import org.backprop.engine.project.LayerType;
import org.backprop.engine.project.NetworkSpec;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class DiagramModelTest {

    static NetworkSpec xor() {
        return new NetworkSpec(List.of(
                LayerSpec.of("input", LayerType.INPUT, "size", 2),
                LayerSpec.of("hidden", LayerType.DENSE, "units", 3, "activation", "tanh"),
                LayerSpec.of("output", LayerType.OUTPUT, "units", 1, "activation", "sigmoid", "loss", "mse")),
                List.of(EdgeSpec.forward("input", "hidden"), EdgeSpec.forward("hidden", "output")));
    }

    static Map<String, LayerInfo> xorInfos() {
        return Map.of(
                "input", new LayerInfo("input", -1, "2", 2, 0),
                "hidden", new LayerInfo("hidden", 0, "3", 3, 9),
                "output", new LayerInfo("output", 1, "1", 1, 4));
    }

    @Test
    void aChainIsOneLayerPerColumnWithTheTensorOnEachEdge() {
        DiagramModel m = DiagramModel.of(xor(), xorInfos());
        assertEquals(3, m.columns());
        assertEquals(List.of(0, 1, 2), m.layers().stream().map(DiagramModel.Layer::column).toList());
        assertEquals(List.of(2, 3, 1), m.layers().stream().map(DiagramModel.Layer::drawnNeurons).toList());
        assertEquals(List.of("2", "3"), m.edges().stream().map(DiagramModel.Edge::tensor).toList());
        assertEquals(9, m.layer("hidden").parameters());
        assertEquals("tanh", m.layer("hidden").detail());
        assertFalse(m.layer("hidden").elided());
    }

    @Test
    void aWideLayerShowsBothEndsAndAnEllipsis() {
        NetworkSpec net = new NetworkSpec(List.of(
                LayerSpec.of("pixels", LayerType.INPUT, "size", 784),
                LayerSpec.of("hidden", LayerType.DENSE, "units", 12),
                LayerSpec.of("out", LayerType.OUTPUT, "units", 13)),
                List.of(EdgeSpec.forward("pixels", "hidden"), EdgeSpec.forward("hidden", "out")));
        DiagramModel m = DiagramModel.of(net, Map.of());
        DiagramModel.Layer pixels = m.layer("pixels");
        assertTrue(pixels.elided());
        assertEquals(10, pixels.drawnNeurons());
        assertEquals(11, pixels.slots());
        assertEquals(5, pixels.ellipsisSlot());
        assertEquals(12, m.layer("hidden").drawnNeurons(), "exactly the cap: all drawn");
        assertEquals(-1, m.layer("hidden").ellipsisSlot());
        assertTrue(m.layer("out").elided());
        assertEquals(-1, m.layer("hidden").parameters(), "not compiled: unknown");
        assertEquals("784", m.edges().get(0).tensor(), "declared sizes stand in before compiling");
    }

    @Test
    void branchesShareAColumn() {
        NetworkSpec net = new NetworkSpec(List.of(
                LayerSpec.of("in", LayerType.INPUT, "size", 4),
                LayerSpec.of("a", LayerType.DENSE, "units", 3),
                LayerSpec.of("b", LayerType.DENSE, "units", 5),
                LayerSpec.of("out", LayerType.OUTPUT, "units", 2)),
                List.of(EdgeSpec.forward("in", "a"), EdgeSpec.forward("in", "b"),
                        EdgeSpec.forward("a", "out"), EdgeSpec.forward("b", "out")));
        DiagramModel m = DiagramModel.of(net, Map.of());
        assertEquals(3, m.columns());
        assertEquals(1, m.layer("a").column());
        assertEquals(1, m.layer("b").column());
        assertEquals(0, m.layer("a").row());
        assertEquals(1, m.layer("b").row());
        assertEquals(2, m.layer("b").rowsInColumn());
        assertEquals(2, m.layer("out").column());
        assertEquals(4, m.edges().size());
    }
}
