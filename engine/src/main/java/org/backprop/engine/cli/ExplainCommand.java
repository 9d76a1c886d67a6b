package org.backprop.engine.cli;

import org.backprop.engine.project.Project;
import org.backprop.engine.stepthrough.StepThrough;
import org.backprop.engine.stepthrough.StepThroughException;
import org.backprop.engine.stepthrough.StepThroughSupport;
import org.backprop.engine.stepthrough.Transcript;
import org.backprop.engine.stepthrough.TranscriptJson;
import org.backprop.engine.stepthrough.TranscriptMarkdown;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code workbench explain PROJECT [--format md|json] [--example N]...}: one training iteration
 * written out step by step with DL4J's own numbers, as a Markdown handout or as JSON.
 */
@Command(name = "explain",
        description = "Explain one training iteration step by step: forward pass, loss, chain rule and update, with DL4J's own numbers.")
final class ExplainCommand implements Callable<Integer> {

    enum Format { md, json }

    @Parameters(paramLabel = "PROJECT", description = "the project file (.bpw.json)")
    Path file;

    @Option(names = "--format", paramLabel = "md|json", defaultValue = "md",
            description = "md: Markdown with LaTeX, for handouts (default); json: every number in full precision, for tools")
    Format format;

    @Option(names = "--example", paramLabel = "N",
            description = "explain training example N (counted from 1); repeat it for a batch of up to "
                    + StepThroughSupport.MAX_EXAMPLES + ". Default: the project's first batch if it has at most "
                    + StepThroughSupport.MAX_EXAMPLES + " examples, else example 1")
    List<Integer> examples = List.of();

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        var err = spec.commandLine().getErr();
        if (examples.stream().anyMatch(n -> n < 1)) {
            err.println("--example counts from 1");
            return WorkbenchCli.USAGE;
        }
        Transcript transcript;
        try {
            Project project = LoadedProject.readProject(file);
            List<Integer> rows = examples.stream().map(n -> n - 1).toList();
            transcript = StepThrough.open(project, file.toAbsolutePath().getParent(), rows).next();
        } catch (LoadedProject.InvalidInput e) {
            err.println(e.getMessage());
            return WorkbenchCli.INVALID_INPUT;
        } catch (StepThroughException e) {
            err.println(file.getFileName() + ": cannot be explained step by step:\n  - " + e.getMessage().replace("\n", "\n  - "));
            return WorkbenchCli.INVALID_INPUT;
        }
        out.print(format == Format.json ? TranscriptJson.render(transcript) : TranscriptMarkdown.render(transcript));
        out.flush();
        return WorkbenchCli.OK;
    }
}
