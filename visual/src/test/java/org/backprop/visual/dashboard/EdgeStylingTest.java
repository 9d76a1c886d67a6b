package org.backprop.visual.dashboard;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class EdgeStylingTest {

    @Test
    void signGivesTheHueAndMagnitudeTheWidthAgainstOneNetworkWideScale() {
        // DL4J layout [nIn=2, nOut=3]: w[i * 3 + o].
        float[] w = {0.5f, -1.0f, 0.0f,
                     0.25f, 0.1f, -0.5f};
        LayerMatrix m = LayerMatrix.fromInputMajor("h", 7, 2, 3, w);
        assertEquals(3, m.outputs());
        assertEquals(2, m.inputs());
        assertEquals(-1.0f, m.get(1, 0), "unit 1 from input 0");
        assertEquals(0.25f, m.get(0, 1));

        EdgeStyling s = EdgeStyling.of(EdgeStyling.Mode.WEIGHT, Map.of("h", m));
        assertEquals(1.0, s.scale(), 1e-9);
        EdgeStyling.Style strongest = s.style("h", 1, 0).orElseThrow();
        EdgeStyling.Style weak = s.style("h", 0, 1).orElseThrow();
        EdgeStyling.Style zero = s.style("h", 2, 0).orElseThrow();
        assertEquals(-1.0, strongest.value(), 1e-9);
        assertEquals(EdgeStyling.MAX_WIDTH, strongest.width(), 1e-9);
        assertEquals(EdgeStyling.MIN_WIDTH, zero.width(), 1e-9);
        assertTrue(weak.width() > zero.width() && weak.width() < strongest.width());
        assertTrue(strongest.colour().getRed() > strongest.colour().getBlue(), "negative: orange");
        assertTrue(weak.colour().getBlue() > weak.colour().getRed(), "positive: blue");
        assertTrue(weak.colour().getOpacity() < strongest.colour().getOpacity());
        assertTrue(s.style("h", 3, 0).isEmpty(), "no such unit");
        assertTrue(s.style("other", 0, 0).isEmpty(), "no matrix for that layer");
    }

    @Test
    void reducedMatricesAverageMagnitudesAndAreRefusedForEdges() {
        float[] v = new float[100 * 100];
        for (int i = 0; i < v.length; i++) v[i] = (i % 2 == 0) ? 1 : -1;
        LayerMatrix m = LayerMatrix.of("big", 1, 100, 100, v).reduced(10);
        assertEquals(10, m.outputs());
        assertEquals(10, m.inputs());
        assertTrue(m.magnitudes());
        assertEquals(100, m.sourceInputs());
        for (float x : m.values()) assertEquals(1f, x, "mean |g| does not cancel signs");
        assertThrows(IllegalArgumentException.class, () -> EdgeStyling.of(EdgeStyling.Mode.GRADIENT, Map.of("big", m)));
    }
}
