package org.backprop.visual.i18n;

import org.backprop.engine.project.LayerType;
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
    private static final String BASE = "/org/backprop/visual/i18n/messages";

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
        // A whole literal key ("chart.empty"), not the prefix of a computed one ("layer.type." + id).
        Pattern literal = Pattern.compile("VisualText\\.(?:get|format)\\(\"([^\"]+)\"\\s*[,)]");
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path f : files.filter(x -> x.toString().endsWith(".java")).toList()) {
                Matcher m = literal.matcher(Files.readString(f));
                while (m.find()) if (!p.containsKey(m.group(1))) missing.add(m.group(1) + " (" + f.getFileName() + ")");
            }
        }
        assertTrue(missing.isEmpty(), "keys used but not in messages.properties: " + missing);
    }

    @Test
    void aSequencesShapeReadsInTheInterfacesLanguage() {
        java.util.Locale was = java.util.Locale.getDefault();
        try {
            java.util.Locale.setDefault(java.util.Locale.ENGLISH);
            assertEquals("8 per step", VisualText.shape("8" + org.backprop.engine.compile.LayerInfo.PER_STEP));
            java.util.Locale.setDefault(java.util.Locale.SIMPLIFIED_CHINESE);
            assertEquals("每步 8", VisualText.shape("8" + org.backprop.engine.compile.LayerInfo.PER_STEP));
            assertEquals("14x14x8", VisualText.shape("14x14x8"), "other shapes pass through");
        } finally {
            java.util.Locale.setDefault(was);
        }
    }

    @Test
    void everyLayerTypeHasAName() throws Exception {
        Properties p = load(BASE + ".properties");
        for (LayerType t : LayerType.values()) {
            assertNotNull(p.getProperty("layer.type." + t.id()), t.id());
            assertNotNull(p.getProperty("palette.tooltip." + t.id()), "palette.tooltip." + t.id());
        }
    }
}
