package org.backprop.visual.chart;

import javafx.scene.Scene;
import javafx.stage.Stage;
import org.backprop.engine.train.Evaluation;
import org.backprop.engine.train.MetricPoint;
import org.backprop.visual.VisualFx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

import java.util.ArrayList;
import java.util.List;

import static org.backprop.visual.VisualFx.onFx;
import static org.junit.jupiter.api.Assertions.*;

class LossChartTest {

    @BeforeAll
    static void toolkit() throws Exception {
        VisualFx.startToolkit();
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void batchesOfPointsAndEvaluationsLandInTheirSeries() throws Exception {
        LossChart chart = onFx(() -> {
            LossChart c = new LossChart();
            Stage s = new Stage();
            s.setScene(new Scene(c, 600, 300));
            s.show();
            return c;
        });
        List<MetricPoint> batch = new ArrayList<>();
        for (int i = 1; i <= 1000; i++) batch.add(new MetricPoint(i, 0, 1.0 / i, 0));
        batch.add(new MetricPoint(1001, 0, Double.NaN, 0));
        onFx(() -> chart.append(batch, List.of(
                new Evaluation(500, 0, 0.1, 0.1, 0.75),
                new Evaluation(1000, 0, 0.1, 0.1, Double.NaN))));
        assertEquals(1000, onFx(chart::lossPointCount), "a non-finite loss leaves a gap");
        assertEquals(1, onFx(chart::accuracyPointCount), "NaN accuracy (regression) is not drawn");
        onFx(chart::clear);
        assertEquals(0, onFx(chart::lossPointCount));
        assertEquals(0, onFx(chart::accuracyPointCount));
    }
}
