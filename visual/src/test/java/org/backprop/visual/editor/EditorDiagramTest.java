package org.backprop.visual.editor;

import org.backprop.engine.compile.LayerInfo;
import org.backprop.engine.project.EdgeSpec;
import org.backprop.engine.project.LayerSpec;
import org.backprop.engine.project.LayerType;
import org.backprop.engine.project.NetworkSpec;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class EditorDiagramTest {
    private static final NetworkSpec BRANCHED = new NetworkSpec(List.of(
            LayerSpec.of("in", LayerType.INPUT),
            LayerSpec.of("a", LayerType.DENSE),
            LayerSpec.of("b", LayerType.DENSE),
            LayerSpec.of("out", LayerType.OUTPUT)),
            List.of(EdgeSpec.forward("in", "a"), EdgeSpec.forward("in", "b"),
                    EdgeSpec.forward("a", "out"), EdgeSpec.forward("b", "out"), EdgeSpec.feedback("out", "a")));

    @Test
    void columnsFollowDepthAndAColumnIsCentred() {
        Map<String, double[]> at = AutoLayout.positions(BRANCHED);
        assertEquals(AutoLayout.ORIGIN_X, at.get("in")[0]);
        assertEquals(at.get("a")[0], at.get("b")[0], "a and b share a column");
        assertEquals(AutoLayout.ORIGIN_X + 2 * AutoLayout.COLUMN_GAP, at.get("out")[0]);
        assertEquals(AutoLayout.ORIGIN_Y, (at.get("a")[1] + at.get("b")[1]) / 2, "centred on the middle line");
        assertEquals(AutoLayout.ROW_GAP, at.get("b")[1] - at.get("a")[1]);
    }

    @Test
    void unwiredLayersReadLeftToRight() {
        NetworkSpec loose = new NetworkSpec(List.of(LayerSpec.of("in", LayerType.INPUT), LayerSpec.of("d", LayerType.DENSE),
                LayerSpec.of("out", LayerType.OUTPUT)), List.of());
        Map<String, double[]> at = AutoLayout.positions(loose);
        assertTrue(at.get("in")[0] < at.get("d")[0] && at.get("d")[0] < at.get("out")[0]);
    }

    @Test
    void savedPositionsWinOverTheLayout() {
        NetworkSpec placed = new NetworkSpec(List.of(LayerSpec.of("in", LayerType.INPUT).withPosition(7, 8)), List.of());
        assertArrayEquals(new double[]{7, 8}, AutoLayout.effective(placed).get("in"));
        assertFalse(AutoLayout.unpinned(placed));
    }

    @Test
    void cardsAndLinksCarryTheCompilersSizesAndTheProblems() {
        Map<String, LayerInfo> infos = Map.of("in", new LayerInfo("in", -1, "2", 2, 0),
                "a", new LayerInfo("a", -1, "4", 4, 12), "out", new LayerInfo("out", -1, "1", 1, 9));
        EditorDiagram d = EditorDiagram.of(BRANCHED, infos,
                List.of("edge out -> a: feedback (recurrent) edges cannot be trained by this build yet",
                        "layer 'b' (dense) leads nowhere", "layer 'out' (output) is not connected to the input layer 'in'"));
        assertEquals(12, d.card("a").orElseThrow().parameters());
        assertEquals(-1, d.card("b").orElseThrow().parameters(), "unknown, not guessed");
        assertEquals("", d.card("b").orElseThrow().shape());
        assertTrue(d.card("b").orElseThrow().problem());
        assertFalse(d.card("a").orElseThrow().problem());
        assertFalse(d.card("in").orElseThrow().problem(), "named in another layer's problem, not its own");
        EditorDiagram.Link fb = d.links().get(4);
        assertTrue(fb.feedback());
        assertTrue(fb.problem());
        assertEquals("1", fb.tensor());
        assertEquals("2", d.links().get(0).tensor());
        assertEquals(4, fb.index());
    }
}
