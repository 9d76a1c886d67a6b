package org.backprop.app.lesson;

import org.backprop.engine.lesson.Lesson;
import org.backprop.engine.lesson.LessonFiles;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.*;

/** Turning pages without a toolkit: what the window is asked to do at each step. */
class LessonViewModelTest {

    static final class Recorder implements LessonViewModel.Host {
        final List<String> calls = new ArrayList<>();

        @Override public void open(Path projectFile) { calls.add("open " + projectFile.getFileName()); }

        @Override public void stepMode(int step) { calls.add("step " + step); }

        @Override public void show(String view) { calls.add("show " + view); }

        @Override public void highlight(String control) { calls.add("highlight " + control); }

        @Override public void train(int iterations) { calls.add("train " + iterations); }

        @Override public void clip(double threshold) { calls.add("clip " + threshold); }

        @Override public void unclip() { calls.add("unclip"); }
    }

    static Lesson lesson(String name) throws Exception {
        Path dir = Path.of("").toAbsolutePath();
        while (!java.nio.file.Files.isDirectory(dir.resolve("samples/lessons"))) dir = dir.getParent();
        return LessonFiles.read(dir.resolve("samples/lessons").resolve(name + LessonFiles.SUFFIX));
    }

    @Test
    void lessonOneOpensItsProjectsInStepModeAtTheStepsItNames() throws Exception {
        Recorder host = new Recorder();
        LessonViewModel vm = new LessonViewModel(host, Locale.ENGLISH);
        vm.open(lesson("01-chain-rule"));
        assertEquals(List.of("open chain-rule-1-2-1.bpw.json", "step -1", "show diagram", "highlight layers"), host.calls);
        assertFalse(vm.canPreviousProperty().get());
        host.calls.clear();
        vm.next();
        assertEquals(List.of("open chain-rule-1-2-1.bpw.json", "step 6", "highlight step-next"), host.calls);
        assertEquals("Step 2 of 7", vm.positionText().get());
        assertTrue(vm.stepText().get().contains("y = 2·4 + 3·6 = 26"), vm.stepText().get());
        assertEquals("", vm.answerText().get(), "the answer waits for the class");
        vm.reveal();
        assertEquals("E = (26 − 28)² = 4.", vm.answerText().get());
        vm.next();
        assertEquals("", vm.answerText().get(), "a new step hides its answer again");
        for (int i = 0; i < 10; i++) vm.next();
        assertEquals(6, vm.indexProperty().get());
        assertFalse(vm.canNextProperty().get());
        assertTrue(host.calls.contains("open chain-rule-2-3-1.bpw.json"));
        assertTrue(host.calls.contains("step 18"));
        vm.previous();
        assertEquals(5, vm.indexProperty().get());
    }

    @Test
    void aTrainingStepTrainsOnlyWhenTheTeacherRunsIt() throws Exception {
        Recorder host = new Recorder();
        LessonViewModel vm = new LessonViewModel(host, Locale.SIMPLIFIED_CHINESE);
        vm.open(lesson("02-xor-hidden-layer"));
        assertEquals("为什么 XOR 需要隐藏层", vm.titleText().get());
        vm.next();
        assertTrue(vm.canRunProperty().get());
        assertFalse(host.calls.contains("train 500"));
        vm.run();
        assertTrue(host.calls.contains("train 500"));
        assertEquals("训练 500 次迭代", vm.runText().get());
    }

    @Test
    void lessonFourClipsTheProjectBeforeItTrainsTheClippingStep() throws Exception {
        Recorder host = new Recorder();
        LessonViewModel vm = new LessonViewModel(host, Locale.ENGLISH);
        vm.open(lesson("04-exploding-gradients"));
        vm.next();
        host.calls.clear();
        vm.run();
        assertEquals(List.of("train 5"), host.calls, "step 2 trains the project as it is");
        vm.next();
        assertTrue(host.calls.contains("highlight clipping"), host.calls.toString());
        host.calls.clear();
        vm.run();
        assertEquals(List.of("clip 1.0", "train 40"), host.calls);
        host.calls.clear();
        vm.previous();
        assertEquals(List.of("unclip", "open rnn-exploding.bpw.json", "step -1", "show loss-chart", "highlight train"), host.calls,
                "back before the clipping step, the project is as step 2 expects it");
        host.calls.clear();
        vm.previous();
        assertFalse(host.calls.contains("unclip"), "taken back once");
    }

    @Test
    void everyStepShowsItsViewAndGoingBackShowsTheEarlierOneAgain() throws Exception {
        Recorder host = new Recorder();
        LessonViewModel vm = new LessonViewModel(host, Locale.ENGLISH);
        vm.open(lesson("03-vanishing-gradients"));
        assertTrue(host.calls.contains("show diagram"), host.calls.toString());
        host.calls.clear();
        vm.next();
        assertTrue(host.calls.contains("show dashboard"), host.calls.toString());
        host.calls.clear();
        vm.previous();
        assertTrue(host.calls.contains("show diagram"), host.calls.toString());
        host.calls.clear();
        vm.close();
        assertTrue(host.calls.contains("show null"), "closing the lesson lets the window be");
    }
}
