package org.backprop.engine.project;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;

import java.io.IOException;
import java.util.List;
import java.util.stream.Collectors;

/** Writes rows of numbers one row per line, as people type a table ({@code [0.05, 0.1]}). */
final class RowsJson extends JsonSerializer<List<List<Double>>> {
    @Override
    public void serialize(List<List<Double>> rows, JsonGenerator g, SerializerProvider sp) throws IOException {
        g.writeStartArray();
        for (List<Double> row : rows) {
            g.writeRawValue(row.stream().map(NumberText::format).collect(Collectors.joining(", ", "[", "]")));
        }
        g.writeEndArray();
    }
}
