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
 *   (no arguments) | gui [PROJECT]   open the window on PROJECT, else on the xor sample with the start page in front
 *   PROJECT.bpw.json                 open the window on it (how a desktop opens a project file)
 *   anything else                    the headless command line
 * </pre>
 */
public final class Main {
    static final String GUI_COMMAND = "gui";
    static final String PROJECT_SUFFIX = ".bpw.json";

    private Main() {}

    public static void main(String[] args) {
        Nd4jRuntime.configure();
        if (opensWindow(args)) {
            Optional<Path> named = projectArgument(args);
            if (named.isEmpty() && System.getProperty(WorkbenchApp.START_PAGE) == null) {
                System.setProperty(WorkbenchApp.START_PAGE, "true");
            }
            Optional<Path> project = named.or(ProjectLocator::defaultProject);
            Application.launch(WorkbenchApp.class, project.map(Path::toString).stream().toArray(String[]::new));
            // Native libraries may leave non-daemon threads behind; the window is gone, so is the app.
            System.exit(0);
        } else {
            System.exit(WorkbenchCli.run(args));
        }
    }

    static boolean opensWindow(String[] args) {
        return args.length == 0 || args[0].equals(GUI_COMMAND) || (args.length == 1 && args[0].endsWith(PROJECT_SUFFIX));
    }

    /** The project named on the command line for the window, as an absolute path. */
    static Optional<Path> projectArgument(String[] args) {
        if (args.length > 1 && args[0].equals(GUI_COMMAND)) return Optional.of(Path.of(args[1]).toAbsolutePath());
        if (args.length == 1 && args[0].endsWith(PROJECT_SUFFIX)) return Optional.of(Path.of(args[0]).toAbsolutePath());
        return Optional.empty();
    }
}
