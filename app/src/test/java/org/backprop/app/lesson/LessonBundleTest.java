package org.backprop.app.lesson;

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

/** The lesson bundle, as I18nBundleTest checks the main one: every key translated, every key the code names present. */
class LessonBundleTest {
    private static final String BASE = "/org/backprop/app/lesson/lessons";

    static Properties load(String path) throws Exception {
        Properties p = new Properties();
        try (InputStream in = LessonBundleTest.class.getResourceAsStream(path)) {
            assertNotNull(in, path);
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void everyKeyIsTranslatedToSimplifiedChinese() throws Exception {
        Properties en = load(BASE + ".properties");
        Properties zh = load(BASE + "_zh_CN.properties");
        Set<String> missing = new TreeSet<>(en.stringPropertyNames());
        missing.removeAll(zh.stringPropertyNames());
        assertTrue(missing.isEmpty(), "missing from lessons_zh_CN.properties: " + missing);
        Set<String> untranslated = new TreeSet<>();
        for (String k : en.stringPropertyNames()) {
            if (!k.startsWith("language.") && en.getProperty(k).equals(zh.getProperty(k))) untranslated.add(k);
        }
        assertTrue(untranslated.isEmpty(), "same text in both languages: " + untranslated);
    }

    @Test
    void everyKeyTheCodeNamesExists() throws Exception {
        Properties p = load(BASE + ".properties");
        Set<String> missing = new TreeSet<>();
        Pattern literal = Pattern.compile("LessonStrings\\.(?:get|format)\\((?:locale, )?\"([^\"]+)\"\\s*[,)]");
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/org/backprop/app/lesson"))) {
            for (Path f : files.filter(x -> x.toString().endsWith(".java")).toList()) {
                Matcher m = literal.matcher(Files.readString(f));
                while (m.find()) if (!p.containsKey(m.group(1))) missing.add(m.group(1) + " (" + f.getFileName() + ")");
            }
        }
        for (String k : new String[]{"language.en", "language.zh_CN"}) if (!p.containsKey(k)) missing.add(k);
        assertTrue(missing.isEmpty(), "keys used but not in lessons.properties: " + missing);
    }

    @Test
    void noVisibleStringIsWrittenIntoTheCode() throws Exception {
        // Text set on a control must come from a bundle: setText("...") or new Label("...") with letters is a bug.
        Pattern hardCoded = Pattern.compile("(?:setText|new Label|new Button|new MenuItem|new Menu|new CheckMenuItem)\\(\"[^\"]*\\p{L}");
        Set<String> found = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/org/backprop/app/lesson"))) {
            for (Path f : files.filter(x -> x.toString().endsWith(".java")).toList()) {
                Matcher m = hardCoded.matcher(Files.readString(f));
                while (m.find()) found.add(f.getFileName() + ": " + m.group());
            }
        }
        assertTrue(found.isEmpty(), "visible strings not from a bundle: " + found);
    }
}
