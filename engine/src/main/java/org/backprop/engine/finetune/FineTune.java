package org.backprop.engine.finetune;

import org.backprop.engine.model.KerasImport;
import org.backprop.engine.model.LoadedModel;
import org.backprop.engine.model.ModelFileException;
import org.backprop.engine.model.ModelFiles;
import org.backprop.engine.model.ModelProjects;
import org.backprop.engine.project.DataSpec;
import org.backprop.engine.project.EdgeSpec;
import org.backprop.engine.project.LayerSpec;
import org.backprop.engine.project.LayerType;
import org.backprop.engine.project.NetworkSpec;
import org.backprop.engine.project.Project;
import org.deeplearning4j.util.ModelSerializer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Fine-tuning as project edits: open a trained model as a project, freeze layers, give it a new
 * head, reinitialise layers, lower learning rates. Each edit returns a new project (projects are
 * immutable), so the editor can offer each as an undoable command; the compiler turns the
 * result into DL4J's transfer-learning pieces (frozen layers as {@code FrozenLayerWithBackprop},
 * per-layer updaters, weights copied from the model by layer id).
 */
public final class FineTune {
    private FineTune() {}

    /** Model files this build opens: DL4J zips, and Keras HDF5 files through DL4J's import. */
    public static boolean isKerasFile(Path file) {
        String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".h5") || n.endsWith(".hdf5") || n.endsWith(".keras");
    }

    /** Reads a DL4J zip or imports a Keras HDF5 file, by its extension. */
    public static LoadedModel readModel(Path file) throws ModelFileException {
        return isKerasFile(file) ? KerasImport.read(file) : ModelFiles.read(file);
    }

    /**
     * Opens a DL4J model zip as a project that is to be saved as {@code projectFile}: its layers
     * as editor layers, its weights referred to by a path relative to the project's folder.
     *
     * @param data the data to train on, or null for the caller to choose
     */
    public static ModelProjects.Opened open(Path modelZip, Path projectFile, DataSpec data) throws ModelFileException {
        LoadedModel model = ModelFiles.read(modelZip);
        return ModelProjects.open(model, relative(projectFile, modelZip), baseName(projectFile), data);
    }

    /**
     * Imports a Keras HDF5 file: writes it as a DL4J zip ({@code zipOut}, which the project then
     * refers to) and opens that as a project. The zip is written even when the model cannot be
     * an editable project (a recurrent model, say); the exception then says why.
     */
    public static ModelProjects.Opened importKeras(Path h5, Path zipOut, Path projectFile, DataSpec data) throws ModelFileException, IOException {
        LoadedModel model = KerasImport.read(h5);
        writeZip(model, zipOut);
        return ModelProjects.open(new LoadedModel(zipOut, model.source(), model.model()), relative(projectFile, zipOut),
                baseName(projectFile), data);
    }

    /** Writes a model as DL4J's zip (ModelSerializer, with no updater state), atomically. */
    public static void writeZip(LoadedModel model, Path zip) throws IOException {
        Path dir = zip.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + zip.getFileName(), ".tmp");
        try {
            ModelSerializer.writeModel(model.model(), tmp.toFile(), false);
            Files.move(tmp, zip, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Freezes the given layers: training leaves their parameters bit for bit as they are. */
    public static Project freeze(Project p, Collection<String> ids) {
        return setFlag(p, ids, LayerType.Transfer.FROZEN.name(), true);
    }

    public static Project unfreeze(Project p, Collection<String> ids) {
        return setFlag(p, ids, LayerType.Transfer.FROZEN.name(), false);
    }

    /**
     * Freezes every layer with parameters except the output layer: the pretrained network becomes
     * a fixed feature extractor and only the head learns (DL4J's {@code setFeatureExtractor} on the
     * layer before the output).
     */
    public static Project freezeAllButHead(Project p) {
        List<String> ids = p.network().layers().stream()
                .filter(l -> l.type().isTrainable() && l.type() != LayerType.OUTPUT).map(LayerSpec::id).toList();
        return freeze(p, ids);
    }

    /** The layers to start from fresh weights although {@code weightsFrom} has them. */
    public static Project reinitialise(Project p, Collection<String> ids) {
        return setFlag(p, ids, LayerType.Transfer.REINIT.name(), true);
    }

    /**
     * Replaces the head for a task with {@code classes} classes: the output layer gets that many
     * units and fresh weights ({@code reinit}), whatever the model's head had learnt.
     */
    public static Project replaceHead(Project p, int classes) {
        LayerSpec out = output(p);
        LayerSpec head = out.with("units", classes).with(LayerType.Transfer.REINIT.name(), true)
                .without(LayerType.Transfer.FROZEN.name());
        if (classes == 1 && out.stringValue("activation").equals("softmax")) {
            head = head.with("activation", "sigmoid").with("loss", "xent");
        }
        return p.withNetwork(p.network().withLayer(head));
    }

    /**
     * Keeps the old head as a hidden dense layer (its weights kept, its activation replaced) and
     * adds a new output layer with {@code classes} units after it.
     *
     * @param hiddenActivation the old head's activation as a hidden layer, e.g. "relu"
     */
    public static Project addHead(Project p, String newId, int classes, String hiddenActivation) {
        if (p.network().layer(newId).isPresent()) throw new IllegalArgumentException("the network already has a layer '" + newId + "'");
        LayerSpec old = output(p);
        LayerSpec hidden = new LayerSpec(old.id(), LayerType.DENSE, java.util.Map.of(), old.parameters(), old.position())
                .with("units", old.intValue("units")).with("activation", hiddenActivation);
        for (String k : List.of(LayerType.Transfer.FROZEN.name(), LayerType.Transfer.REINIT.name(), LayerType.Transfer.LEARNING_RATE.name())) {
            if (old.properties().containsKey(k)) hidden = hidden.with(k, old.get(k));
        }
        LayerSpec head = LayerSpec.of(newId, LayerType.OUTPUT, "units", classes,
                "activation", classes == 1 ? "sigmoid" : "softmax", "loss", classes == 1 ? "xent" : "mcxent");
        List<LayerSpec> layers = new ArrayList<>(p.network().layers());
        layers.set(layers.indexOf(old), hidden);
        layers.add(head);
        List<EdgeSpec> edges = new ArrayList<>(p.network().edges());
        edges.add(EdgeSpec.forward(old.id(), newId));
        return p.withNetwork(new NetworkSpec(p.network().weightsFrom(), layers, edges));
    }

    /** One layer's own learning rate; 0 gives it back the project's. */
    public static Project layerLearningRate(Project p, String id, double learningRate) {
        LayerSpec l = layer(p, id);
        String k = LayerType.Transfer.LEARNING_RATE.name();
        return p.withNetwork(p.network().withLayer(learningRate == 0 ? l.without(k) : l.with(k, learningRate)));
    }

    /** The project's learning rate, for every layer without one of its own. */
    public static Project learningRate(Project p, double learningRate) {
        return p.withTraining(p.training().withOptimizer(p.training().optimizer().withLearningRate(learningRate)));
    }

    /** The same network from fresh weights: no {@code weightsFrom}, nothing frozen or reinitialised. */
    public static Project fromScratch(Project p) {
        List<LayerSpec> layers = p.network().layers().stream()
                .map(l -> l.without(LayerType.Transfer.FROZEN.name()).without(LayerType.Transfer.REINIT.name())).toList();
        return p.withNetwork(new NetworkSpec(null, layers, p.network().edges()));
    }

    private static Project setFlag(Project p, Collection<String> ids, String flag, boolean on) {
        Set<String> want = Set.copyOf(ids);
        NetworkSpec net = p.network();
        for (String id : want) {
            LayerSpec l = layer(p, id);
            if (!l.type().isTrainable()) {
                throw new IllegalArgumentException(l.describe() + " holds no parameters, so it cannot be " + (flag.equals("frozen") ? "frozen" : "reinitialised"));
            }
            net = net.withLayer(on ? l.with(flag, true) : l.without(flag));
        }
        return p.withNetwork(net);
    }

    private static LayerSpec layer(Project p, String id) {
        return p.network().layer(id).orElseThrow(() -> new IllegalArgumentException("the network has no layer '" + id + "'; it has "
                + String.join(", ", p.network().layers().stream().map(LayerSpec::id).toList())));
    }

    private static LayerSpec output(Project p) {
        return p.network().layers().stream().filter(l -> l.type() == LayerType.OUTPUT).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("the network has no output layer"));
    }

    /** The model's path as the project refers to it: relative to the project file's folder, with forward slashes. */
    public static String relative(Path projectFile, Path model) {
        Path dir = projectFile.toAbsolutePath().getParent();
        return dir.relativize(model.toAbsolutePath()).normalize().toString().replace('\\', '/');
    }

    private static String baseName(Path file) {
        String n = file.getFileName().toString();
        for (String ext : List.of(".bpw.json", ".json", ".zip", ".h5")) {
            if (n.endsWith(ext)) return n.substring(0, n.length() - ext.length());
        }
        return n;
    }
}
