package org.backprop.engine;

import org.backprop.engine.project.Project;
import org.backprop.engine.project.ProjectFiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The shipped samples, found from any module's working directory. */
public final class Samples {
    private Samples() {}

    public static Path root() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("samples")) && Files.exists(p.resolve("pom.xml")) && Files.isDirectory(p.resolve("engine"))) {
                return p.resolve("samples");
            }
        }
        throw new IllegalStateException("samples/ not found above " + Path.of("").toAbsolutePath());
    }

    public static Path file(String name) {
        try (Stream<Path> s = Files.walk(root())) {
            return s.filter(p -> p.getFileName().toString().equals(name + ".bpw.json")).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no sample " + name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Project load(String name) {
        try {
            return ProjectFiles.read(file(name));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static List<Path> all() {
        try (Stream<Path> s = Files.walk(root())) {
            return s.filter(p -> p.toString().endsWith(".bpw.json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
