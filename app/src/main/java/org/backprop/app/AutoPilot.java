package org.backprop.app;

import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.util.Duration;
import org.backprop.app.editor.EditorViewModel;
import org.backprop.engine.train.TrainingSession.State;
import org.backprop.visual.editor.Selection;

import javax.imageio.ImageIO;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Unattended runs for scripts. {@code -Dworkbench.autotrain=true} presses Train as soon as it
 * can. {@code -Dworkbench.screenshot=PATH} writes a PNG of the window and quits:
 * {@code workbench.screenshotAfterMs} (default 1500) after training started (after the project
 * opened, without autotrain), or as soon as the run ends, whichever is first, so that the
 * picture does not depend on how busy the machine is; {@code workbench.screenshotAtIteration=N}
 * takes it as soon as training reaches iteration N instead (the same picture on any machine).
 * {@code -Dworkbench.tab=dashboard} shows the training dashboard instead of the network.
 * {@code -Dworkbench.select=ID} selects that layer in the editor first, so that the picture shows
 * its properties.
 */
final class AutoPilot {
    static final String AUTOTRAIN = "workbench.autotrain";
    static final String SCREENSHOT = "workbench.screenshot";
    static final String SCREENSHOT_AFTER_MS = "workbench.screenshotAfterMs";
    static final String TAB = "workbench.tab";
    static final String SCREENSHOT_AT_ITERATION = "workbench.screenshotAtIteration";
    static final String SELECT = "workbench.select";
    /** Lets the last frame reach the chart before the picture is taken. */
    private static final Duration SETTLE = Duration.millis(300);
    private static final System.Logger LOG = System.getLogger(AutoPilot.class.getName());

    private final WorkbenchViewModel vm;
    private final Scene scene;
    private final Path screenshot;
    private boolean shot;

    private AutoPilot(WorkbenchViewModel vm, Scene scene, Path screenshot) {
        this.vm = vm;
        this.scene = scene;
        this.screenshot = screenshot;
    }

    static void install(WorkbenchViewModel vm, EditorViewModel editor, Scene scene, Runnable showDashboard) {
        if ("dashboard".equals(System.getProperty(TAB))) showDashboard.run();
        boolean autotrain = Boolean.getBoolean(AUTOTRAIN);
        String file = System.getProperty(SCREENSHOT);
        if (!autotrain && file == null) return;
        AutoPilot pilot = new AutoPilot(vm, scene, file == null ? null : Path.of(file));
        Duration after = Duration.millis(Long.getLong(SCREENSHOT_AFTER_MS, 1500));
        Long atIteration = Long.getLong(SCREENSHOT_AT_ITERATION);
        String select = System.getProperty(SELECT);
        // Whatever happens first: training can start, or a problem is shown.
        pilot.once(() -> {
            if (select != null) editor.select(Selection.layer(select));
            if (autotrain) vm.train();
            if (atIteration == null) pilot.shootAfter(after);
        });
        if (atIteration != null) {
            boolean[] scheduled = {false};
            vm.iterationProperty().addListener((o, was, it) -> {
                if (it.longValue() < atIteration || scheduled[0]) return;
                scheduled[0] = true;
                pilot.shootAfter(Duration.millis(150)); // the dashboard redraws at 10 Hz
            });
        }
        if (autotrain) {
            vm.stateProperty().addListener((o, was, s) -> {
                if (s == State.FINISHED || s == State.STOPPED || s == State.FAILED) pilot.shootAfter(SETTLE);
            });
        }
    }

    private void once(Runnable action) {
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

    private void shootAfter(Duration delay) {
        if (screenshot == null) return;
        PauseTransition p = new PauseTransition(delay);
        p.setOnFinished(e -> {
            if (shot) return;
            shot = true;
            write(scene, screenshot);
            Platform.exit();
        });
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
