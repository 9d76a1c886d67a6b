package org.backprop.app.editor;

import org.backprop.app.LayerRow;
import org.backprop.app.Problem;
import org.backprop.engine.project.EdgeSpec;
import org.backprop.engine.project.LayerType;
import org.backprop.engine.project.Project;
import org.backprop.engine.project.ProjectFiles;
import org.backprop.engine.runtime.Nd4jRuntime;
import org.backprop.visual.editor.Selection;
import org.backprop.visual.fx.FrameCoalescer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.prefs.Preferences;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The editor's view model without a toolkit: this thread plays the FX thread and runs the
 * frames; files, autosave slots, preferences and the compiler are real.
 */
class EditorViewModelTest {
    private static ExecutorService background;
    @TempDir
    Path dir;
    private FrameCoalescer ui;
    private Preferences prefs;
    private final List<Problem> reported = new ArrayList<>();
    private EditorViewModel editor;

    @BeforeAll
    static void runtime() {
        Nd4jRuntime.configure();
        background = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "editor-test-background");
            t.setDaemon(true);
            return t;
        });
    }

    @AfterAll
    static void shutdown() {
        background.shutdownNow();
    }

    @BeforeEach
    void create() {
        ui = new FrameCoalescer();
        prefs = Preferences.userRoot().node("org/backprop/workbench-test-vm-" + ProcessHandle.current().pid());
        editor = editor(new Autosave(dir.resolve("autosave"), ProcessHandle.current().pid()));
    }

    private EditorViewModel editor(Autosave autosave) {
        return new EditorViewModel(ui, background, reported::add, new RecentFiles(prefs), autosave, NetworkAnalyzer::compile);
    }

    @AfterEach
    void forget() throws Exception {
        prefs.removeNode();
    }

    private void frameUntil(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (true) {
            ui.frame();
            if (condition.getAsBoolean()) return;
            if (System.nanoTime() > deadline) fail("timed out waiting for: " + what + (reported.isEmpty() ? "" : " " + reported));
            LockSupport.parkNanos(1_000_000);
        }
    }

    private Path xorCopy() throws Exception {
        Path f = dir.resolve("xor.bpw.json");
        Files.writeString(f, Files.readString(Path.of("..", "samples", "xor", "xor.bpw.json")));
        return f;
    }

    private void open(Path f) {
        int docs = editor.documentsProperty().get();
        editor.open(f, () -> {});
        frameUntil("opened", () -> editor.documentsProperty().get() > docs);
    }

    @Test
    void theCompilerGivesEveryLayerItsSizeAndParameters() throws Exception {
        open(xorCopy());
        frameUntil("analysed", editor::analysed);
        assertEquals(List.of("2", "3", "1"), editor.rows().stream().map(LayerRow::units).toList());
        assertEquals(List.of(0L, 9L, 4L), editor.rows().stream().map(LayerRow::parameters).toList());
        assertEquals(13, editor.totalParametersProperty().get());
        assertEquals("3", editor.diagramProperty().get().links().get(1).tensor());
        assertTrue(editor.problems().isEmpty());

        editor.setLayerProperty("hidden", "units", "5");
        assertEquals(-1, editor.totalParametersProperty().get(), "unknown until the compiler answers, never stale");
        frameUntil("analysed again", editor::analysed);
        assertEquals(2 * 5 + 5 + 5 + 1, editor.totalParametersProperty().get());

        // A feedback edge compiles too (a Jordan loop): no problem on it, the sizes still shown.
        editor.connect("output", "hidden");
        frameUntil("analysed with a loop", editor::analysed);
        assertTrue(editor.problems().isEmpty(), editor.problems().toString());
        assertEquals(21 + 1 * 5, editor.totalParametersProperty().get(), "the loop adds its feedback weights, output (1) x hidden (5)");
        assertTrue(editor.diagramProperty().get().links().stream().anyMatch(l -> l.feedback() && !l.problem()));
    }

    @Test
    void anElmanLayerCountsItsRecurrentWeightsEvenWithPinnedParameters() throws Exception {
        // elman-steps pins every weight, RW included: only the whole network matches them.
        open(Path.of("..", "samples", "elman-steps", "elman-steps.bpw.json").toAbsolutePath());
        frameUntil("analysed", editor::analysed);
        assertTrue(editor.problems().isEmpty(), editor.problems().toString());
        // hidden: W 1x2 + RW 2x2 + b 2 = 8; output: 2 + 1 = 3 (what `./workbench validate` says: 11)
        assertEquals(List.of(0L, 8L, 3L), editor.rows().stream().map(LayerRow::parameters).toList());
        assertEquals(11, editor.totalParametersProperty().get());
    }

    @Test
    void whatDl4jRefusesIsListedWithTheValidatorsProblems() throws Exception {
        open(xorCopy());
        // A 3x3 convolution on a flat 2-feature input: structurally fine, refused by the compiler.
        editor.select(Selection.layer("hidden"));
        editor.addLayer(LayerType.CONV2D);
        frameUntil("analysed", editor::analysed);
        assertFalse(editor.problems().isEmpty());
        assertEquals(-1, editor.totalParametersProperty().get());
    }

    @Test
    void dirtyUntilSavedAndCleanAgainWhenUndoneToTheSavedState() throws Exception {
        Path f = xorCopy();
        open(f);
        assertFalse(editor.isDirty());
        editor.setLayerProperty("hidden", "units", "7");
        assertTrue(editor.isDirty());
        editor.undo();
        assertFalse(editor.isDirty(), "undone to what is on disk");
        editor.redo();
        Path copy = dir.resolve("copy.bpw.json");
        boolean[] saved = {false};
        editor.save(copy, () -> saved[0] = true);
        frameUntil("saved", () -> saved[0]);
        assertFalse(editor.isDirty());
        assertEquals(copy, editor.fileProperty().get());
        assertEquals(editor.project(), ProjectFiles.read(copy));
        assertEquals(copy, editor.recentFiles().get(0));
        assertEquals(f, editor.recentFiles().get(1));
    }

    @Test
    void aFileThatCannotBeReadIsReportedAndTheProjectStays() throws Exception {
        open(xorCopy());
        Project before = editor.project();
        Path broken = Files.writeString(dir.resolve("broken.bpw.json"), "{\"format\": \"backprop-workbench/project\", \"version\": 1, \"name\": [");
        editor.open(broken, () -> {});
        frameUntil("reported", () -> !reported.isEmpty());
        assertEquals(Problem.Kind.OPEN, reported.get(0).kind());
        assertSame(before, editor.project());
    }

    @Test
    void recentFilesSurviveARestartNewestFirstAtMostEight() throws Exception {
        Path f = xorCopy();
        for (int i = 0; i < 10; i++) {
            Path c = dir.resolve("p" + i + ".bpw.json");
            Files.copy(f, c);
            open(c);
        }
        RecentFiles again = new RecentFiles(prefs);
        assertEquals(RecentFiles.LIMIT, again.files().size());
        assertEquals(dir.resolve("p9.bpw.json"), again.files().get(0));
        assertEquals(dir.resolve("p2.bpw.json"), again.files().get(7));
        open(dir.resolve("p5.bpw.json"));
        assertEquals(dir.resolve("p5.bpw.json"), new RecentFiles(prefs).files().get(0), "reopening moves it first, once");
        assertEquals(RecentFiles.LIMIT, new RecentFiles(prefs).files().size());
    }

    @Test
    void unsavedWorkIsAutosavedAndRecoveredAfterACrash() throws Exception {
        Path f = xorCopy();
        // The workbench that "crashes": a process id that is no longer running.
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Autosave crashedSlot = new Autosave(dir.resolve("autosave"), gone.pid());
        EditorViewModel crashing = editor(crashedSlot);
        crashing.adopt(ProjectFiles.read(f), f);
        crashing.setLayerProperty("hidden", "units", "11");
        crashing.connect("hidden", "hidden");
        crashing.autosaveTick();
        Path slot = crashedSlot.projectFile(gone.pid());
        frameUntil("autosaved", () -> Files.isRegularFile(slot));
        Project lost = crashing.project();

        // The next start: the slot of the dead workbench is offered.
        List<Autosave.Recovery> left = editor.recoverable();
        assertEquals(1, left.size());
        assertEquals(f.toAbsolutePath(), left.get(0).original());
        assertEquals("XOR", left.get(0).name());
        editor.recover(left.get(0));
        frameUntil("recovered", () -> editor.project() != null);
        assertEquals(lost, editor.project());
        assertTrue(editor.isDirty(), "recovered work is not saved yet");
        assertEquals(f.toAbsolutePath(), editor.fileProperty().get());
        frameUntil("the old slot deleted", () -> !Files.exists(slot));
        assertTrue(editor.recoverable().isEmpty());
        // The recovered work is kept again, in this workbench's own slot (and the background write
        // is over before the test's folder is deleted).
        Path own = new Autosave(dir.resolve("autosave"), ProcessHandle.current().pid()).projectFile(ProcessHandle.current().pid());
        frameUntil("the recovered work autosaved in this workbench's slot", () -> Files.isRegularFile(own));
    }

    @Test
    void aCleanStateHasNoAutosaveSlot() throws Exception {
        Path f = xorCopy();
        Autosave own = new Autosave(dir.resolve("autosave"), ProcessHandle.current().pid());
        open(f);
        editor.setLayerProperty("hidden", "units", "9");
        editor.autosaveTick();
        Path slot = own.projectFile(ProcessHandle.current().pid());
        frameUntil("autosaved", () -> Files.isRegularFile(slot));
        assertTrue(editor.recoverable().isEmpty(), "a running workbench's own slot is not offered");
        boolean[] saved = {false};
        editor.save(f, () -> saved[0] = true);
        frameUntil("saved and the slot emptied", () -> saved[0] && !Files.exists(slot));
    }

    @Test
    void copyPasteAndCutGiveFreshIdsAndSelectThePaste() throws Exception {
        open(xorCopy());
        editor.select(Selection.layer("hidden"));
        editor.copy();
        editor.paste();
        assertEquals(Selection.layer("hidden2"), editor.selectionProperty().get());
        editor.paste();
        assertEquals(Selection.layer("hidden3"), editor.selectionProperty().get());
        editor.cut();
        assertFalse(editor.project().network().layer("hidden3").isPresent());
        editor.paste();
        assertTrue(editor.project().network().layer("hidden3").isPresent(), "a cut layer pastes back under its id");
        assertTrue(editor.project().network().edges().contains(EdgeSpec.forward("input", "hidden")));
    }
}
