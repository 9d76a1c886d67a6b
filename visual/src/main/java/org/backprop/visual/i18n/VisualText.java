package org.backprop.visual.i18n;

import org.backprop.engine.compile.LayerInfo;
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

    /** A layer's output shape from the compiler, in the interface's language ("8 per step"). */
    public static String shape(String engineShape) {
        if (engineShape == null || !engineShape.endsWith(LayerInfo.PER_STEP)) return engineShape;
        return format("shape.perStep", engineShape.substring(0, engineShape.length() - LayerInfo.PER_STEP.length()));
    }

    /** The on-screen name of a layer type, e.g. "Dense". */
    public static String layerType(LayerType type) {
        return get("layer.type." + type.id());
    }
}
