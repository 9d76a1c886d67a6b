package org.backprop.engine.lesson;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.Locale;

/**
 * A lesson text in the two languages the workbench ships. Chinese is optional in the file so a
 * teacher can draft in English, but the shipped lessons' test fails while any Chinese is missing.
 */
public record LocalText(@JsonProperty("en") String en, @JsonProperty("zh_CN") String zhCN) {

    @JsonCreator
    public LocalText {
        if (en == null || en.isBlank()) throw new IllegalArgumentException("\"en\" is missing or empty");
    }

    /** The text for the locale: Chinese for any zh locale when present, English otherwise. */
    public String in(Locale locale) {
        boolean chinese = locale != null && "zh".equals(locale.getLanguage());
        return chinese && hasChinese() ? zhCN : en;
    }

    public boolean hasChinese() {
        return zhCN != null && !zhCN.isBlank();
    }
}
