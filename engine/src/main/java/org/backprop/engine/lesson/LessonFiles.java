package org.backprop.engine.lesson;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Reads {@code *.lesson.json}: strict, so a misspelt field is an error with its line, not a silent default. */
public final class LessonFiles {
    public static final String SUFFIX = ".lesson.json";

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private LessonFiles() {}

    record FileForm(String format, Integer version, LocalText title, Map<String, String> projects, List<LessonStep> steps) {
        @JsonCreator
        FileForm(@JsonProperty("format") String format, @JsonProperty("version") Integer version,
                 @JsonProperty("title") LocalText title, @JsonProperty("projects") Map<String, String> projects,
                 @JsonProperty("steps") List<LessonStep> steps) {
            this.format = format;
            this.version = version;
            this.title = title;
            this.projects = projects;
            this.steps = steps;
        }
    }

    public static Lesson read(Path file) throws LessonFormatException, IOException {
        return parse(Files.readString(file, StandardCharsets.UTF_8), file.getFileName().toString(),
                file.toAbsolutePath().getParent());
    }

    /** The lessons of a folder (the shipped ones are samples/lessons), in file-name order: NN- sorts them. */
    public static List<Path> list(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(SUFFIX)).sorted().toList();
        }
    }

    public static Lesson parse(String json, String source, Path dir) throws LessonFormatException {
        FileForm f;
        try {
            f = MAPPER.readValue(json, FileForm.class);
        } catch (JsonProcessingException e) {
            throw describe(e, source);
        }
        if (!Lesson.FORMAT.equals(f.format())) {
            throw new LessonFormatException(source + ": not a lesson (expected \"format\": \"" + Lesson.FORMAT + "\")", 1);
        }
        if (f.version() == null || f.version() < 1 || f.version() > Lesson.CURRENT_VERSION) {
            throw new LessonFormatException(source + ": version: this build reads lesson version " + Lesson.CURRENT_VERSION
                    + ", got " + f.version(), -1);
        }
        if (f.title() == null) throw new LessonFormatException(source + ": title: missing", -1);
        if (f.projects() == null || f.projects().isEmpty()) {
            throw new LessonFormatException(source + ": projects: a lesson opens at least one project", -1);
        }
        if (f.steps() == null || f.steps().isEmpty()) throw new LessonFormatException(source + ": steps: a lesson has at least one step", -1);
        for (int i = 0; i < f.steps().size(); i++) {
            LessonStep s = f.steps().get(i);
            for (String id : new String[] {s.project(), s.action() == null ? null : s.action().project()}) {
                if (id != null && !f.projects().containsKey(id)) {
                    throw new LessonFormatException(source + ": steps[" + i + "]: no project \"" + id + "\"; the lesson's projects are "
                            + String.join(", ", f.projects().keySet()), -1);
                }
            }
        }
        return new Lesson(f.title(), f.projects(), f.steps(), dir);
    }

    private static LessonFormatException describe(JsonProcessingException e, String source) {
        JsonLocation loc = e.getLocation();
        int line = loc == null ? -1 : loc.getLineNr();
        String field = "";
        if (e instanceof JsonMappingException m) {
            field = m.getPath().stream()
                    .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
        }
        String what;
        if (e instanceof UnrecognizedPropertyException u) {
            what = "unknown field \"" + u.getPropertyName() + "\"; expected one of "
                    + u.getKnownPropertyIds().stream().map(String::valueOf).sorted().collect(Collectors.joining(", "));
            field = field.replaceAll("\\.?" + java.util.regex.Pattern.quote(u.getPropertyName()) + "$", "");
        } else if (e instanceof ValueInstantiationException v && v.getCause() != null) {
            what = v.getCause().getMessage();
        } else {
            what = e.getOriginalMessage();
        }
        return new LessonFormatException(source + (line > 0 ? ", line " + line : "") + ": "
                + (field.isEmpty() ? "" : field + ": ") + what, line);
    }
}
