package org.backprop.engine.project;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes a layer with its properties flat beside {@code id} and {@code type},
 * checking each property against its {@link LayerType} where it is read, so that a wrong
 * value is reported with the line it stands on.
 */
final class LayerSpecJson {
    private LayerSpecJson() {}

    static final class Reader extends JsonDeserializer<LayerSpec> {
        @Override
        public LayerSpec deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() != JsonToken.START_OBJECT) {
                throw JsonMappingException.from(p, "a layer must be an object like {\"id\": \"hidden\", \"type\": \"dense\"}");
            }
            int line = p.currentLocation().getLineNr();
            String id = null;
            String typeName = null;
            Map<String, Object> props = new LinkedHashMap<>();
            Map<String, Integer> propLines = new LinkedHashMap<>();
            Map<String, ParameterValues> params = null;
            double[] position = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                switch (field) {
                    case "id" -> id = text(p, "id");
                    case "type" -> typeName = text(p, "type");
                    case "parameters" -> params = readParameters(p);
                    case "position" -> position = readPosition(p);
                    default -> {
                        propLines.put(field, p.currentLocation().getLineNr());
                        props.put(field, scalar(p, field));
                    }
                }
            }
            if (id == null || id.isBlank()) throw JsonMappingException.from(p, "layer at line " + line + " has no \"id\"");
            if (typeName == null) throw JsonMappingException.from(p, "layer '" + id + "' (line " + line + ") has no \"type\"; known types: " + LayerType.allIds());
            final String layerId = id;
            final String tn = typeName;
            LayerType type = LayerType.fromId(typeName).orElseThrow(() -> JsonMappingException.from(p,
                    "layer '" + layerId + "' (line " + line + ") has unknown type \"" + tn + "\"; known types: " + LayerType.allIds()));
            for (Map.Entry<String, Object> e : props.entrySet()) {
                String name = e.getKey();
                int at = propLines.get(name);
                PropertySpec spec = type.property(name).orElseThrow(() -> JsonMappingException.from(p,
                        "layer '" + layerId + "' (" + type.id() + ", line " + at + ") has unknown property \"" + name
                                + "\"; a " + type.id() + " layer has: "
                                + String.join(", ", type.properties().stream().map(PropertySpec::name).toList())));
                var problem = spec.check(e.getValue());
                if (problem.isPresent()) {
                    throw JsonMappingException.from(p, "layer '" + layerId + "' (" + type.id() + ", line " + at + "): " + problem.get());
                }
            }
            return new LayerSpec(id, type, props, params, position, line);
        }

        private static String text(JsonParser p, String field) throws IOException {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                throw JsonMappingException.from(p, "\"" + field + "\" must be a string");
            }
            return p.getText();
        }

        private static Object scalar(JsonParser p, String field) throws IOException {
            return switch (p.currentToken()) {
                case VALUE_NUMBER_INT -> p.getNumberValue();
                case VALUE_NUMBER_FLOAT -> p.getDoubleValue();
                case VALUE_STRING -> p.getText();
                case VALUE_TRUE -> Boolean.TRUE;
                case VALUE_FALSE -> Boolean.FALSE;
                default -> throw JsonMappingException.from(p, "property \"" + field + "\" must be a number, a string or true/false");
            };
        }

        private static double[] readPosition(JsonParser p) throws IOException {
            List<Double> xs = numbers(p, "position");
            if (xs.size() != 2) throw JsonMappingException.from(p, "\"position\" must be [x, y]");
            return new double[]{xs.get(0), xs.get(1)};
        }

        private static Map<String, ParameterValues> readParameters(JsonParser p) throws IOException {
            if (p.currentToken() != JsonToken.START_OBJECT) {
                throw JsonMappingException.from(p, "\"parameters\" must be an object like {\"W\": [[...]], \"b\": [...]}");
            }
            Map<String, ParameterValues> out = new LinkedHashMap<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                p.nextToken();
                if (p.currentToken() != JsonToken.START_ARRAY) {
                    throw JsonMappingException.from(p, "parameter \"" + key + "\" must be a list of numbers or a list of rows");
                }
                if (p.nextToken() == JsonToken.START_ARRAY) {
                    List<double[]> rows = new ArrayList<>();
                    do {
                        rows.add(numbers(p, key).stream().mapToDouble(Double::doubleValue).toArray());
                    } while (p.nextToken() == JsonToken.START_ARRAY);
                    try {
                        out.put(key, ParameterValues.matrix(rows.toArray(double[][]::new)));
                    } catch (IllegalArgumentException e) {
                        throw JsonMappingException.from(p, "parameter \"" + key + "\": " + e.getMessage());
                    }
                } else {
                    List<Double> v = new ArrayList<>();
                    while (p.currentToken() != JsonToken.END_ARRAY) {
                        if (!p.currentToken().isNumeric()) throw JsonMappingException.from(p, "parameter \"" + key + "\" must hold numbers");
                        v.add(p.getDoubleValue());
                        p.nextToken();
                    }
                    out.put(key, ParameterValues.vector(v.stream().mapToDouble(Double::doubleValue).toArray()));
                }
            }
            return out;
        }

        /** Reads a flat array of numbers; the parser stands on its START_ARRAY. */
        private static List<Double> numbers(JsonParser p, String what) throws IOException {
            if (p.currentToken() != JsonToken.START_ARRAY) throw JsonMappingException.from(p, "\"" + what + "\" must be a list of numbers");
            List<Double> v = new ArrayList<>();
            while (p.nextToken() != JsonToken.END_ARRAY) {
                if (!p.currentToken().isNumeric()) throw JsonMappingException.from(p, "\"" + what + "\" must hold numbers only");
                v.add(p.getDoubleValue());
            }
            return v;
        }
    }

    static final class Writer extends JsonSerializer<LayerSpec> {
        /** Numbers of one row on one line: weight matrices stay readable. */
        private static String inline(double[] v, int from, int n) {
            StringBuilder b = new StringBuilder("[");
            for (int i = 0; i < n; i++) b.append(i == 0 ? "" : ", ").append(NumberText.format(v[from + i]));
            return b.append(']').toString();
        }

        @Override
        public void serialize(LayerSpec l, JsonGenerator g, SerializerProvider sp) throws IOException {
            g.writeStartObject();
            g.writeStringField("id", l.id());
            g.writeStringField("type", l.type().id());
            for (Map.Entry<String, Object> e : l.properties().entrySet()) {
                g.writeFieldName(e.getKey());
                sp.defaultSerializeValue(e.getValue(), g);
            }
            if (l.position() != null) {
                g.writeFieldName("position");
                g.writeRawValue(inline(l.position(), 0, 2));
            }
            if (!l.parameters().isEmpty()) {
                g.writeObjectFieldStart("parameters");
                for (Map.Entry<String, ParameterValues> e : l.parameters().entrySet()) {
                    g.writeFieldName(e.getKey());
                    ParameterValues pv = e.getValue();
                    double[] v = pv.values();
                    if (pv.shape().length == 2) {
                        int cols = pv.shape()[1];
                        g.writeStartArray();
                        for (int r = 0; r < pv.shape()[0]; r++) g.writeRawValue(inline(v, r * cols, cols));
                        g.writeEndArray();
                    } else {
                        g.writeRawValue(inline(v, 0, v.length));
                    }
                }
                g.writeEndObject();
            }
            g.writeEndObject();
        }
    }
}
