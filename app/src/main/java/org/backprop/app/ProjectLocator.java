package org.backprop.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Finds the project the window opens when none is named (the xor sample), and the samples beside it. */
public final class ProjectLocator {
    /** Where the workbench is installed; its {@code samples/} folder is searched first. */
    public static final String HOME_PROPERTY = "workbench.home";
    static final Path DEFAULT_SAMPLE = Path.of("samples", "xor", "xor.bpw.json");

    private ProjectLocator() {}

    /** The folder of the shipped samples: the one that holds the default project's folder. */
    public static Optional<Path> samplesDir() {
        return defaultProject().map(p -> p.getParent().getParent());
    }

    /** {@code $workbench.home/samples/xor/xor.bpw.json}, else the same below the working directory or any parent. */
    public static Optional<Path> defaultProject() {
        String home = System.getProperty(HOME_PROPERTY);
        if (home != null && !home.isBlank()) {
            Path p = Path.of(home).resolve(DEFAULT_SAMPLE).toAbsolutePath();
            if (Files.isRegularFile(p)) return Optional.of(p);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path p = dir.resolve(DEFAULT_SAMPLE);
            if (Files.isRegularFile(p)) return Optional.of(p);
        }
        return Optional.empty();
    }
}
