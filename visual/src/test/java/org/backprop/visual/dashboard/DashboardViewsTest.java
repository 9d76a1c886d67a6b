package org.backprop.visual.dashboard;

import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.backprop.visual.VisualFx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.backprop.visual.VisualFx.onFx;
import static org.junit.jupiter.api.Assertions.*;

/** The dashboard's views fed from stubs, headless on Monocle. */
class DashboardViewsTest {
    @TempDir
    Path dir;

    @BeforeAll
    static void toolkit() throws Exception {
        VisualFx.startToolkit();
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
    }

    private static <T extends javafx.scene.Parent> T show(T node, double w, double h) throws Exception {
        return onFx(() -> {
            Stage s = new Stage();
            s.setScene(new Scene(node, w, h));
            s.show();
            return node;
        });
    }

    /** A stub source with three layers, the middle one vanishing. */
    static LayerSeriesSource stub(int columns) {
        return new LayerSeriesSource() {
            @Override
            public long version() { return columns; }

            @Override
            public HeatmapGrid grid(Quantity q) {
                long[] it = new long[columns];
                double[][] v = new double[3][columns];
                for (int c = 0; c < columns; c++) {
                    it[c] = (c + 1) * 10L;
                    v[0][c] = -3;
                    v[1][c] = -7.5; // a cold stripe
                    v[2][c] = -2.5;
                }
                return new HeatmapGrid(List.of("dense1", "dense2", "output"), it, v);
            }
        };
    }

    @Test
    void theHeatmapDrawsOneRowPerLayerAndAClickSelectsLayerAndIteration() throws Exception {
        GridHeatmap map = show(new GridHeatmap("heatmap.column.iteration", "empty"), 600, 200);
        onFx(() -> map.gridProperty().set(stub(50).grid(LayerSeriesSource.Quantity.UPDATE_RATIO)));
        onFx(() -> map.scaleProperty().set(ColourScale.updateRatio()));
        assertEquals(3, onFx(map::rowCount));
        double[] p = onFx(() -> map.cellCentre(1, 9));
        javafx.geometry.Point2D screen = onFx(() -> map.canvas().localToScreen(p[0], p[1]));
        new FxRobot().clickOn(screen);
        assertEquals(new HeatmapCell("dense2", 100), onFx(() -> map.selectionProperty().get()));
        new FxRobot().moveTo(screen);
        String hover = onFx(() -> map.hoverTextProperty().get());
        assertTrue(hover.contains("dense2") && hover.contains("100"), hover);

        // The vanishing layer's cells are the cold end of the scale: a cold stripe.
        int cold = onFx(() -> pixel(map, 1, 9));
        int healthy = onFx(() -> pixel(map, 0, 9));
        assertTrue((cold & 0xff) > (cold >> 16 & 0xff), "blue: " + Integer.toHexString(cold));
        assertTrue((healthy >> 8 & 0xff) > (healthy & 0xff), "green-yellow: " + Integer.toHexString(healthy));
    }

    private static int pixel(GridHeatmap map, int row, int column) {
        double[] p = map.cellCentre(row, column);
        javafx.scene.image.WritableImage img = map.canvas().snapshot(null, null);
        return img.getPixelReader().getArgb((int) p[0], (int) p[1]);
    }

    @Test
    void aMillionIterationRunDrawsADecimatedViewAndExportsEveryPoint() throws Exception {
        ObservableList<CurveRun> runs = FXCollections.observableArrayList();
        CurvesView view = show(new CurvesView(runs), 800, 400);
        CurveRun earlier = new CurveRun(1, "xor", 1, 0.6);
        CurveRun run = new CurveRun(2, "learning rate: 0.1 \u2192 0.01", 1000, 0.6);
        onFx(() -> {
            for (int i = 1; i <= 1_000_000; i++) run.add(CurveRun.Series.MINIBATCH_LOSS, i, 1.0 / Math.sqrt(i) + (i % 7) * 1e-3);
            for (int e = 1; e <= 1000; e++) run.add(CurveRun.Series.VALIDATION_LOSS, e * 1000, 1.0 / Math.sqrt(e * 1000));
            for (int i = 1; i <= 500; i++) earlier.add(CurveRun.Series.MINIBATCH_LOSS, i, 1.0 / i);
            runs.setAll(earlier, run);
            view.refresh();
        });
        int drawn = onFx(view::drawnPointCount);
        assertTrue(drawn > 500 && drawn < 12_000, "decimated, never a million: " + drawn);
        String readout = onFx(() -> view.readoutAt(500_000));
        assertTrue(readout.contains("500,000") || readout.contains("500000"), readout);

        onFx(() -> view.metricProperty().set(CurvesView.Metric.ACCURACY));
        onFx(() -> view.logScaleProperty().set(true));
        onFx(() -> view.xUnitProperty().set(CurvesView.XAxisUnit.EPOCH));
        onFx(view::refresh);

        String svg = onFx(() -> view.svg(640, 400));
        assertTrue(svg.startsWith("<svg") || svg.contains("<svg"), svg.substring(0, 80));
        java.awt.image.BufferedImage png = onFx(() -> view.image(640, 400, 2));
        assertEquals(1280, png.getWidth());
        Path csv = dir.resolve("curves.csv");
        CurvesView.CsvExport rows = onFx(view::csv);
        Exports.writeCsv(csv, rows::writeTo);
        try (var lines = Files.lines(csv)) {
            assertEquals(1 + 1_000_000 + 1000 + 500, lines.count(), "every point, undecimated");
        }
        Exports.writePng(png, dir.resolve("curves.png"));
        assertTrue(Files.size(dir.resolve("curves.png")) > 1000);
    }

    @Test
    void findingsAndTheNanPauseAreSaidPlainly() throws Exception {
        FindingsPanel panel = show(new FindingsPanel(), 400, 300);
        Finding f = new Finding(Finding.Severity.WARNING, "Vanishing gradients in dense2", "dense2 gets 1e-7 of the update output gets.",
                List.of("Use ReLU with He initialisation"), List.of("dense2"), 120);
        onFx(() -> panel.show(List.of(f), Optional.of(new FindingsSource.NonFinite(345, "the loss", ""))));
        assertTrue(onFx(panel::showsNanBanner));
        String banner = onFx(panel::bannerText);
        assertTrue(banner.contains("345") && banner.contains("the loss") && banner.contains("NaN"), banner);
        assertEquals(List.of(f), onFx(panel::findings));
        onFx(() -> panel.show(List.of(), Optional.empty()));
        assertFalse(onFx(panel::showsNanBanner));
    }

    @Test
    void matrixBoundaryConfusionAndNetworkDrawFromTheirRecords() throws Exception {
        MatrixHeatmap matrix = new MatrixHeatmap("none");
        DecisionBoundaryView boundary = new DecisionBoundaryView("none");
        ConfusionMatrixView confusion = new ConfusionMatrixView("none");
        LiveNetworkView network = new LiveNetworkView();
        show(new javafx.scene.layout.HBox(matrix, boundary, confusion, network), 1200, 400); // within Monocle's 1280x800 screen
        float[] big = new float[300 * 200];
        for (int i = 0; i < big.length; i++) big[i] = (float) Math.sin(i);
        onFx(() -> matrix.matrixProperty().set(LayerMatrix.of("dense1", 7, 300, 200, big)));
        int n = 5;
        float[] values = new float[n * n];
        for (int iy = 0; iy < n; iy++) for (int ix = 0; ix < n; ix++) values[iy * n + ix] = ix > iy ? 0.9f : 0.1f;
        DecisionSurface.Points pts = new DecisionSurface.Points(new double[]{0, 1}, new double[]{1, 0}, new double[]{0, 1});
        onFx(() -> boundary.surfaceProperty().set(new DecisionSurface(0, 1, 0, 1, n, n, 1, values, List.of("a", "b"), pts, pts, 3)));
        onFx(() -> confusion.matrixProperty().set(ConfusionMatrix.of(List.of("a", "b"), new int[]{0, 1, 1}, new int[]{0, 1, 0}, 3)));
        org.backprop.visual.diagram.DiagramModel model = org.backprop.visual.diagram.DiagramModel.of(
                RunNamingTest.project("tanh", 0.1).network(), java.util.Map.of());
        float[] w = new float[2 * 4];
        java.util.Arrays.fill(w, 0.5f);
        onFx(() -> {
            network.modelProperty().set(model);
            network.stylingProperty().set(EdgeStyling.of(EdgeStyling.Mode.WEIGHT,
                    java.util.Map.of("hidden", LayerMatrix.fromInputMajor("hidden", 1, 2, 4, w))));
        });
        assertEquals(8, onFx(network::styledConnections), "input -> hidden styled, hidden -> out not known");
    }
}
