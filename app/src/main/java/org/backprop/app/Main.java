package org.backprop.app;

import javafx.application.Application;
import org.backprop.engine.cli.WorkbenchCli;
import org.backprop.engine.runtime.Nd4jRuntime;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Entry point. A plain class on purpose: a main class that extends {@code Application} and
 * starts from the class path fails with "JavaFX runtime components are missing".
 *
 * <pre>
 *   (no arguments) | gui [PROJECT]   open the window on PROJECT, else on the xor sample
 *   anything else                    the headless command line
 * </pre>
 */
public final class Main {
    static final String GUI_COMMAND = "gui";

    private Main() {}

    public static void main(String[] args) {
        Nd4jRuntime.configure();
        if (args.length == 0 || args[0].equals(GUI_COMMAND)) {
            Optional<Path> project = args.length > 1
                    ? Optional.of(Path.of(args[1]).toAbsolutePath())
                    : ProjectLocator.defaultProject();
            Application.launch(WorkbenchApp.class, project.map(Path::toString).stream().toArray(String[]::new));
            // Native libraries may leave non-daemon threads behind; the window is gone, so is the app.
            System.exit(0);
        } else {
            System.exit(WorkbenchCli.run(args));
        }
    }
}
