package org.backprop.visual.i18n;

import org.backprop.engine.project.LayerType;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

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
    void everyLayerTypeHasAName() throws Exception {
        Properties p = load(BASE + ".properties");
        for (LayerType t : LayerType.values()) assertNotNull(p.getProperty("layer.type." + t.id()), t.id());
    }
}
