package org.backprop.engine.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.util.ModelSerializer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Reads DL4J model zips (ModelSerializer's format: {@code configuration.json} plus
 * {@code coefficients.bin}), checking the file first so that a damaged or foreign file gives a
 * sentence, not a stack trace from deep inside DL4J.
 */
public final class ModelFiles {
    static final String CONFIGURATION = "configuration.json";
    static final String COEFFICIENTS = "coefficients.bin";
    private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};
    private static final byte[] EMPTY_ZIP_MAGIC = {'P', 'K', 5, 6};
    static final byte[] HDF5_MAGIC = {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n'};

    private ModelFiles() {}

    /** Reads a model zip with its weights (not its updater state). */
    public static LoadedModel read(Path file) throws ModelFileException {
        String name = file.getFileName().toString();
        boolean graph = check(file);
        try {
            Model model = graph
                    ? ModelSerializer.restoreComputationGraph(file.toFile(), false)
                    : ModelSerializer.restoreMultiLayerNetwork(file.toFile(), false);
            return new LoadedModel(file, name, model);
        } catch (IOException | RuntimeException e) {
            throw new ModelFileException(name + ": DL4J cannot restore the model: " + firstLine(e), e);
        }
    }

    /**
     * Checks that the file is a complete zip holding a DL4J configuration and weights, without
     * building the network; returns true for a ComputationGraph, false for a MultiLayerNetwork.
     */
    static boolean check(Path file) throws ModelFileException {
        String name = file.getFileName().toString();
        if (!Files.isRegularFile(file)) throw new ModelFileException(file + ": no such file");
        byte[] head = head(file, 8);
        if (startsWith(head, HDF5_MAGIC)) {
            throw new ModelFileException(name + " is an HDF5 file (a Keras model?), not a DL4J model zip; import it as a Keras model");
        }
        if (head.length == 0) throw new ModelFileException(name + " is empty, not a DL4J model zip");
        if (!startsWith(head, ZIP_MAGIC) && !startsWith(head, EMPTY_ZIP_MAGIC)) {
            throw new ModelFileException(name + " is not a zip file, so not a DL4J model (DL4J's ModelSerializer writes zips)");
        }
        String configuration;
        try (ZipFile zip = new ZipFile(file.toFile())) {
            List<String> entries = new ArrayList<>();
            for (Enumeration<? extends ZipEntry> en = zip.entries(); en.hasMoreElements(); ) entries.add(en.nextElement().getName());
            if (!entries.contains(CONFIGURATION)) {
                throw new ModelFileException(name + " is a zip file but not a DL4J model: it has no " + CONFIGURATION
                        + " (it holds " + (entries.isEmpty() ? "nothing" : listed(entries)) + ")");
            }
            if (!entries.contains(COEFFICIENTS)) {
                throw new ModelFileException(name + " has a DL4J configuration but no weights (" + COEFFICIENTS + ")");
            }
            // Reading every entry checks its CRC: a damaged file fails here, with its entry named.
            for (String entry : entries) {
                try (InputStream in = zip.getInputStream(zip.getEntry(entry))) {
                    in.transferTo(OutputStream.nullOutputStream());
                } catch (IOException e) {
                    throw new ModelFileException(name + " is damaged: its entry " + entry + " cannot be read (" + e.getMessage() + ")", e);
                }
            }
            try (InputStream in = zip.getInputStream(zip.getEntry(CONFIGURATION))) {
                configuration = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        } catch (ZipException e) {
            throw new ModelFileException(name + " is damaged or truncated (" + size(file) + "): it starts like a zip"
                    + " file but its table of contents cannot be read (" + e.getMessage() + ")", e);
        } catch (IOException e) {
            throw new ModelFileException(name + ": cannot be read: " + e.getMessage(), e);
        }
        return isGraph(name, configuration);
    }

    private static boolean isGraph(String name, String json) throws ModelFileException {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(json);
        } catch (IOException e) {
            throw new ModelFileException(name + ": " + CONFIGURATION + " is not JSON, so not a DL4J configuration (" + firstLine(e) + ")", e);
        }
        boolean graph = root != null && root.has("vertices");
        boolean chain = root != null && root.has("confs");
        if (!graph && !chain) {
            throw new ModelFileException(name + ": " + CONFIGURATION + " is not a DL4J network configuration"
                    + " (neither a MultiLayerNetwork's \"confs\" nor a ComputationGraph's \"vertices\")");
        }
        try {
            if (graph) ComputationGraphConfiguration.fromJson(json);
            else MultiLayerConfiguration.fromJson(json);
        } catch (RuntimeException e) {
            throw new ModelFileException(name + ": " + CONFIGURATION + " cannot be read by DL4J " + "1.0.0-M2.1: " + firstLine(e), e);
        }
        return graph;
    }

    static byte[] head(Path file, int n) throws ModelFileException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(n);
        } catch (IOException e) {
            throw new ModelFileException(file.getFileName() + ": cannot be read: " + e.getMessage(), e);
        }
    }

    static boolean startsWith(byte[] head, byte[] magic) {
        if (head.length < magic.length) return false;
        for (int i = 0; i < magic.length; i++) if (head[i] != magic[i]) return false;
        return true;
    }

    private static String listed(List<String> entries) {
        List<String> shown = entries.size() > 5 ? entries.subList(0, 5) : entries;
        return String.join(", ", shown) + (entries.size() > 5 ? " and " + (entries.size() - 5) + " more" : "");
    }

    static String firstLine(Throwable e) {
        Throwable t = e;
        while (t.getMessage() == null && t.getCause() != null) t = t.getCause();
        String m = String.valueOf(t.getMessage());
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    private static String size(Path p) {
        try {
            return String.format(java.util.Locale.ROOT, "%,d bytes", Files.size(p));
        } catch (IOException e) {
            return "size unknown";
        }
    }
}
