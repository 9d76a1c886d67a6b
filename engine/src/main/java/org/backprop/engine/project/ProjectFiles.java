package org.backprop.engine.project;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.module.SimpleModule;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Collectors;

/**
 * Reads and writes project files. The written form is canonical (fixed field order, two-space
 * indent, shortest plain numbers, a final newline), so reading a saved file and saving it again
 * gives the same bytes. Every problem is reported as a {@link ProjectFormatException} that names
 * the line and the field.
 */
public final class ProjectFiles {
    private static final ObjectMapper MAPPER = createMapper();

    private ProjectFiles() {}

    public static Project read(Path file) throws ProjectFormatException, IOException {
        return parse(Files.readString(file, StandardCharsets.UTF_8), file.getFileName().toString());
    }

    /** Parses the text of a project file; {@code sourceName} starts every message. */
    public static Project parse(String json, String sourceName) throws ProjectFormatException {
        checkHeader(json, sourceName);
        checkFieldNames(json, sourceName);
        try {
            Project p = MAPPER.readValue(json, Project.class);
            if (p.network() == null) throw new ProjectFormatException(sourceName + ": the project has no \"network\"", -1);
            if (p.data() == null) throw new ProjectFormatException(sourceName + ": the project has no \"data\"", -1);
            return p;
        } catch (JsonProcessingException e) {
            throw describe(e, sourceName);
        }
    }

    public static String toJson(Project project) {
        try {
            return MAPPER.writeValueAsString(project) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a project could not be written as JSON", e);
        }
    }

    /** Writes atomically: a crash mid-save leaves the old file intact, never half a file. */
    public static void write(Project project, Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
        try {
            Files.writeString(tmp, toJson(project), StandardCharsets.UTF_8);
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Checks "format" and "version" first, so a newer file is not misread as a broken one. */
    private static void checkHeader(String json, String source) throws ProjectFormatException {
        try (JsonParser p = MAPPER.getFactory().createParser(json)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new ProjectFormatException(source + ", line " + p.currentLocation().getLineNr()
                        + ": a project file must be one JSON object", p.currentLocation().getLineNr());
            }
            String format = null;
            Integer version = null;
            int versionLine = -1;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                p.nextToken();
                if (name.equals("format") && p.currentToken() == JsonToken.VALUE_STRING) {
                    format = p.getText();
                } else if (name.equals("version") && p.currentToken() == JsonToken.VALUE_NUMBER_INT) {
                    version = p.getIntValue();
                    versionLine = p.currentLocation().getLineNr();
                } else {
                    p.skipChildren();
                }
            }
            if (!Project.FORMAT.equals(format)) {
                throw new ProjectFormatException(source + ": not a Backprop Workbench project (expected \"format\": \""
                        + Project.FORMAT + "\")", 1);
            }
            if (version == null) {
                throw new ProjectFormatException(source + ": \"version\" is missing; this build reads format version "
                        + Project.CURRENT_VERSION, 1);
            }
            if (version > Project.CURRENT_VERSION) {
                throw new ProjectFormatException(source + ", line " + versionLine + ": version: written by a newer Backprop Workbench (format version "
                        + version + "); this build reads up to version " + Project.CURRENT_VERSION + ". Update the workbench to open it.", versionLine);
            }
            if (version < 1) {
                throw new ProjectFormatException(source + ", line " + versionLine + ": version: must be at least 1, got " + version, versionLine);
            }
        } catch (JsonProcessingException e) {
            throw describe(e, source);
        } catch (IOException e) {
            throw new ProjectFormatException(source + ": " + e.getMessage(), -1);
        }
    }

    /**
     * Finds a misspelt field before binding: Jackson reports a missing required value at the
     * end of its object, which hides the typo that caused it. Walks the JSON alongside the
     * records' components; layers check their own properties.
     */
    private static void checkFieldNames(String json, String source) throws ProjectFormatException {
        try (JsonParser p = MAPPER.getFactory().createParser(json)) {
            p.nextToken();
            walk(p, Project.class, "", source);
        } catch (JsonProcessingException e) {
            throw describe(e, source);
        } catch (IOException e) {
            throw new ProjectFormatException(source + ": " + e.getMessage(), -1);
        }
    }

    private static void walk(JsonParser p, java.lang.reflect.Type type, String path, String source)
            throws IOException, ProjectFormatException {
        Class<?> raw = type instanceof java.lang.reflect.ParameterizedType pt ? (Class<?>) pt.getRawType() : (Class<?>) type;
        if (p.currentToken() == JsonToken.START_ARRAY && java.util.List.class.isAssignableFrom(raw)) {
            java.lang.reflect.Type element = ((java.lang.reflect.ParameterizedType) type).getActualTypeArguments()[0];
            int i = 0;
            while (p.nextToken() != JsonToken.END_ARRAY) walk(p, element, path + "[" + i++ + "]", source);
            return;
        }
        if (p.currentToken() == JsonToken.START_OBJECT && java.util.Map.class.isAssignableFrom(raw)) {
            // The keys are checked when binding (an enum's values); the values may be records.
            java.lang.reflect.Type value = ((java.lang.reflect.ParameterizedType) type).getActualTypeArguments()[1];
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                p.nextToken();
                walk(p, value, path + "." + key, source);
            }
            return;
        }
        if (p.currentToken() != JsonToken.START_OBJECT || !raw.isRecord()) {
            p.skipChildren();
            return;
        }
        var components = java.util.Arrays.stream(raw.getRecordComponents())
                .collect(Collectors.toMap(java.lang.reflect.RecordComponent::getName, java.lang.reflect.RecordComponent::getGenericType));
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            int line = p.currentLocation().getLineNr();
            p.nextToken();
            java.lang.reflect.Type t = components.get(name);
            if (t == null) {
                throw new ProjectFormatException(source + ", line " + line + ": " + (path.isEmpty() ? "" : path + ": ")
                        + "unknown field \"" + name + "\"; expected one of "
                        + components.keySet().stream().sorted().collect(Collectors.joining(", ")), line);
            }
            walk(p, t, path.isEmpty() ? name : path + "." + name, source);
        }
    }

    private static ProjectFormatException describe(JsonProcessingException e, String source) {
        JsonLocation loc = e.getLocation();
        int line = loc == null ? -1 : loc.getLineNr();
        String where = source + (line > 0 ? ", line " + line : "");
        String field = "";
        String what;
        if (e instanceof JsonMappingException m) {
            field = m.getPath().stream()
                    .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining("."))
                    .replace(".[", "[");
        }
        if (e instanceof ValueInstantiationException v && v.getCause() != null) {
            what = v.getCause().getMessage();
        } else if (e instanceof UnrecognizedPropertyException u) {
            what = "unknown field \"" + u.getPropertyName() + "\"; expected one of "
                    + u.getKnownPropertyIds().stream().map(String::valueOf).sorted().collect(Collectors.joining(", "));
            field = field.replaceAll("\\.?" + java.util.regex.Pattern.quote(u.getPropertyName()) + "$", "");
        } else if (e instanceof InvalidFormatException f) {
            what = "expected " + expected(f.getTargetType()) + ", got " + f.getValue();
        } else if (e instanceof MismatchedInputException m && m.getTargetType() != null && !(e.getCause() instanceof Exception)) {
            boolean missing = String.valueOf(m.getOriginalMessage()).contains("null");
            what = (missing ? "missing; expected " : "expected ") + expected(m.getTargetType());
        } else {
            what = e.getOriginalMessage();
        }
        return new ProjectFormatException(where + ": " + (field.isEmpty() ? "" : field + ": ") + what, line);
    }

    private static String expected(Class<?> type) {
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) return "a whole number";
        if (type == double.class || type == Double.class) return "a number";
        if (type == boolean.class || type == Boolean.class) return "true or false";
        if (type == String.class) return "a string";
        if (type.isEnum()) {
            return "one of " + java.util.Arrays.stream(type.getEnumConstants()).map(c -> {
                try {
                    var a = type.getField(((Enum<?>) c).name()).getAnnotation(com.fasterxml.jackson.annotation.JsonProperty.class);
                    return a == null ? c.toString() : a.value();
                } catch (NoSuchFieldException ex) {
                    return c.toString();
                }
            }).collect(Collectors.joining(", "));
        }
        if (type.isRecord()) return "an object";
        if (java.util.List.class.isAssignableFrom(type)) return "a list";
        if (java.util.Map.class.isAssignableFrom(type)) return "an object";
        return type.getSimpleName();
    }

    private static ObjectMapper createMapper() {
        SimpleModule numbers = new SimpleModule("plain-numbers");
        JsonSerializer<Double> plain = new JsonSerializer<>() {
            @Override
            public void serialize(Double v, JsonGenerator g, SerializerProvider p) throws IOException {
                g.writeNumber(NumberText.format(v));
            }
        };
        numbers.addSerializer(Double.class, plain);
        numbers.addSerializer(double.class, plain);
        ObjectMapper m = new ObjectMapper()
                .registerModule(numbers)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        m.getFactory().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        DefaultIndenter indent = new DefaultIndenter("  ", "\n");
        DefaultPrettyPrinter pretty = new DefaultPrettyPrinter()
                .withSeparators(Separators.createDefaultInstance()
                        .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
                .withObjectIndenter(indent)
                .withArrayIndenter(indent);
        m.setDefaultPrettyPrinter(pretty);
        m.enable(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT);
        return m;
    }
}
