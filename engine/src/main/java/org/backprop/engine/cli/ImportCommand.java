package org.backprop.engine.cli;

import org.backprop.engine.compile.CompileException;
import org.backprop.engine.compile.CompiledNetwork;
import org.backprop.engine.compile.NetworkCompiler;
import org.backprop.engine.data.DataException;
import org.backprop.engine.data.ProjectData;
import org.backprop.engine.finetune.FineTune;
import org.backprop.engine.model.LoadedModel;
import org.backprop.engine.model.ModelFileException;
import org.backprop.engine.model.ModelProjects;
import org.backprop.engine.project.DataSpec;
import org.backprop.engine.project.Project;
import org.backprop.engine.project.ProjectFiles;
import org.backprop.engine.runtime.Nd4jRuntime;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code workbench import MODEL --out PROJECT --data-from OTHER [--freeze-all-but-head] [--new-head N] ...}:
 * opens a trained model (a DL4J zip, or a Keras HDF5 file through DL4J's import) as a project that
 * starts from its weights, optionally with the fine-tuning edits applied. A Keras file is also
 * written as a DL4J zip ({@code --zip}), which the project then refers to.
 */
@Command(name = "import", description = {
        "Open a trained model (a DL4J zip, or a Keras .h5 file) as a project that starts from its weights.",
        "With --zip alone, only convert a Keras file to a DL4J zip."})
final class ImportCommand implements Callable<Integer> {

    @Parameters(paramLabel = "MODEL", description = "a DL4J model zip (ModelSerializer), or a Keras model saved as .h5")
    Path model;

    @Option(names = "--out", paramLabel = "PROJECT", description = "the project file to write (.bpw.json)")
    Path out;

    @Option(names = "--data-from", paramLabel = "PROJECT", description = "take the data of this project (its paths are rebased)")
    Path dataFrom;

    @Option(names = "--zip", paramLabel = "FILE", description = "where to write a Keras model as a DL4J zip (default: beside --out, named after MODEL)")
    Path zip;

    @Option(names = "--name", description = "the project's name (default: the file name of --out)")
    String name;

    @Option(names = "--classes", split = ",", paramLabel = "N", description = "train on these classes of the data only, relabelled from 0")
    List<Integer> classes;

    @Option(names = "--freeze", split = ",", paramLabel = "ID", description = "freeze these layers")
    List<String> freeze;

    @Option(names = "--freeze-all-but-head", description = "freeze every layer with parameters but the output layer")
    boolean freezeAllButHead;

    @Option(names = "--new-head", paramLabel = "CLASSES", description = "replace the output layer by a fresh one with this many units")
    Integer newHead;

    @Option(names = "--reinit", split = ",", paramLabel = "ID", description = "start these layers from fresh weights")
    List<String> reinit;

    @Option(names = "--learning-rate", paramLabel = "RATE", description = "the project's learning rate (e.g. lower, for fine-tuning)")
    Double learningRate;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        var err = spec.commandLine().getErr();
        var stdout = spec.commandLine().getOut();
        if (out == null && zip == null) {
            err.println("give --out PROJECT (and --data-from), or --zip FILE to convert a Keras file only");
            return WorkbenchCli.USAGE;
        }
        if (out != null && dataFrom == null) {
            err.println("--out needs --data-from PROJECT: a project trains on data; take it from a project that has the data");
            return WorkbenchCli.USAGE;
        }
        boolean keras = FineTune.isKerasFile(model);
        if (zip != null && !keras) {
            err.println("--zip converts Keras files; " + model.getFileName() + " is read as a DL4J zip already");
            return WorkbenchCli.USAGE;
        }
        Nd4jRuntime.start();
        try {
            DataSpec data = out == null ? null : data(dataFrom, out);
            LoadedModel loaded = FineTune.readModel(model);
            Path modelZip = model;
            if (keras) {
                modelZip = zip != null ? zip : out.toAbsolutePath().resolveSibling(stripExtension(model.getFileName().toString()) + ".zip");
                FineTune.writeZip(loaded, modelZip);
                stdout.println("Wrote " + modelZip + ": " + loaded.source() + " as a DL4J " + loaded.kind() + " of "
                        + String.format(java.util.Locale.ROOT, "%,d", loaded.parameterCount()) + " parameters");
                loaded = new LoadedModel(modelZip, loaded.source(), loaded.model());
            }
            if (out == null) {
                stdout.flush();
                return WorkbenchCli.OK;
            }
            ModelProjects.Opened opened = ModelProjects.open(loaded, FineTune.relative(out, modelZip),
                    name != null ? name : baseName(out), data);
            Project p = edit(opened.project());
            Path dir = out.toAbsolutePath().getParent();
            CompiledNetwork net = NetworkCompiler.compile(p, dir);
            ProjectData.load(p, dir);
            ProjectFiles.write(p, out);
            stdout.println("Wrote " + out + ": " + Summary.network(p, net));
            for (String note : opened.notes()) stdout.println("  note: " + note);
            stdout.flush();
            return WorkbenchCli.OK;
        } catch (LoadedProject.InvalidInput e) {
            err.println(e.getMessage());
        } catch (ModelFileException e) {
            err.println(e.getMessage());
        } catch (CompileException e) {
            err.println(model.getFileName() + " does not fit the project:\n  - " + String.join("\n  - ", e.problems()));
        } catch (DataException e) {
            err.println(model.getFileName() + " does not fit the data of " + dataFrom.getFileName() + ": " + e.getMessage());
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
        } catch (IOException e) {
            err.println("cannot write: " + e.getMessage());
        }
        return WorkbenchCli.INVALID_INPUT;
    }

    private Project edit(Project p) {
        if (classes != null) p = p.withData(p.data().withClasses(classes));
        if (freezeAllButHead) p = FineTune.freezeAllButHead(p);
        if (freeze != null) p = FineTune.freeze(p, freeze);
        if (reinit != null) p = FineTune.reinitialise(p, reinit);
        if (newHead != null) p = FineTune.replaceHead(p, newHead);
        if (learningRate != null) p = FineTune.learningRate(p, learningRate);
        return p;
    }

    /** The other project's data, its relative paths rewritten to start from the new project's folder. */
    static DataSpec data(Path from, Path to) throws LoadedProject.InvalidInput {
        Project other = LoadedProject.readProject(from);
        Path fromDir = from.toAbsolutePath().getParent();
        Path toDir = to.toAbsolutePath().getParent();
        return other.data().withPaths(p -> Path.of(p).isAbsolute() ? p
                : toDir.relativize(fromDir.resolve(p).normalize()).toString().replace('\\', '/'));
    }

    private static String baseName(Path file) {
        return stripExtension(file.getFileName().toString());
    }

    private static String stripExtension(String n) {
        for (String ext : List.of(".bpw.json", ".json", ".zip", ".h5", ".hdf5", ".keras")) {
            if (n.endsWith(ext)) return n.substring(0, n.length() - ext.length());
        }
        return n;
    }
}
