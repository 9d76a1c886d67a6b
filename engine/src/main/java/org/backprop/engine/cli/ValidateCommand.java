package org.backprop.engine.cli;

import org.backprop.engine.compile.CompiledNetwork;
import org.backprop.engine.compile.NetworkCompiler;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code workbench validate PROJECT}: exit 0 when the project can train, else say what is wrong. */
@Command(name = "validate", description = "Check that a project file is well formed, its network connects and its data fits.")
final class ValidateCommand implements Callable<Integer> {

    @Parameters(paramLabel = "PROJECT", description = "the project file (.bpw.json)")
    Path file;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        var out = spec.commandLine().getOut();
        var err = spec.commandLine().getErr();
        try {
            LoadedProject p = LoadedProject.load(file, LoadedProject.readProject(file));
            CompiledNetwork net = NetworkCompiler.compile(p.project(), p.baseDir());
            out.println(file.getFileName() + ": valid. " + Summary.network(p.project(), net));
            out.println("  data: " + p.data().description());
            return WorkbenchCli.OK;
        } catch (org.backprop.engine.compile.CompileException e) {
            err.println(file.getFileName() + ": the network cannot be built:\n  - " + String.join("\n  - ", e.problems()));
            return WorkbenchCli.INVALID_INPUT;
        } catch (LoadedProject.InvalidInput e) {
            err.println(e.getMessage());
            return WorkbenchCli.INVALID_INPUT;
        }
    }
}
