package org.backprop.engine.lesson;

import org.backprop.engine.Samples;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.*;

class LessonFilesTest {

    /** Lesson 3's samples come with the telemetry branch; until it is merged they may be absent here. */
    static final List<String> FROM_TELEMETRY = List.of("deep-sigmoid", "deep-relu-he");

    static List<Path> shipped() throws Exception {
        return LessonFiles.list(Samples.root().resolve("lessons"));
    }

    @Test
    void theSevenLessonsOfTheIssueShipInOrder() throws Exception {
        List<String> names = shipped().stream().map(p -> p.getFileName().toString()).toList();
        assertEquals(List.of("01-chain-rule.lesson.json", "02-xor-hidden-layer.lesson.json", "03-vanishing-gradients.lesson.json",
                "04-exploding-gradients.lesson.json", "05-feedback-networks.lesson.json", "06-fine-tuning.lesson.json",
                "07-fashion-mnist.lesson.json"), names);
    }

    @Test
    void everyLessonTextHasItsChinese() throws Exception {
        List<String> missing = new ArrayList<>();
        for (Path p : shipped()) {
            Lesson l = LessonFiles.read(p);
            for (LocalText t : l.texts()) {
                if (!t.hasChinese()) missing.add(p.getFileName() + ": " + t.en());
            }
        }
        assertEquals(List.of(), missing);
    }

    @Test
    void everyProjectALessonOpensExists() throws Exception {
        List<String> missing = new ArrayList<>();
        for (Path p : shipped()) {
            Lesson l = LessonFiles.read(p);
            for (String id : l.projects().keySet()) {
                Path f = l.projectFile(id);
                boolean telemetry = FROM_TELEMETRY.stream().anyMatch(n -> f.getFileName().toString().equals(n + ".bpw.json"));
                if (!Files.exists(f) && !telemetry) missing.add(p.getFileName() + ": " + f);
            }
        }
        assertEquals(List.of(), missing);
    }

    @Test
    void aMisspeltFieldIsAnErrorWithItsLine() {
        String json = """
                {
                  "format": "backprop-workbench/lesson", "version": 1,
                  "title": {"en": "t", "zh_CN": "标题"},
                  "projects": {"xor": "../xor/xor.bpw.json"},
                  "steps": [
                    {"text": {"en": "a"},
                     "hilight": "train"}
                  ]
                }
                """;
        LessonFormatException e = assertThrows(LessonFormatException.class, () -> LessonFiles.parse(json, "bad.lesson.json", Path.of(".")));
        assertTrue(e.getMessage().startsWith("bad.lesson.json, line 7: steps[0]: unknown field \"hilight\""), e.getMessage());
        assertEquals(7, e.line());
    }

    @Test
    void anUnknownViewOrProjectIsNamed() {
        String view = """
                {"format": "backprop-workbench/lesson", "version": 1, "title": {"en": "t"},
                 "projects": {"xor": "x.bpw.json"},
                 "steps": [{"text": {"en": "a"}, "show": "slides"}]}
                """;
        LessonFormatException e = assertThrows(LessonFormatException.class, () -> LessonFiles.parse(view, "v", Path.of(".")));
        assertTrue(e.getMessage().contains("show: expected one of") && e.getMessage().contains("slides"), e.getMessage());
        String project = view.replace("\"show\": \"slides\"", "\"project\": \"circle\"");
        e = assertThrows(LessonFormatException.class, () -> LessonFiles.parse(project, "p", Path.of(".")));
        assertTrue(e.getMessage().contains("no project \"circle\""), e.getMessage());
    }

    @Test
    void chineseIsChosenForAChineseLocaleAndEnglishOtherwise() {
        LocalText t = new LocalText("loss", "损失");
        assertEquals("损失", t.in(Locale.SIMPLIFIED_CHINESE));
        assertEquals("loss", t.in(Locale.ENGLISH));
        assertEquals("only", new LocalText("only", null).in(Locale.SIMPLIFIED_CHINESE));
    }
}
