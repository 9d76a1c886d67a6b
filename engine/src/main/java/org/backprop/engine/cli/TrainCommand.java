package org.backprop.engine.cli;

import org.backprop.engine.diagnosis.Diagnosis;
import org.backprop.engine.diagnosis.DiagnosisJson;
import org.backprop.engine.diagnosis.Finding;
import org.backprop.engine.project.Project;
import org.backprop.engine.runtime.Nd4jRuntime;
import org.backprop.engine.telemetry.SessionTelemetry;
import org.backprop.engine.telemetry.Telemetry;
import org.backprop.engine.telemetry.TelemetryConfig;
import org.backprop.engine.telemetry.TelemetryJson;
import org.backprop.engine.train.MetricsCsv;
import org.backprop.engine.train.ModelZip;
import org.backprop.engine.train.TrainingPlan;
import org.backprop.engine.train.TrainingSession;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/**
 * {@code workbench train PROJECT --out DIR [--epochs N | --iterations N]}: trains headless and
 * writes metrics.csv, model.zip (DL4J ModelSerializer), summary.txt, telemetry.json and
 * diagnosis.json into DIR. A NaN or Inf pauses the run (see SessionTelemetry); what was trained
 * until then is written as usual.
 */
@Command(name = "train", description = "Train a project with DL4J and write metrics.csv, model.zip, summary.txt, telemetry.json and diagnosis.json.")
final class TrainCommand implements Callable<Integer> {

    @Parameters(paramLabel = "PROJECT", description = "the project file (.bpw.json)")
    Path file;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "folder for the outputs (created if missing)")
    Path out;

    @ArgGroup(exclusive = true)
    Length length;

    static final class Length {
        @Option(names = "--epochs", paramLabel = "N", description = "train N epochs instead of the project's number")
        Integer epochs;

        @Option(names = "--iterations", paramLabel = "N", description = "train exactly N iterations (minibatches)")
        Long iterations;
    }

    @Option(names = "--progress", negatable = true, description = "show a progress bar (default: only on a terminal)")
    Boolean progress;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        var err = spec.commandLine().getErr();
        var stdout = spec.commandLine().getOut();
        if (length != null && ((length.iterations != null && length.iterations < 1) || (length.epochs != null && length.epochs < 1))) {
            err.println("--epochs and --iterations must be at least 1");
            return WorkbenchCli.USAGE;
        }
        LoadedProject loaded;
        try {
            Project project = LoadedProject.readProject(file);
            loaded = LoadedProject.load(file, project);
        } catch (LoadedProject.InvalidInput e) {
            err.println(e.getMessage());
            return WorkbenchCli.INVALID_INPUT;
        }
        Files.createDirectories(out);
        String backend = Nd4jRuntime.start().toString();
        TrainingPlan plan = plan(loaded.project());
        try (TrainingSession session = loaded.session()) {
            session.setPlan(plan);
            Telemetry telemetry = SessionTelemetry.attach(session, TelemetryConfig.defaults()).telemetry();
            long batchesPerEpoch = (loaded.data().train().numExamples() + loaded.project().training().batchSize() - 1)
                    / loaded.project().training().batchSize();
            long total = plan.maxIterations() > 0 ? plan.maxIterations() : batchesPerEpoch * plan.epochs();
            ProgressBar bar = new ProgressBar(err, total, progress != null ? progress : System.console() != null);
            long start = System.nanoTime();
            session.start();
            while (!session.awaitIdle(200, TimeUnit.MILLISECONDS)) bar.update(session.metrics());
            bar.finish();
            double seconds = (System.nanoTime() - start) / 1e9;
            if (session.state() == TrainingSession.State.FAILED) {
                err.println("training failed: " + session.failure());
                return WorkbenchCli.TRAINING_FAILED;
            }
            MetricsCsv.write(session.metrics(), out.resolve("metrics.csv"));
            ModelZip.write(session.network(), out.resolve("model.zip"));
            TelemetryJson.write(telemetry, out.resolve("telemetry.json"));
            List<Finding> findings = Diagnosis.standard().findings(telemetry);
            DiagnosisJson.write(loaded.project().name(), telemetry, findings, out.resolve("diagnosis.json"));
            String summary = Summary.training(loaded.project(), session.network(), session.metrics(), seconds, backend, out.toString())
                    + Summary.diagnosis(telemetry, findings);
            Files.writeString(out.resolve("summary.txt"), summary, StandardCharsets.UTF_8);
            stdout.print(summary);
            stdout.flush();
            return WorkbenchCli.OK;
        }
    }

    private TrainingPlan plan(Project p) {
        if (length != null && length.iterations != null) {
            return TrainingPlan.iterations(length.iterations);
        }
        if (length != null && length.epochs != null) {
            return TrainingPlan.epochs(length.epochs);
        }
        return TrainingPlan.epochs(p.training().epochs());
    }
}
