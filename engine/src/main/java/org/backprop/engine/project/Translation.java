package org.backprop.engine.project;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.Locale;

/** A project's name and description in another language than the plain fields' English. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"name", "description"})
public record Translation(String name, String description) {

    /** The languages a project may be translated into: the ones the workbench's interface speaks. */
    public enum Language {
        @JsonProperty("zh_CN") ZH_CN(Locale.SIMPLIFIED_CHINESE);

        private final Locale locale;

        Language(Locale locale) { this.locale = locale; }

        /** The language for a locale: any Chinese locale reads the Simplified Chinese text, as lessons do. */
        static Language of(Locale l) {
            if (l == null) return null;
            for (Language lang : values()) if (lang.locale.getLanguage().equals(l.getLanguage())) return lang;
            return null;
        }
    }
}
