package org.backprop.app.editor;

import org.backprop.app.i18n.Messages;
import org.backprop.engine.project.GradientClipping;
import org.backprop.engine.project.LayerType;
import org.backprop.engine.project.OptimizerSpec;
import org.backprop.engine.project.PropertySpec;
import org.backprop.engine.project.TrainingSettings;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The training settings as sheet fields. Each field is described by a {@link PropertySpec}
 * (kind and choices, so the sheet builds it like a layer property) and checked by the same
 * record constructors that check a project file, so the sheet and the file refuse the same values.
 */
public final class TrainingFields {
    private TrainingFields() {}

    /**
     * @param shown when the field applies (momentum only for Nesterov, the threshold only when clipping)
     */
    public record Field(PropertySpec spec, Function<TrainingSettings, Object> get,
                        BiFunction<TrainingSettings, Object, TrainingSettings> set, Predicate<TrainingSettings> shown) {

        public String name() {
            return spec.name();
        }

        /** The on-screen name, e.g. "Learning rate". */
        public String label() {
            return Messages.get("training.field." + spec.name());
        }

        /** The settings with this field set from typed text, or the reason the text is refused. */
        public Result parse(TrainingSettings t, String text) {
            PropertyValues.Parsed p = PropertyValues.parse(spec, text);
            if (!p.ok()) return new Result(null, p.problem());
            try {
                return new Result(set.apply(t, p.value()), null);
            } catch (IllegalArgumentException e) {
                return new Result(null, e.getMessage());
            }
        }
    }

    public record Result(TrainingSettings settings, String problem) {}

    private static final double ANY = Double.MAX_VALUE;

    public static final List<Field> ALL = List.of(
            field(PropertySpec.choice("optimizer", "adam", names(OptimizerSpec.Type.values())),
                    t -> name(t.optimizer().type()),
                    (t, v) -> with(t, new OptimizerSpec(OptimizerSpec.Type.valueOf(upper(v)), t.optimizer().learningRate(),
                            t.optimizer().momentum(), t.optimizer().beta1(), t.optimizer().beta2(), t.optimizer().epsilon()))),
            field(number("learningRate"), t -> t.optimizer().learningRate(),
                    (t, v) -> with(t, t.optimizer().withLearningRate(d(v)))),
            new Field(number("momentum"),
                    t -> t.optimizer().momentum() == null ? 0.9 : t.optimizer().momentum(),
                    (t, v) -> with(t, new OptimizerSpec(t.optimizer().type(), t.optimizer().learningRate(), d(v),
                            t.optimizer().beta1(), t.optimizer().beta2(), t.optimizer().epsilon())),
                    t -> t.optimizer().type() == OptimizerSpec.Type.NESTEROVS),
            field(whole("batchSize"), TrainingSettings::batchSize,
                    (t, v) -> new TrainingSettings(t.optimizer(), i(v), t.epochs(), t.seed(), t.l1(), t.l2(), t.dropout(),
                            t.gradientClipping(), t.dataType(), t.weightInit())),
            field(whole("epochs"), TrainingSettings::epochs,
                    (t, v) -> new TrainingSettings(t.optimizer(), t.batchSize(), i(v), t.seed(), t.l1(), t.l2(), t.dropout(),
                            t.gradientClipping(), t.dataType(), t.weightInit())),
            field(new PropertySpec("seed", PropertySpec.Kind.INT, 42L, Long.MIN_VALUE, Long.MAX_VALUE, List.of()),
                    TrainingSettings::seed,
                    (t, v) -> new TrainingSettings(t.optimizer(), t.batchSize(), t.epochs(), ((Number) v).longValue(), t.l1(),
                            t.l2(), t.dropout(), t.gradientClipping(), t.dataType(), t.weightInit())),
            field(number("l1"), TrainingSettings::l1,
                    (t, v) -> new TrainingSettings(t.optimizer(), t.batchSize(), t.epochs(), t.seed(), d(v), t.l2(), t.dropout(),
                            t.gradientClipping(), t.dataType(), t.weightInit())),
            field(number("l2"), TrainingSettings::l2,
                    (t, v) -> new TrainingSettings(t.optimizer(), t.batchSize(), t.epochs(), t.seed(), t.l1(), d(v), t.dropout(),
                            t.gradientClipping(), t.dataType(), t.weightInit())),
            field(number("dropout"), TrainingSettings::dropout,
                    (t, v) -> new TrainingSettings(t.optimizer(), t.batchSize(), t.epochs(), t.seed(), t.l1(), t.l2(), d(v),
                            t.gradientClipping(), t.dataType(), t.weightInit())),
            field(PropertySpec.choice("gradientClipping", "none", clippingNames()),
                    t -> name(t.gradientClipping().type()).toLowerCase(Locale.ROOT),
                    (t, v) -> new TrainingSettings(t.optimizer(), t.batchSize(), t.epochs(), t.seed(), t.l1(), t.l2(), t.dropout(),
                            new GradientClipping(clippingType((String) v), t.gradientClipping().threshold()), t.dataType(),
                            t.weightInit())),
            new Field(number("threshold"), t -> t.gradientClipping().threshold(),
                    (t, v) -> new TrainingSettings(t.optimizer(), t.batchSize(), t.epochs(), t.seed(), t.l1(), t.l2(), t.dropout(),
                            new GradientClipping(t.gradientClipping().type(), d(v)), t.dataType(), t.weightInit()),
                    t -> t.gradientClipping().type() != GradientClipping.Type.NONE),
            field(PropertySpec.choice("dataType", "float", List.of("float", "double")),
                    t -> t.dataType() == TrainingSettings.Precision.DOUBLE ? "double" : "float",
                    (t, v) -> t.withDataType("double".equals(v) ? TrainingSettings.Precision.DOUBLE : TrainingSettings.Precision.FLOAT)),
            field(PropertySpec.choice("weightInit", "xavier", LayerType.Vocab.WEIGHT_INITS), TrainingSettings::weightInit,
                    (t, v) -> new TrainingSettings(t.optimizer(), t.batchSize(), t.epochs(), t.seed(), t.l1(), t.l2(), t.dropout(),
                            t.gradientClipping(), t.dataType(), (String) v)));

    private static Field field(PropertySpec spec, Function<TrainingSettings, Object> get,
                               BiFunction<TrainingSettings, Object, TrainingSettings> set) {
        return new Field(spec, get, set, t -> true);
    }

    /** Any number: the range is the record constructor's to check, in its own words. */
    private static PropertySpec number(String name) {
        return PropertySpec.real(name, 0, -ANY, ANY);
    }

    private static PropertySpec whole(String name) {
        return PropertySpec.integer(name, 1, Integer.MIN_VALUE, Integer.MAX_VALUE);
    }

    private static TrainingSettings with(TrainingSettings t, OptimizerSpec o) {
        return t.withOptimizer(o);
    }

    private static double d(Object v) {
        return ((Number) v).doubleValue();
    }

    private static int i(Object v) {
        return ((Number) v).intValue();
    }

    private static String upper(Object v) {
        return v.toString().toUpperCase(Locale.ROOT);
    }

    /** The file's spelling of an enum constant ("nesterovs", "clipL2PerLayer"). */
    private static String name(Enum<?> e) {
        try {
            var a = e.getDeclaringClass().getField(e.name()).getAnnotation(com.fasterxml.jackson.annotation.JsonProperty.class);
            return a == null ? e.name().toLowerCase(Locale.ROOT) : a.value();
        } catch (NoSuchFieldException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(TrainingFields::name).toList();
    }

    /** Choice values are compared in lower case (PropertySpec.check), the file's names are camel case. */
    private static List<String> clippingNames() {
        return Arrays.stream(GradientClipping.Type.values()).map(t -> name(t).toLowerCase(Locale.ROOT)).toList();
    }

    private static GradientClipping.Type clippingType(String lower) {
        return Arrays.stream(GradientClipping.Type.values())
                .filter(t -> name(t).toLowerCase(Locale.ROOT).equals(lower.toLowerCase(Locale.ROOT)))
                .findFirst().orElseThrow();
    }
}
