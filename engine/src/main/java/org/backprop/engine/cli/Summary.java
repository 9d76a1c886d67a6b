package org.backprop.engine.cli;

import org.backprop.engine.compile.CompiledNetwork;
import org.backprop.engine.compile.LayerInfo;
import org.backprop.engine.diagnosis.Finding;
import org.backprop.engine.diagnosis.FindingText;
import org.backprop.engine.project.LayerSpec;
import org.backprop.engine.project.Project;
import org.backprop.engine.telemetry.Telemetry;
import org.backprop.engine.train.Evaluation;
import org.backprop.engine.train.MetricsLog;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The one-screen texts the commands print. */
final class Summary {
    private Summary() {}

    /** "input 2 → hidden dense 3 tanh → output 1 sigmoid/mse; 13 parameters" */
    static String network(Project project, CompiledNetwork net) {
        String chain = project.network().layers().stream().map(l -> describe(l, net.layers().get(l.id())))
                .collect(Collectors.joining(" -> "));
        String trainable = net.frozenLayers().isEmpty() ? ""
                : String.format(Locale.ROOT, ", %,d of them trained", net.trainableParameterCount());
        String from = project.network().weightsFrom() == null ? "" : "; weights from " + project.network().weightsFrom() + " ("
                + net.weightSources().entrySet().stream()
                        .filter(e -> e.getValue() != org.backprop.engine.compile.WeightSource.NONE)
                        .map(e -> e.getKey() + " " + e.getValue().name().toLowerCase(Locale.ROOT))
                        .collect(Collectors.joining(", ")) + ")";
        return chain + "; " + String.format(Locale.ROOT, "%,d", net.parameterCount()) + " parameters" + trainable + " ("
                + (net.isGraph() ? "ComputationGraph" : "MultiLayerNetwork") + ")" + from;
    }

    private static String describe(LayerSpec l, LayerInfo info) {
        return describeType(l, info) + (l.frozen() ? " (frozen)" : "");
    }

    private static String describeType(LayerSpec l, LayerInfo info) {
        String shape = info == null ? "?" : info.outputShape();
        return switch (l.type()) {
            case INPUT -> l.id() + " " + shape;
            case DENSE -> l.id() + " dense " + shape + " " + l.stringValue("activation");
            case OUTPUT -> l.id() + " " + shape + " " + l.stringValue("activation") + "/" + l.stringValue("loss");
            default -> l.id() + " " + l.type().id() + " " + shape;
        };
    }

    static String training(Project p, CompiledNetwork net, MetricsLog log, double seconds, String backend, String outDir) {
        StringBuilder b = new StringBuilder();
        var t = p.training();
        int iterations = log.size();
        int epochs = iterations == 0 ? 0 : log.last().epoch() + 1;
        Evaluation ev = log.lastEvaluation();
        b.append("Trained ").append(p.name()).append('\n');
        b.append(row("network", network(p, net)));
        b.append(row("optimizer", t.optimizer().type().name().toLowerCase(Locale.ROOT) + ", learning rate "
                + t.optimizer().learningRate() + ", batch " + t.batchSize() + ", seed " + t.seed() + ", "
                + t.dataType().name().toLowerCase(Locale.ROOT)));
        b.append(row("run", String.format(Locale.ROOT, "%d epoch(s), %,d iterations in %.1f s on %s",
                epochs, iterations, seconds, backend)));
        if (iterations > 0) {
            b.append(row("loss", String.format(Locale.ROOT, "first %.5f, final %.5f", log.get(0).loss(), log.last().loss())));
        }
        if (ev != null) {
            String acc = Double.isNaN(ev.testAccuracy()) ? "" : String.format(Locale.ROOT, ", test accuracy %.1f%%", 100 * ev.testAccuracy());
            b.append(row("evaluation", String.format(Locale.ROOT, "train loss %.5f, test loss %.5f%s", ev.trainLoss(), ev.testLoss(), acc)));
        }
        b.append(row("wrote", outDir + "/metrics.csv, model.zip, summary.txt, telemetry.json, diagnosis.json"));
        return b.toString();
    }

    /** "diagnosis  vanishing gradients (h1, h2); ..." or "no problems found"; first, a NaN pause. */
    static String diagnosis(Telemetry t, List<Finding> findings) {
        StringBuilder b = new StringBuilder();
        t.nonFinite().ifPresent(e -> b.append(row("paused", "at iteration " + e.iteration() + ": NaN/Inf in the "
                + e.source().name().toLowerCase(Locale.ROOT) + " of " + e.layer())));
        FindingText text = new FindingText(Locale.ROOT);
        String list = findings.isEmpty() ? "no problems found"
                : findings.stream().map(f -> text.title(f) + " (" + String.join(", ", f.layers()) + ")").collect(Collectors.joining("; "));
        b.append(row("diagnosis", list));
        return b.toString();
    }

    private static String row(String key, String value) {
        return String.format(Locale.ROOT, "  %-11s%s%n", key, value);
    }
}
