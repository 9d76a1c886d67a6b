package org.backprop.engine.project;

import org.backprop.engine.Samples;
import org.junit.jupiter.api.Test;

import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** A project's name and description in Simplified Chinese: optional, read, written and looked up by locale. */
class ProjectTranslationsTest {
    private static final Project ENGLISH = english();
    private static final String ENGLISH_JSON = ProjectFiles.toJson(ENGLISH);

    @Test
    void aProjectWithoutTranslationsIsWrittenAsBefore() throws Exception {
        assertFalse(ENGLISH_JSON.contains("translations"), ENGLISH_JSON);
        Project back = ProjectFiles.parse(ENGLISH_JSON, "en.json");
        assertEquals(ENGLISH, back);
        assertEquals(ENGLISH_JSON, ProjectFiles.toJson(back));
        assertEquals("XOR", back.name(Locale.SIMPLIFIED_CHINESE), "no translation: the plain name");
    }

    @Test
    void translationsSurviveASaveAndReadAndFollowTheDescription() throws Exception {
        Project zh = new Project(ENGLISH.format(), ENGLISH.version(), ENGLISH.name(), ENGLISH.description(),
                Map.of(Translation.Language.ZH_CN, new Translation("异或", "经典问题")),
                ENGLISH.network(), ENGLISH.training(), ENGLISH.data());
        String json = ProjectFiles.toJson(zh);
        assertTrue(json.contains("\n  \"translations\": {\n    \"zh_CN\": {\n      \"name\": \"异或\",\n"
                + "      \"description\": \"经典问题\"\n    }\n  },\n  \"network\": {"), "after the description, in order:\n" + json);
        Project back = ProjectFiles.parse(json, "zh.json");
        assertEquals(zh, back);
        assertEquals(json, ProjectFiles.toJson(back));
        assertEquals(zh, back.withNetwork(back.network()), "edits keep the translations");
    }

    @Test
    void anyChineseLocaleReadsTheTranslationOthersAndGapsTheEnglish() throws Exception {
        Project p = parse("""
                "translations": {"zh_CN": {"name": "异或"}},
                """);
        assertEquals("异或", p.name(Locale.SIMPLIFIED_CHINESE));
        assertEquals("异或", p.name(Locale.CHINESE));
        assertEquals("XOR", p.name(Locale.ENGLISH));
        assertEquals("XOR", p.name(Locale.GERMANY));
        assertEquals("XOR", p.name(null));
        assertEquals(ENGLISH.description(), p.description(Locale.SIMPLIFIED_CHINESE), "an untranslated description stays English");
    }

    @Test
    void anUnknownLanguageNamesTheLineAndTheLanguagesThatExist() {
        var e = assertThrows(ProjectFormatException.class, () -> parse("""
                "translations": {"fr": {"name": "Ou exclusif"}},
                """));
        assertTrue(e.getMessage().startsWith("p.json, line 6: translations: "), e.getMessage());
        assertTrue(e.getMessage().contains("zh_CN") && e.getMessage().contains("fr"), e.getMessage());
    }

    @Test
    void aMisspeltOrMistypedTranslationFieldIsNamed() {
        var typo = assertThrows(ProjectFormatException.class, () -> parse("""
                "translations": {"zh_CN": {"title": "异或"}},
                """));
        assertTrue(typo.getMessage().startsWith("p.json, line 6: translations.zh_CN: unknown field \"title\"; expected one of description, name"),
                typo.getMessage());
        var type = assertThrows(ProjectFormatException.class, () -> parse("""
                "translations": "异或",
                """));
        assertTrue(type.getMessage().contains("line 6: translations: expected an object"), type.getMessage());
    }

    /** The English project with {@code fields} inserted before "network" (line 6). */
    private static Project parse(String fields) throws ProjectFormatException {
        return ProjectFiles.parse(ENGLISH_JSON.replace("  \"network\": {", fields + "  \"network\": {"), "p.json");
    }

    private static Project english() {
        Project xor = Samples.load("xor");
        return new Project(xor.format(), xor.version(), xor.name(), xor.description(), xor.network(), xor.training(), xor.data());
    }
}
