package org.backprop.app;

import org.backprop.app.editor.TrainingFields;
import org.backprop.engine.project.LayerType;
import org.backprop.engine.project.PropertySpec;
import org.backprop.engine.train.TrainingSession;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

class I18nBundleTest {
    private static final String BASE = "/org/backprop/app/i18n/messages";

    static Properties load(String path) throws Exception {
        Properties p = new Properties();
        try (InputStream in = I18nBundleTest.class.getResourceAsStream(path)) {
            assertNotNull(in, path);
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void everyKeyIsTranslatedToSimplifiedChinese() throws Exception {
        Set<String> missing = new TreeSet<>(load(BASE + ".properties").stringPropertyNames());
        missing.removeAll(load(BASE + "_zh_CN.properties").stringPropertyNames());
        assertTrue(missing.isEmpty(), "missing from messages_zh_CN.properties: " + missing);
    }

    @Test
    void everyKeyTheCodeNamesExists() throws Exception {
        Properties p = load(BASE + ".properties");
        Set<String> missing = new TreeSet<>();
        // A whole literal key ("menu.file"), not the prefix of a computed one ("state." + name).
        Pattern literal = Pattern.compile("Messages\\.(?:get|format)\\(\"([^\"]+)\"\\s*[,)]");
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path f : files.filter(x -> x.toString().endsWith(".java")).toList()) {
                Matcher m = literal.matcher(Files.readString(f));
                while (m.find()) if (!p.containsKey(m.group(1))) missing.add(m.group(1) + " (" + f.getFileName() + ")");
            }
        }
        for (TrainingSession.State s : TrainingSession.State.values()) {
            if (!p.containsKey("state." + s.name())) missing.add("state." + s.name());
        }
        for (Problem.Kind k : Problem.Kind.values()) {
            if (!p.containsKey(k.titleKey())) missing.add(k.titleKey());
        }
        for (String id : new String[]{"train", "pause", "step", "stop", "reset"}) {
            if (!p.containsKey("toolbar." + id)) missing.add("toolbar." + id);
            if (!p.containsKey("toolbar." + id + ".tooltip")) missing.add("toolbar." + id + ".tooltip");
        }
        assertTrue(missing.isEmpty(), "keys used but not in messages.properties: " + missing);
    }

    @Test
    void everyKeyTheEditorComputesExists() throws Exception {
        Properties p = load(BASE + ".properties");
        Set<String> missing = new TreeSet<>();
        for (LayerType t : LayerType.values()) {
            for (PropertySpec spec : t.properties()) {
                if (!p.containsKey("property." + spec.name())) missing.add("property." + spec.name());
            }
        }
        for (TrainingFields.Field f : TrainingFields.ALL) {
            for (String key : new String[]{"training.field." + f.name(), "training.change." + f.name()}) {
                if (!p.containsKey(key)) missing.add(key);
            }
        }
        for (String id : new String[]{"undo", "redo", "zoom-out", "zoom-in", "fit", "arrange"}) {
            if (!p.containsKey("tool." + id)) missing.add("tool." + id);
        }
        for (String v : TrainingFields.ALL.stream().filter(f -> f.name().equals("gradientClipping")).findFirst().orElseThrow()
                .spec().choices()) {
            if (!p.containsKey("choice.gradientClipping." + v)) missing.add("choice.gradientClipping." + v);
        }
        assertTrue(missing.isEmpty(), "keys the editor builds but messages.properties lacks: " + missing);
    }
}
