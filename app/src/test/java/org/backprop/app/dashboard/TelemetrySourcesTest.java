package org.backprop.app.dashboard;

import org.backprop.engine.telemetry.GradientMatrix;
import org.backprop.visual.dashboard.LayerMatrix;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class TelemetrySourcesTest {
    @Test
    void telemetrysInputsByUnitsMatrixIsTransposedToOutputsByInputs() {
        // 3 inputs x 2 units, row-major: g[i][u] = 10 * i + u
        GradientMatrix g = new GradientMatrix(7, 3, 2, 3, 2, false, new float[]{0, 1, 10, 11, 20, 21});
        LayerMatrix m = TelemetrySources.toLayerMatrix("h", g);
        assertEquals(2, m.outputs());
        assertEquals(3, m.inputs());
        assertEquals(7, m.iteration());
        assertEquals(21f, m.get(1, 2));
        assertEquals(10f, m.get(0, 1));
        assertFalse(m.magnitudes());
        assertTrue(TelemetrySources.toLayerMatrix("h", new GradientMatrix(7, 3, 2, 300, 200, true, g.values())).magnitudes());
    }

    @Test
    void gradientNormsBecomeLog10WithTheGridsConventions() {
        assertEquals(-2, TelemetrySources.log10(0.01), 1e-12);
        assertEquals(Double.NEGATIVE_INFINITY, TelemetrySources.log10(0));
        assertEquals(Double.POSITIVE_INFINITY, TelemetrySources.log10(Double.NaN));
        assertEquals(Double.POSITIVE_INFINITY, TelemetrySources.log10(Double.POSITIVE_INFINITY));
    }
}
