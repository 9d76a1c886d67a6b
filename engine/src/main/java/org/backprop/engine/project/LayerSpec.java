package org.backprop.engine.project;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One layer: an id, a {@link LayerType}, the properties the file sets (others take the type's
 * defaults), optionally pinned initial parameters, and optionally its position in the editor.
 * In a file the properties sit beside {@code id} and {@code type}:
 * {@code {"id": "hidden", "type": "dense", "units": 4, "activation": "tanh"}}.
 */
@JsonSerialize(using = LayerSpecJson.Writer.class)
@JsonDeserialize(using = LayerSpecJson.Reader.class)
public final class LayerSpec {
    private final String id;
    private final LayerType type;
    private final Map<String, Object> properties;
    private final Map<String, ParameterValues> parameters;
    private final double[] position;
    private final int sourceLine;

    public LayerSpec(String id, LayerType type, Map<String, Object> properties,
                     Map<String, ParameterValues> parameters, double[] position) {
        this(id, type, properties, parameters, position, -1);
    }

    LayerSpec(String id, LayerType type, Map<String, Object> properties,
              Map<String, ParameterValues> parameters, double[] position, int sourceLine) {
        this.id = Objects.requireNonNull(id, "id");
        this.type = Objects.requireNonNull(type, "type");
        this.properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties == null ? Map.of() : properties));
        this.parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters == null ? Map.of() : parameters));
        this.position = position == null ? null : position.clone();
        this.sourceLine = sourceLine;
    }

    public static LayerSpec of(String id, LayerType type, Object... keyValues) {
        Map<String, Object> p = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) p.put((String) keyValues[i], keyValues[i + 1]);
        return new LayerSpec(id, type, p, null, null);
    }

    public String id() { return id; }

    public LayerType type() { return type; }

    /** Only the properties set explicitly, in file order. */
    public Map<String, Object> properties() { return properties; }

    /** Pinned initial parameters by DL4J parameter key ("W", "b", ...); empty when none. */
    public Map<String, ParameterValues> parameters() { return parameters; }

    /** Position {x, y} on the editor canvas, or null when the editor lays it out. */
    public double[] position() { return position == null ? null : position.clone(); }

    /** Line in the file this layer was read from, or -1 when it was not read from a file. */
    public int sourceLine() { return sourceLine; }

    /** The value set in the file, else the type's default. */
    public Object get(String name) {
        Object v = properties.get(name);
        if (v != null) return v;
        return type.property(name).map(PropertySpec::defaultValue)
                .orElseThrow(() -> new IllegalArgumentException(type.id() + " has no property " + name));
    }

    public int intValue(String name) { return ((Number) get(name)).intValue(); }

    public double doubleValue(String name) { return ((Number) get(name)).doubleValue(); }

    public String stringValue(String name) { return String.valueOf(get(name)).toLowerCase(java.util.Locale.ROOT); }

    /** A flag's value; false for a type that does not have the flag at all. */
    public boolean flag(String name) {
        return type.property(name).isPresent() && Boolean.TRUE.equals(get(name));
    }

    /** Whether training leaves this layer's parameters as they are. */
    public boolean frozen() { return flag(LayerType.Transfer.FROZEN.name()); }

    /** Without the property set explicitly; the layer then takes the type's default. */
    public LayerSpec without(String name) {
        Map<String, Object> p = new LinkedHashMap<>(properties);
        p.remove(name);
        return new LayerSpec(id, type, p, parameters, position, sourceLine);
    }

    public LayerSpec with(String name, Object value) {
        Map<String, Object> p = new LinkedHashMap<>(properties);
        p.put(name, value);
        return new LayerSpec(id, type, p, parameters, position, sourceLine);
    }

    public LayerSpec withId(String newId) {
        return new LayerSpec(newId, type, properties, parameters, position, sourceLine);
    }

    public LayerSpec withParameters(Map<String, ParameterValues> newParameters) {
        return new LayerSpec(id, type, properties, newParameters, position, sourceLine);
    }

    public LayerSpec withPosition(double x, double y) {
        return new LayerSpec(id, type, properties, parameters, new double[]{x, y}, sourceLine);
    }

    /** "layer 'hidden' (dense, line 12)": how messages name a layer. */
    public String describe() {
        return "layer '" + id + "' (" + type.id() + (sourceLine > 0 ? ", line " + sourceLine : "") + ")";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LayerSpec l && id.equals(l.id) && type == l.type && properties.equals(l.properties)
                && parameters.equals(l.parameters) && java.util.Arrays.equals(position, l.position);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, type, properties, parameters);
    }

    @Override
    public String toString() {
        return "LayerSpec[" + id + ", " + type.id() + ", " + properties + "]";
    }
}
