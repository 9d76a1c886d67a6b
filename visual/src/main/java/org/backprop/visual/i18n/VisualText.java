package org.backprop.visual.i18n;

import org.backprop.engine.project.LayerType;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/** The visual module's own strings ({@code org/backprop/visual/i18n/messages*.properties}). */
public final class VisualText {
    public static final String BUNDLE = "org.backprop.visual.i18n.messages";

    private VisualText() {}

    public static String get(String key) {
        return ResourceBundle.getBundle(BUNDLE).getString(key);
    }

    public static String format(String key, Object... args) {
        return new MessageFormat(get(key), Locale.getDefault(Locale.Category.FORMAT)).format(args);
    }

    /** The on-screen name of a layer type, e.g. "Dense". */
    public static String layerType(LayerType type) {
        return get("layer.type." + type.id());
    }
}
