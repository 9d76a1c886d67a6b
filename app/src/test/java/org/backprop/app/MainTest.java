package org.backprop.app;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.*;

class MainTest {

    @Test
    void aProjectFileAloneOpensTheWindowOnIt() {
        // What a desktop's file association runs: the launcher with the file's path.
        String[] args = {"/home/u/lesson.bpw.json"};
        assertTrue(Main.opensWindow(args));
        assertEquals(Optional.of(Path.of("/home/u/lesson.bpw.json")), Main.projectArgument(args));
    }

    @Test
    void guiAndNoArgumentsOpenTheWindowEverythingElseIsTheCommandLine() {
        assertTrue(Main.opensWindow(new String[0]));
        assertEquals(Optional.empty(), Main.projectArgument(new String[0]));
        assertTrue(Main.opensWindow(new String[]{"gui", "x.bpw.json"}));
        assertEquals(Optional.of(Path.of("x.bpw.json").toAbsolutePath()), Main.projectArgument(new String[]{"gui", "x.bpw.json"}));
        assertFalse(Main.opensWindow(new String[]{"--version"}));
        assertFalse(Main.opensWindow(new String[]{"train", "x.bpw.json"}));
        assertFalse(Main.opensWindow(new String[]{"validate", "x.bpw.json"}));
    }
}
