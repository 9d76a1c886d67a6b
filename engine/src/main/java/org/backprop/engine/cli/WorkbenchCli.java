package org.backprop.engine.cli;

import org.backprop.engine.runtime.BuildInfo;
import org.backprop.engine.runtime.Nd4jRuntime;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The headless command line: {@code workbench train|validate|explain|diagnose|import|export ...}. Scripts and lessons depend
 * on these commands and their options: extend, never rename.
 */
@Command(name = "workbench",
        mixinStandardHelpOptions = true,
        versionProvider = WorkbenchCli.Version.class,
        description = "Backprop Workbench: build neural networks, train them with Deeplearning4j, see backpropagation.",
        subcommands = {TrainCommand.class, ValidateCommand.class, ExplainCommand.class, DiagnoseCommand.class,
                ImportCommand.class, ExportCommand.class})
public final class WorkbenchCli implements Runnable {

    /** Exit codes every command shares. */
    public static final int OK = 0;
    public static final int INVALID_INPUT = 1;
    public static final int USAGE = 2;
    public static final int TRAINING_FAILED = 3;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs one command and returns its exit code; never calls System.exit. */
    public static int run(String... args) {
        Nd4jRuntime.configure();
        CommandLine cli = new CommandLine(new WorkbenchCli());
        cli.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            cmd.getErr().println("error: " + ex.getMessage());
            return TRAINING_FAILED;
        });
        try {
            return cli.execute(args);
        } catch (ExceptionInInitializerError | NoClassDefFoundError | UnsatisfiedLinkError e) {
            // ND4J loads its native backend on first use; picocli passes Errors through.
            cli.getErr().println("error: ND4J did not start: " + Nd4jRuntime.startFailure(e));
            return TRAINING_FAILED;
        }
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** "Backprop Workbench 0.1.0" from the jar manifest, then the build line if the jar has one. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            BuildInfo b = BuildInfo.current();
            String first = "Backprop Workbench " + b.versionText();
            return b.buildText().isEmpty() ? new String[]{first} : new String[]{first, b.buildText()};
        }
    }
}
