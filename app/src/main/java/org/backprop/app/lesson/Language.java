package org.backprop.app.lesson;

import java.util.Locale;
import java.util.prefs.Preferences;

/**
 * The interface language: the system locale unless the user picked one in View > Language, which
 * takes effect at the next start (every string is read from the bundles when the window is built).
 * {@code -Dworkbench.language=zh_CN|en} overrides both, for screenshots and tests.
 */
public final class Language {
    static final String PROPERTY = "workbench.language";
    private static final String KEY = "language";

    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

    private Language() {}

    /** Sets the default locale from the property or the saved choice; the system's stays otherwise. */
    public static void apply() {
        String chosen = System.getProperty(PROPERTY);
        if (chosen == null) {
            try {
                chosen = prefs().get(KEY, null);
            } catch (RuntimeException e) {
                chosen = null;
            }
        }
        Locale l = parse(chosen);
        if (l != null) Locale.setDefault(l);
    }

    public static void save(Locale l) {
        prefs().put(KEY, l.equals(CHINESE) ? "zh_CN" : "en");
    }

    static Locale parse(String s) {
        if (s == null || s.isBlank()) return null;
        return s.trim().toLowerCase(Locale.ROOT).startsWith("zh") ? CHINESE : ENGLISH;
    }

    public static boolean isChinese(Locale l) {
        return "zh".equals(l.getLanguage());
    }

    private static Preferences prefs() {
        return Preferences.userNodeForPackage(Language.class);
    }
}
