package org.backprop.engine.train;

import org.backprop.engine.compile.CompiledNetwork;
import org.deeplearning4j.util.ModelSerializer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Saves a model as DL4J's own zip (ModelSerializer), loadable by plain DL4J code. */
public final class ModelZip {
    private ModelZip() {}

    /** Writes atomically, with the updater state so that training can go on from it. */
    public static void write(CompiledNetwork network, Path file) throws IOException {
        Path tmp = file.resolveSibling("." + file.getFileName() + ".tmp");
        ModelSerializer.writeModel(network.model(), tmp.toFile(), true);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
