package org.backprop.bench;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;

import java.lang.management.ManagementFactory;
import java.util.Locale;

/**
 * The peer for benchmarks/startup: the least a JavaFX application can do on this machine, a
 * window with one label, timed like the workbench (milliseconds since the JVM started when the
 * window is shown), so the workbench's own share of its start-up can be read off.
 */
public final class BareFxWindow {

    public static void main(String[] args) {
        // Launched through a class that is not the Application, as the workbench's Main does:
        // a main class that extends Application needs JavaFX on the module path.
        Application.launch(Window.class, args);
    }

    public static final class Window extends Application {
        @Override
        public void start(Stage stage) {
            stage.setScene(new Scene(new Label("Backprop Workbench"), 1280, 800));
            stage.addEventHandler(WindowEvent.WINDOW_SHOWN, e -> {
                System.out.printf(Locale.ROOT, "window_shown_ms=%d%n", ManagementFactory.getRuntimeMXBean().getUptime());
                Platform.exit();
            });
            stage.show();
        }
    }
}
