package org.backprop.app.dashboard;

import org.backprop.app.ProjectLocator;
import org.backprop.engine.data.ProjectData;
import org.backprop.engine.project.Project;
import org.backprop.engine.project.ProjectFiles;
import org.backprop.engine.runtime.Nd4jRuntime;
import org.backprop.engine.telemetry.GradientMatrix;
import org.backprop.engine.telemetry.LayerTelemetry;
import org.backprop.engine.telemetry.Telemetry;
import org.backprop.engine.train.TrainingPlan;
import org.backprop.engine.train.TrainingSession;
import org.backprop.visual.dashboard.HeatmapGrid;
import org.backprop.visual.dashboard.LayerMatrix;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

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

    @Test
    void recurrentLayersGetARowOfTimeStepsFromTheirNewestSample() throws Exception {
        Nd4jRuntime.configure();
        Path file = ProjectLocator.defaultProject().orElseThrow().getParent().getParent().resolve("elman-sine").resolve("elman-sine.bpw.json");
        Project p = ProjectFiles.read(file);
        try (TrainingSession s = new TrainingSession(p, ProjectData.load(p, file.getParent()))) {
            DashboardSources sources = TelemetrySources.attach(s);
            assertEquals(0, sources.timeSteps().grid().rowCount(), "nothing before training");
            s.setPlan(TrainingPlan.iterations(23)); // time steps at 1 and 20 (scalars every 5)
            s.start();
            assertTrue(s.awaitIdle(30, TimeUnit.SECONDS));
            HeatmapGrid g = sources.timeSteps().grid();
            assertEquals(List.of("hidden"), g.rows(), "the recurrent layer only, not the output layer");
            assertEquals(32, g.columnCount(), "one column per time step");
            assertEquals(0, g.columns()[0]);
            assertEquals(31, g.columns()[31]);
            Telemetry t = ((TelemetrySources) sources.timeSteps()).telemetry();
            List<LayerTelemetry.TimeStepNorms> rows = t.layer("hidden").orElseThrow().timeStepNorms().toList();
            assertEquals(List.of(1L, 20L), rows.stream().map(LayerTelemetry.TimeStepNorms::iteration).toList(),
                    "the time steps are measured less often than the scalars");
            for (int c = 0; c < 32; c++) assertEquals(Math.log10(rows.get(rows.size() - 1).norms()[c]), g.value(0, c), 1e-12);
        }
    }
}
