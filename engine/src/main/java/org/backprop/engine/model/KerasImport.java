package org.backprop.engine.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.modelimport.keras.Hdf5Archive;
import org.deeplearning4j.nn.modelimport.keras.KerasModelImport;
import org.deeplearning4j.nn.modelimport.keras.exceptions.InvalidKerasConfigurationException;
import org.deeplearning4j.nn.modelimport.keras.exceptions.UnsupportedKerasConfigurationException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Imports a Keras model saved as one HDF5 file ({@code model.save("m.h5")}: architecture, weights
 * and, optionally, training configuration) through DL4J's Keras import: a Sequential model becomes
 * a MultiLayerNetwork, a functional one a ComputationGraph. The imported model takes its input in
 * Keras's layout (channels last for images, (steps, features) for sequences).
 */
public final class KerasImport {
    private static final Pattern UNSUPPORTED_TYPE = Pattern.compile("Unsupported keras layer type (\\w+)");

    private KerasImport() {}

    /** What the file says about the model before DL4J builds it. */
    public record KerasFile(String kerasVersion, String className, List<KerasLayer> layers, boolean hasTrainingConfig) {
        public boolean isSequential() {
            return className.equals("Sequential");
        }
    }

    /**
     * One layer as the file names it: {@code name} and Keras class, e.g. ("gru", "GRU").
     *
     * @param dropoutRate a Dropout layer's {@code rate}, else 0
     */
    public record KerasLayer(String name, String className, double dropoutRate) {}

    public static LoadedModel read(Path file) throws ModelFileException {
        KerasFile k = inspect(file);
        String name = file.getFileName().toString();
        String where = file.toAbsolutePath().toString();
        Model model;
        try {
            model = build(where, k, k.hasTrainingConfig());
        } catch (Exception withTraining) {
            if (!k.hasTrainingConfig()) throw explain(name, k, withTraining);
            // The training configuration (loss, optimizer) is optional: without it the model still predicts.
            try {
                model = build(where, k, false);
            } catch (Exception e) {
                throw explain(name, k, e);
            }
        }
        restoreDropout(k, model);
        return new LoadedModel(file, name + " (Keras " + k.kerasVersion() + ")", model);
    }

    /**
     * DL4J 1.0.0-M2.1 reads a Keras 2 Dropout layer's rate from a "dropout" field, but Keras 2
     * writes it as "rate": the layer arrives keeping every value. Predictions are the same either
     * way; for training, the rate the file gives is put back.
     */
    private static void restoreDropout(KerasFile k, Model model) {
        for (KerasLayer l : k.layers()) {
            if (!l.className().equals("Dropout") || l.dropoutRate() <= 0 || l.dropoutRate() >= 1) continue;
            org.deeplearning4j.nn.api.Layer layer = model instanceof org.deeplearning4j.nn.multilayer.MultiLayerNetwork n
                    ? layerNamed(n, l.name())
                    : ((org.deeplearning4j.nn.graph.ComputationGraph) model).getVertex(l.name()) != null
                            && ((org.deeplearning4j.nn.graph.ComputationGraph) model).getVertex(l.name()).hasLayer()
                    ? ((org.deeplearning4j.nn.graph.ComputationGraph) model).getLayer(l.name()) : null;
            if (layer != null && layer.conf().getLayer() instanceof org.deeplearning4j.nn.conf.layers.DropoutLayer d
                    && (d.getIDropout() == null || (d.getIDropout() instanceof org.deeplearning4j.nn.conf.dropout.Dropout p && p.getP() == 1.0))) {
                d.setIDropout(new org.deeplearning4j.nn.conf.dropout.Dropout(1.0 - l.dropoutRate()));
            }
        }
    }

    private static org.deeplearning4j.nn.api.Layer layerNamed(org.deeplearning4j.nn.multilayer.MultiLayerNetwork n, String name) {
        for (org.deeplearning4j.nn.api.Layer l : n.getLayers()) {
            if (name.equals(l.conf().getLayer().getLayerName())) return l;
        }
        return null;
    }

    private static Model build(String path, KerasFile k, boolean withTraining)
            throws IOException, InvalidKerasConfigurationException, UnsupportedKerasConfigurationException {
        return k.isSequential()
                ? KerasModelImport.importKerasSequentialModelAndWeights(path, withTraining)
                : KerasModelImport.importKerasModelAndWeights(path, withTraining);
    }

    /** Reads the model's description from the file without importing it. */
    public static KerasFile inspect(Path file) throws ModelFileException {
        String name = file.getFileName().toString();
        if (!Files.isRegularFile(file)) throw new ModelFileException(file + ": no such file");
        byte[] head = ModelFiles.head(file, 8);
        if (!ModelFiles.startsWith(head, ModelFiles.HDF5_MAGIC)) {
            throw new ModelFileException(name + " is not an HDF5 file, so not a Keras model saved with model.save(\"....h5\")"
                    + (head.length >= 2 && head[0] == 'P' && head[1] == 'K' ? "; it is a zip file (a DL4J model?)" : ""));
        }
        String json;
        String version;
        boolean training;
        synchronized (Hdf5Archive.LOCK_OBJECT) {
            Hdf5Archive h5 = null;
            try {
                h5 = new Hdf5Archive(file.toAbsolutePath().toString());
                if (!h5.hasAttribute("model_config")) {
                    throw new ModelFileException(name + " is an HDF5 file but holds no Keras model (no model_config attribute);"
                            + " a file of weights only (model.save_weights) cannot be imported without the model");
                }
                json = h5.readAttributeAsJson("model_config");
                version = h5.hasAttribute("keras_version") ? h5.readAttributeAsString("keras_version") : "unknown version";
                training = h5.hasAttribute("training_config");
            } catch (ModelFileException e) {
                throw e;
            } catch (Exception | UnsatisfiedLinkError e) {
                throw new ModelFileException(name + ": the HDF5 file cannot be read: " + ModelFiles.firstLine(e), e);
            } finally {
                if (h5 != null) h5.close();
            }
        }
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(json);
        } catch (IOException e) {
            throw new ModelFileException(name + ": its model_config is not JSON: " + ModelFiles.firstLine(e), e);
        }
        String className = root.path("class_name").asText("");
        if (!List.of("Sequential", "Functional", "Model").contains(className)) {
            throw new ModelFileException(name + ": a Keras " + (className.isEmpty() ? "model of unknown kind" : className)
                    + " cannot be imported; DL4J imports Sequential and functional (Model) models");
        }
        JsonNode config = root.path("config");
        JsonNode layers = config.isArray() ? config : config.path("layers");
        List<KerasLayer> out = new ArrayList<>();
        for (JsonNode l : layers) {
            String n = l.path("config").path("name").asText(l.path("name").asText("?"));
            out.add(new KerasLayer(n, l.path("class_name").asText("?"), l.path("config").path("rate").asDouble(0)));
        }
        return new KerasFile(version.strip(), className, out, training);
    }

    private static ModelFileException explain(String name, KerasFile k, Exception e) {
        String message = ModelFiles.firstLine(e);
        Matcher m = UNSUPPORTED_TYPE.matcher(message);
        if (m.find()) {
            String type = m.group(1);
            List<String> which = k.layers().stream().filter(l -> l.className().equals(type)).map(l -> "'" + l.name() + "'").toList();
            return new ModelFileException(name + ": Keras layer " + (which.isEmpty() ? "" : String.join(", ", which) + " ")
                    + "(" + type + ") cannot be imported: DL4J 1.0.0-M2.1's Keras import has no " + type + " layer."
                    + " It imports, among others, Dense, Dropout, Flatten, Conv1D/2D, MaxPooling/AveragePooling, BatchNormalization,"
                    + " SimpleRNN, LSTM, Embedding and Concatenate/Add", e);
        }
        String kind = e instanceof UnsupportedKerasConfigurationException ? "uses something DL4J's Keras import does not support"
                : e instanceof InvalidKerasConfigurationException ? "is not a valid Keras model" : "cannot be imported";
        return new ModelFileException(name + " " + kind + ": " + message.replace(" Please file an issue at https://github.com/eclipse/deeplearning4j/issues.", ""), e);
    }
}
