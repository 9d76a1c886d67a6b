package org.backprop.app.editor;

import org.backprop.engine.project.NumberText;
import org.backprop.engine.project.PropertySpec;

import java.util.Locale;
import java.util.Optional;

/**
 * Typed text to a property value, and a value to the text shown. A value is kept in the form
 * the project file reads back (2.0 is stored as the whole number 2, as the file spells it), so
 * that a saved and reopened project equals the one that was edited.
 */
public final class PropertyValues {
    private PropertyValues() {}

    /** A parsed value, or the reason it is refused ({@code PropertySpec.check}'s words). */
    public record Parsed(Object value, String problem) {
        public boolean ok() {
            return problem == null;
        }
    }

    public static Parsed parse(PropertySpec spec, String text) {
        String t = text == null ? "" : text.strip();
        Object value = switch (spec.kind()) {
            case INT, DOUBLE -> number(t);
            case CHOICE -> t.toLowerCase(Locale.ROOT);
            case BOOLEAN -> t.equalsIgnoreCase("true") ? Boolean.TRUE : t.equalsIgnoreCase("false") ? Boolean.FALSE : t;
        };
        Optional<String> problem = spec.check(value);
        return problem.map(p -> new Parsed(null, p)).orElseGet(() -> new Parsed(value, null));
    }

    /** A number as the file reader gives it back, or the text itself when it is no number. */
    static Object number(String t) {
        if (t.isEmpty()) return t;
        try {
            return canonical(Long.parseLong(t));
        } catch (NumberFormatException notWhole) {
            try {
                // Only decimal notation: Double.parseDouble would also take "0x1p3", "1d" or "Infinity".
                if (!t.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?")) return t;
                return canonical(Double.parseDouble(t));
            } catch (NumberFormatException e) {
                return t;
            }
        }
    }

    /** What reading {@code NumberText.format(v)} from a file gives: Integer, Long or Double. */
    public static Number canonical(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return canonical((long) v);
        return v;
    }

    private static Number canonical(long v) {
        return v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE ? (Number) (int) v : (Number) v;
    }

    /** The text a field shows for a value. */
    public static String text(Object value) {
        if (value instanceof Double d) return NumberText.format(d);
        if (value instanceof Float f) return NumberText.format(f);
        return String.valueOf(value);
    }
}
