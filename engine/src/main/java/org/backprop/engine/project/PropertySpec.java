package org.backprop.engine.project;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One editable property of a layer type: its name, kind, default and allowed values.
 * The editor's property sheet and the file validator both read it, so a value the sheet
 * refuses is a value the file refuses too.
 */
public record PropertySpec(String name, Kind kind, Object defaultValue, double min, double max, List<String> choices) {

    public enum Kind { INT, DOUBLE, CHOICE, BOOLEAN }

    public static PropertySpec integer(String name, int defaultValue, int min, int max) {
        return new PropertySpec(name, Kind.INT, defaultValue, min, max, List.of());
    }

    public static PropertySpec real(String name, double defaultValue, double min, double max) {
        return new PropertySpec(name, Kind.DOUBLE, defaultValue, min, max, List.of());
    }

    public static PropertySpec choice(String name, String defaultValue, List<String> choices) {
        return new PropertySpec(name, Kind.CHOICE, defaultValue, 0, 0, List.copyOf(choices));
    }

    public static PropertySpec flag(String name, boolean defaultValue) {
        return new PropertySpec(name, Kind.BOOLEAN, defaultValue, 0, 0, List.of());
    }

    /** Why {@code value} is not acceptable for this property, or empty when it is. */
    public Optional<String> check(Object value) {
        switch (kind) {
            case INT -> {
                if (!(value instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())) {
                    return Optional.of(name + " must be a whole number, got " + describe(value));
                }
                return range(n.doubleValue());
            }
            case DOUBLE -> {
                if (!(value instanceof Number n)) {
                    return Optional.of(name + " must be a number, got " + describe(value));
                }
                return range(n.doubleValue());
            }
            case CHOICE -> {
                if (!(value instanceof String s) || !choices.contains(s.toLowerCase(Locale.ROOT))) {
                    return Optional.of(name + " must be one of " + String.join(", ", choices) + ", got " + describe(value));
                }
                return Optional.empty();
            }
            case BOOLEAN -> {
                return value instanceof Boolean ? Optional.empty()
                        : Optional.of(name + " must be true or false, got " + describe(value));
            }
            default -> throw new AssertionError(kind);
        }
    }

    private Optional<String> range(double v) {
        if (v < min || v > max || Double.isNaN(v)) {
            String lo = kind == Kind.INT ? String.valueOf((long) min) : String.valueOf(min);
            String hi = max >= Integer.MAX_VALUE ? "" : " and at most " + (kind == Kind.INT ? String.valueOf((long) max) : String.valueOf(max));
            return Optional.of(name + " must be at least " + lo + hi + ", got " + NumberText.format(v));
        }
        return Optional.empty();
    }

    private static String describe(Object value) {
        return value instanceof String s ? '"' + s + '"' : String.valueOf(value);
    }
}
