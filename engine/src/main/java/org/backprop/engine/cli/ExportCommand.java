package org.backprop.engine.cli;

import org.backprop.engine.compile.CompileException;
import org.backprop.engine.compile.CompiledNetwork;
import org.backprop.engine.compile.NetworkCompiler;
import org.backprop.engine.finetune.JavaSnippet;
import org.backprop.engine.model.LoadedModel;
import org.backprop.engine.model.ModelFileException;
import org.backprop.engine.model.ModelFiles;
import org.backprop.engine.project.LayerSpec;
import org.backprop.engine.project.Project;
import org.backprop.engine.runtime.Nd4jRuntime;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code workbench export PROJECT --model MODEL.zip --java FILE.java}: plain DL4J Java code that
 * rebuilds the project's network and loads the trained model zip into it. The zip is checked
 * against the project first, layer by layer.
 */
@Command(name = "export", description = "Write plain DL4J Java code that rebuilds a project's network and loads a trained model zip into it.")
final class ExportCommand implements Callable<Integer> {

    @Parameters(paramLabel = "PROJECT", description = "the project file (.bpw.json)")
    Path file;

    @Option(names = "--model", required = true, paramLabel = "ZIP", description = "the trained model (model.zip of workbench train)")
    Path model;

    @Option(names = "--java", required = true, paramLabel = "FILE", description = "the Java file to write; its name gives the class name")
    Path java;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        var err = spec.commandLine().getErr();
        var out = spec.commandLine().getOut();
        String className = JavaSnippet.className(java.getFileName().toString());
        if (!java.getFileName().toString().equals(className + ".java")) {
            err.println("--java must name a file CLASS.java where CLASS is a Java class name, e.g. " + className + ".java");
            return WorkbenchCli.USAGE;
        }
        Nd4jRuntime.start();
        try {
            Project project = LoadedProject.readProject(file);
            CompiledNetwork net = NetworkCompiler.compile(project, LoadedProject.baseDir(file));
            LoadedModel trained = ModelFiles.read(model);
            String mismatch = mismatch(project, net, trained);
            if (mismatch != null) {
                err.println(model.getFileName() + " was not trained from " + file.getFileName() + ": " + mismatch);
                return WorkbenchCli.INVALID_INPUT;
            }
            Path javaDir = java.toAbsolutePath().getParent();
            String modelRef = javaDir.relativize(model.toAbsolutePath()).toString().replace('\\', '/');
            Files.createDirectories(javaDir);
            Files.writeString(java, JavaSnippet.generate(project, net, modelRef, className), StandardCharsets.UTF_8);
            out.println("Wrote " + java + ": class " + className + " rebuilds " + Summary.network(project, net)
                    + "\n  and loads " + model + " into it (DL4J ModelSerializer zip)");
            out.flush();
            return WorkbenchCli.OK;
        } catch (LoadedProject.InvalidInput | ModelFileException e) {
            err.println(e.getMessage());
        } catch (CompileException e) {
            err.println(file.getFileName() + ": the network cannot be built:\n  - " + String.join("\n  - ", e.problems()));
        }
        return WorkbenchCli.INVALID_INPUT;
    }

    /** Null when the model has the project's layers with the same parameter shapes, else the first difference. */
    static String mismatch(Project project, CompiledNetwork net, LoadedModel trained) {
        if (net.isGraph() != trained.isGraph()) {
            return "the project compiles to a " + (net.isGraph() ? "ComputationGraph" : "MultiLayerNetwork") + ", the zip holds a " + trained.kind();
        }
        for (LayerSpec l : project.network().layers()) {
            var layer = net.layer(l.id());
            if (layer == null) continue;
            Map<String, org.nd4j.linalg.api.ndarray.INDArray> mine = layer.paramTable();
            if (mine.isEmpty()) continue;
            if (!trained.hasLayer(l.id())) return "it has no layer '" + l.id() + "'";
            Map<String, org.nd4j.linalg.api.ndarray.INDArray> theirs = trained.parameters(l.id());
            for (var e : mine.entrySet()) {
                var t = theirs.get(e.getKey());
                if (t == null || !Arrays.equals(t.shape(), e.getValue().shape())) {
                    return "layer '" + l.id() + "' has " + e.getKey() + " " + Arrays.toString(e.getValue().shape()) + " in the project, "
                            + (t == null ? "none" : Arrays.toString(t.shape())) + " in the zip";
                }
            }
        }
        if (net.parameterCount() != trained.parameterCount()) {
            return "it has " + trained.parameterCount() + " parameters, the project's network " + net.parameterCount();
        }
        return null;
    }
}
