package org.backprop.engine.telemetry;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes a {@link Telemetry} as {@code telemetry.json}. Every series is a set of parallel arrays
 * (first, last, min, max, mean, count: see {@link TimeSeries.Points}); NaN and Infinity are
 * written as the strings "NaN", "Infinity" and "-Infinity", as Jackson does by default.
 */
public final class TelemetryJson {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private TelemetryJson() {}

    public static void write(Telemetry t, Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        MAPPER.writeValue(file.toFile(), toTree(t));
    }

    public static ObjectNode toTree(Telemetry t) {
        ObjectNode root = MAPPER.createObjectNode();
        TelemetryConfig c = t.config();
        root.put("samplingInterval", c.samplingInterval());
        root.put("lastIteration", t.lastIteration());
        root.put("sampledIterations", t.sampledIterations());
        root.set("nonFinite", t.nonFinite().map(e -> (ObjectNode) MAPPER.valueToTree(e)).orElse(null));
        root.set("loss", series(t.loss()));
        ArrayNode layers = root.putArray("layers");
        for (LayerTelemetry l : t.layers()) layers.add(layer(l));
        return root;
    }

    private static ObjectNode layer(LayerTelemetry l) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("id", l.id());
        n.put("index", l.index());
        n.put("type", l.layerType());
        n.put("activation", l.activation());
        n.put("recurrent", l.recurrent());
        n.put("output", l.output());
        n.put("frozen", l.frozen());
        ObjectNode a = n.putObject("activations");
        a.set("mean", series(l.activationMean()));
        a.set("std", series(l.activationStd()));
        a.set("saturatedFraction", series(l.saturatedFraction()));
        a.set("deadFraction", series(l.deadFraction()));
        ObjectNode params = n.putObject("parameters");
        for (ParameterTelemetry p : l.parameters().values()) {
            ObjectNode pn = params.putObject(p.key());
            pn.set("gradientNorm", series(p.gradientNorm()));
            pn.set("gradientMeanAbs", series(p.gradientMeanAbs()));
            pn.set("gradientMaxAbs", series(p.gradientMaxAbs()));
            pn.set("updateRatioLog10", series(p.updateRatioLog10()));
            pn.set("nonFiniteGradients", series(p.nonFinite()));
            ObjectNode h = pn.putObject("histograms");
            h.set("parameters", MAPPER.valueToTree(p.parameterHistograms().toList()));
            h.set("gradients", MAPPER.valueToTree(p.gradientHistograms().toList()));
            h.set("updates", MAPPER.valueToTree(p.updateHistograms().toList()));
        }
        n.set("gradientMatrices", MAPPER.valueToTree(l.gradientMatrices().toList()));
        List<LayerTelemetry.TimeStepNorms> steps = l.timeStepNorms().toList();
        if (!steps.isEmpty()) n.set("timeStepGradientNorms", MAPPER.valueToTree(steps));
        return n;
    }

    private static ObjectNode series(TimeSeries s) {
        return MAPPER.valueToTree(s.points());
    }
}
