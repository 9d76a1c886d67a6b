package org.backprop.app.i18n;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/** The application's strings ({@code org/backprop/app/i18n/messages*.properties}). */
public final class Messages {
    public static final String BUNDLE = "org.backprop.app.i18n.messages";

    private Messages() {}

    public static ResourceBundle bundle() {
        return ResourceBundle.getBundle(BUNDLE);
    }

    public static String get(String key) {
        return bundle().getString(key);
    }

    public static String format(String key, Object... args) {
        return new MessageFormat(get(key), Locale.getDefault(Locale.Category.FORMAT)).format(args);
    }
}
