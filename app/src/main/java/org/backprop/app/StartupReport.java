package org.backprop.app;

import javafx.application.Platform;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * {@code -Dworkbench.startupReport=FILE}, for benchmarks/startup: writes when the window was first
 * shown and when Train could first be pressed (ND4J up and the project open), in milliseconds
 * since the JVM started, then quits. The window must not wait for ND4J; this measures that it does not.
 */
final class StartupReport {
    static final String PROPERTY = "workbench.startupReport";

    private long shown = -1;
    private boolean written;

    private StartupReport() {}

    /** Before {@code stage.show()}. */
    static void install(Stage stage, WorkbenchViewModel vm) {
        String file = System.getProperty(PROPERTY);
        if (file == null) return;
        StartupReport r = new StartupReport();
        stage.addEventHandler(WindowEvent.WINDOW_SHOWN, e -> {
            if (r.shown < 0) r.shown = uptime();
            r.writeWhenReady(Path.of(file), vm);
        });
        vm.canTrainProperty().addListener((o, was, can) -> r.writeWhenReady(Path.of(file), vm));
    }

    private void writeWhenReady(Path file, WorkbenchViewModel vm) {
        if (written || shown < 0 || !vm.canTrainProperty().get()) return;
        written = true;
        String line = String.format(Locale.ROOT, "window_shown_ms=%d ready_to_train_ms=%d%n", shown, uptime());
        try {
            Files.writeString(file, line);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Platform.exit();
    }

    private static long uptime() {
        return ManagementFactory.getRuntimeMXBean().getUptime();
    }
}
