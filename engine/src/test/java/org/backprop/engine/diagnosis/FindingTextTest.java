package org.backprop.engine.diagnosis;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** Every finding reads in English and in Simplified Chinese, with its numbers in place. */
class FindingTextTest {

    static Finding example(Kind kind) {
        Map<String, Object> evidence = new LinkedHashMap<>();
        for (String k : kind.evidence()) evidence.put(k, k.equals("outputLayer") || k.equals("parameter") ? "W" : 0.000123);
        return new Finding(kind, Severity.WARNING, List.of("h1", "h2"), 7, 200, evidence, Map.of(), List.of(Fix.values()));
    }

    @Test
    void everyKindAndFixHasTextInBothLanguages() {
        FindingText en = new FindingText(Locale.ENGLISH);
        FindingText zh = new FindingText(Locale.SIMPLIFIED_CHINESE);
        for (Kind k : Kind.values()) {
            Finding f = example(k);
            for (FindingText t : List.of(en, zh)) {
                String m = t.message(f);
                assertFalse(m.contains("{") || m.contains("}"), k + ": unfilled placeholder in " + m);
                assertTrue(m.contains("7"), k + ": names the iteration: " + m);
                assertTrue(m.contains("h1") && m.contains("h2"), k + ": names the layers: " + m);
                assertFalse(t.title(f).isBlank());
            }
            assertNotEquals(en.message(f), zh.message(f), k + " is translated");
            assertTrue(zh.title(f).codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN),
                    k + ": Chinese title " + zh.title(f));
        }
        for (Fix fix : Fix.values()) {
            assertFalse(en.fix(fix).isBlank());
            assertTrue(zh.fix(fix).codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN), fix.key());
        }
    }

    @Test
    void theChineseBundleTranslatesEveryKeyAndNoMore() throws Exception {
        assertEquals(keys("findings.properties"), keys("findings_zh_CN.properties"));
    }

    private static java.util.Set<Object> keys(String file) throws java.io.IOException {
        var p = new java.util.Properties();
        try (var in = FindingText.class.getResourceAsStream(file)) {
            p.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        return p.keySet();
    }

    @Test
    void numbersAreCompactAndQuotesSurviveMessageFormat() {
        FindingText en = new FindingText(Locale.ROOT);
        Finding f = example(Kind.VANISHING_GRADIENTS);
        assertTrue(en.message(f).contains("1.2e-4"), en.message(f));
        assertTrue(en.message(f).contains("'h1', 'h2'"), en.message(f));
        assertTrue(en.fix(Fix.TANH_XAVIER_INIT).contains("sigmoid's"), "'' is an apostrophe");
        assertEquals("0.882", FindingText.number(0.88234));
        assertEquals("2.8e-6", FindingText.number(2.78e-6));
        assertEquals("-1.48", FindingText.number(-1.48));
        assertEquals("1.2e5", FindingText.number(123_456));
    }

    @Test
    void englishIsEnglishOnAChineseDesktop() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.SIMPLIFIED_CHINESE);
            assertEquals("Vanishing gradients", new FindingText(Locale.ENGLISH).title(example(Kind.VANISHING_GRADIENTS)));
        } finally {
            Locale.setDefault(before);
        }
    }
}
