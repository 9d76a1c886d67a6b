package org.backprop.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

class ProjectLocatorTest {

    @Test
    void findsTheXorSampleAboveTheWorkingDirectory() {
        Path p = ProjectLocator.defaultProject().orElseThrow();
        assertTrue(p.endsWith(Path.of("samples", "xor", "xor.bpw.json")), p.toString());
        assertTrue(p.isAbsolute());
    }

    @Test
    void workbenchHomeComesFirst(@TempDir Path home) throws Exception {
        Path sample = home.resolve("samples/xor/xor.bpw.json");
        Files.createDirectories(sample.getParent());
        Files.writeString(sample, "{}");
        String old = System.getProperty(ProjectLocator.HOME_PROPERTY);
        System.setProperty(ProjectLocator.HOME_PROPERTY, home.toString());
        try {
            assertEquals(sample.toAbsolutePath(), ProjectLocator.defaultProject().orElseThrow());
        } finally {
            if (old == null) System.clearProperty(ProjectLocator.HOME_PROPERTY);
            else System.setProperty(ProjectLocator.HOME_PROPERTY, old);
        }
    }
}
