package org.backprop.app.lesson;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/** The lesson panel's own strings, a bundle apart so lessons and the main window can change without conflicts. */
public final class LessonStrings {
    public static final String BUNDLE = "org.backprop.app.lesson.lessons";

    private LessonStrings() {}

    public static String get(String key) {
        return ResourceBundle.getBundle(BUNDLE).getString(key);
    }

    public static String format(String key, Object... args) {
        return new MessageFormat(get(key), Locale.getDefault(Locale.Category.FORMAT)).format(args);
    }

    /** In the given language, for a view model that was handed its locale. */
    public static String format(Locale locale, String key, Object... args) {
        return new MessageFormat(ResourceBundle.getBundle(BUNDLE, locale).getString(key), locale).format(args);
    }
}
