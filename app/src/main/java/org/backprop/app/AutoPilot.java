package org.backprop.app;

import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.util.Duration;

import javax.imageio.ImageIO;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Unattended runs for scripts: {@code -Dworkbench.autotrain=true} presses Train as soon as it
 * can; {@code -Dworkbench.screenshot=PATH} writes a PNG of the window
 * {@code workbench.screenshotAfterMs} (default 1500) after training started (or after the
 * project opened, without autotrain) and quits.
 */
final class AutoPilot {
    static final String AUTOTRAIN = "workbench.autotrain";
    static final String SCREENSHOT = "workbench.screenshot";
    static final String SCREENSHOT_AFTER_MS = "workbench.screenshotAfterMs";
    private static final System.Logger LOG = System.getLogger(AutoPilot.class.getName());

    private AutoPilot() {}

    static void install(WorkbenchViewModel vm, Scene scene) {
        boolean autotrain = Boolean.getBoolean(AUTOTRAIN);
        String screenshot = System.getProperty(SCREENSHOT);
        long afterMs = Long.getLong(SCREENSHOT_AFTER_MS, 1500);
        Runnable shoot = screenshot == null ? () -> {} : () -> later(afterMs, () -> {
            write(scene, Path.of(screenshot));
            Platform.exit();
        });
        // Whatever happens first: training can start, or a problem is shown.
        once(vm, () -> {
            if (autotrain) vm.train();
            shoot.run();
        });
    }

    private static void once(WorkbenchViewModel vm, Runnable action) {
        boolean[] done = {false};
        ChangeListener<Object> l = (o, a, b) -> {
            if (done[0]) return;
            if (vm.canTrainProperty().get() || vm.problemProperty().get() != null) {
                done[0] = true;
                action.run();
            }
        };
        vm.canTrainProperty().addListener(l);
        vm.problemProperty().addListener(l);
    }

    private static void later(long ms, Runnable r) {
        PauseTransition p = new PauseTransition(Duration.millis(ms));
        p.setOnFinished(e -> r.run());
        p.play();
    }

    private static void write(Scene scene, Path file) {
        WritableImage image = scene.snapshot(null);
        try {
            Path dir = file.toAbsolutePath().getParent();
            if (dir != null) Files.createDirectories(dir);
            ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", file.toFile());
            LOG.log(System.Logger.Level.INFO, "screenshot written to " + file.toAbsolutePath());
        } catch (IOException e) {
            LOG.log(System.Logger.Level.ERROR, "screenshot not written to " + file, e);
        }
    }
}
