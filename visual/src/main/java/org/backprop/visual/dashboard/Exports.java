package org.backprop.visual.dashboard;

import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.transform.Transform;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Pictures and tables out of the dashboard. A picture is taken on the UI thread (a snapshot);
 * encoding and writing may then happen on any thread. Files are written to a temporary sibling
 * and moved into place, so a failed export never leaves half a file.
 */
public final class Exports {
    private Exports() {}

    /** A node as it is drawn, {@code scale} times its size (2 for a crisp picture). UI thread. */
    public static BufferedImage snapshot(Node node, double scale) {
        SnapshotParameters p = new SnapshotParameters();
        p.setTransform(Transform.scale(scale, scale));
        p.setFill(Color.WHITE);
        WritableImage image = node.snapshot(p, null);
        return SwingFXUtils.fromFXImage(image, null);
    }

    /** Any thread. */
    public static void writePng(BufferedImage image, Path file) throws IOException {
        write(file, tmp -> {
            if (!ImageIO.write(image, "png", tmp.toFile())) throw new IOException("no PNG writer");
        });
    }

    /** Any thread. */
    public static void writeText(String text, Path file) throws IOException {
        write(file, tmp -> Files.writeString(tmp, text, StandardCharsets.UTF_8));
    }

    /** Any thread: streams rows through {@code rows}. */
    public static void writeCsv(Path file, Rows rows) throws IOException {
        write(file, tmp -> {
            try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                rows.writeTo(w);
            }
        });
    }

    @FunctionalInterface
    public interface Rows {
        void writeTo(Writer w) throws IOException;
    }

    @FunctionalInterface
    private interface Body {
        void write(Path tmp) throws IOException;
    }

    private static void write(Path file, Body body) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        if (dir != null) Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, ".export-", ".tmp");
        try {
            body.write(tmp);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** A heatmap grid as CSV: {@code row,column,log10,value}. */
    public static Rows csv(HeatmapGrid grid, String columnName) {
        return w -> {
            w.write("row," + columnName + ",log10,value\n");
            for (int r = 0; r < grid.rowCount(); r++) {
                for (int c = 0; c < grid.columnCount(); c++) {
                    double v = grid.value(r, c);
                    w.write(Csv.quote(grid.rows().get(r)) + "," + grid.columns()[c] + "," + v + "," + Math.pow(10, v) + "\n");
                }
            }
        };
    }

    /** A matrix as CSV: {@code output,input,value}. */
    public static Rows csv(LayerMatrix m) {
        return w -> {
            w.write(m.magnitudes() ? "output_block,input_block,mean_abs\n" : "output,input,value\n");
            for (int o = 0; o < m.outputs(); o++) {
                for (int i = 0; i < m.inputs(); i++) w.write(o + "," + i + "," + m.get(o, i) + "\n");
            }
        };
    }

    /** A confusion matrix as CSV: {@code true,predicted,count}. */
    public static Rows csv(ConfusionMatrix m) {
        return w -> {
            w.write("true,predicted,count\n");
            for (int t = 0; t < m.size(); t++) {
                for (int p = 0; p < m.size(); p++) {
                    w.write(Csv.quote(m.classes().get(t)) + "," + Csv.quote(m.classes().get(p)) + "," + m.counts()[t][p] + "\n");
                }
            }
        };
    }
}
