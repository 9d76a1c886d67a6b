package org.backprop.engine.cli;

import org.backprop.engine.diagnosis.Diagnosis;
import org.backprop.engine.diagnosis.DiagnosisJson;
import org.backprop.engine.diagnosis.DiagnosisText;
import org.backprop.engine.diagnosis.Finding;
import org.backprop.engine.diagnosis.FindingText;
import org.backprop.engine.runtime.Nd4jRuntime;
import org.backprop.engine.telemetry.SessionTelemetry;
import org.backprop.engine.telemetry.Telemetry;
import org.backprop.engine.telemetry.TelemetryConfig;
import org.backprop.engine.train.TrainingPlan;
import org.backprop.engine.train.TrainingSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/**
 * {@code workbench diagnose PROJECT [--iterations N] [--format text|json]}: trains briefly with
 * gradient telemetry and says what is wrong (vanishing or exploding gradients, update sizes,
 * activations, NaN/Inf) and what to try. Writes nothing.
 */
@Command(name = "diagnose", description = "Train briefly with gradient telemetry and explain what goes wrong (vanishing or exploding gradients, NaN, ...) and what to try.")
final class DiagnoseCommand implements Callable<Integer> {

    enum Format { text, json }

    @Parameters(paramLabel = "PROJECT", description = "the project file (.bpw.json)")
    Path file;

    @Option(names = "--iterations", paramLabel = "N", defaultValue = "200", description = "iterations (minibatches) to train; default ${DEFAULT-VALUE}")
    long iterations;

    @Option(names = "--sample-every", paramLabel = "N", defaultValue = "10", description = "take full statistics every N iterations; default ${DEFAULT-VALUE}")
    int sampleEvery;

    @Option(names = "--format", defaultValue = "text", description = "text (plain words) or json; default ${DEFAULT-VALUE}")
    Format format;

    @Option(names = "--lang", paramLabel = "TAG", description = "language of the text, e.g. en or zh-CN; default: the system's")
    String lang;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        var err = spec.commandLine().getErr();
        var out = spec.commandLine().getOut();
        if (iterations < 1 || sampleEvery < 1) {
            err.println("--iterations and --sample-every must be at least 1");
            return WorkbenchCli.USAGE;
        }
        LoadedProject loaded;
        try {
            loaded = LoadedProject.load(file, LoadedProject.readProject(file));
        } catch (LoadedProject.InvalidInput e) {
            err.println(e.getMessage());
            return WorkbenchCli.INVALID_INPUT;
        }
        Nd4jRuntime.start();
        try (TrainingSession session = loaded.session()) {
            Telemetry telemetry = SessionTelemetry.attach(session,
                    TelemetryConfig.defaults().withSamplingInterval(sampleEvery).withTimeStepInterval(sampleEvery)).telemetry();
            session.setPlan(TrainingPlan.iterations(iterations));
            session.start();
            while (!session.awaitIdle(1, TimeUnit.SECONDS)) {
                // a NaN pauses the run: awaitIdle returns then too
            }
            if (session.state() == TrainingSession.State.FAILED) {
                err.println("training failed: " + session.failure());
                return WorkbenchCli.TRAINING_FAILED;
            }
            List<Finding> findings = Diagnosis.standard().findings(telemetry);
            String name = loaded.project().name();
            if (format == Format.json) {
                out.println(DiagnosisJson.toJson(name, telemetry, findings));
            } else {
                Locale locale = lang == null ? Locale.getDefault() : Locale.forLanguageTag(lang);
                out.print(DiagnosisText.render(new FindingText(locale), name, telemetry, findings));
            }
            out.flush();
            return WorkbenchCli.OK;
        }
    }
}
