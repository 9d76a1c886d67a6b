package org.backprop.app.dataset;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.backprop.app.editor.EditorViewModel;
import org.backprop.app.i18n.Messages;
import org.backprop.engine.data.DataLoader;
import org.backprop.engine.project.DataSpec;
import org.backprop.engine.project.LayerSpec;
import org.backprop.engine.project.LayerType;
import org.backprop.engine.project.Project;
import org.backprop.visual.fx.FrameCoalescer;
import org.nd4j.linalg.api.buffer.DataType;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * The data set of the project being edited: loaded off the UI thread whenever what it depends on
 * changes (the data spec, the project's folder, the output layer that decides the encoding), and
 * edited through the editor's undoable commands. No controls.
 */
public final class DataSetViewModel {
    /** Sources that need no file, offered in the source list. */
    static final List<String> GENERATED = DataSpec.SOURCES.stream()
            .filter(s -> !List.of("idx", "csv", "table", "text").contains(s)).toList();
    private static final List<String> NOISY_2D = List.of("xor", "circle", "gaussians", "spiral", "plane");
    private static final List<String> NOISY_SEQUENCES = List.of("sine", "sawtooth", "square");

    private final FrameCoalescer ui;
    private final Executor background;
    private final EditorViewModel editor;
    private final ReadOnlyObjectWrapper<DataSummary> summary = new ReadOnlyObjectWrapper<>(this, "summary");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyObjectWrapper<DataSpec> spec = new ReadOnlyObjectWrapper<>(this, "spec");
    private Request requested;

    /** Everything a load depends on: equal requests give equal data. */
    record Request(DataSpec spec, Path baseDir, int outputUnits, String loss, boolean lastStepOnly) {}

    public DataSetViewModel(FrameCoalescer ui, Executor background, EditorViewModel editor) {
        this.ui = ui;
        this.background = background;
        this.editor = editor;
        editor.projectProperty().addListener((o, was, p) -> refresh());
        editor.fileProperty().addListener((o, was, f) -> refresh());
        refresh();
    }

    private void refresh() {
        Project p = editor.project();
        spec.set(p == null ? null : p.data());
        if (p == null) {
            requested = null;
            summary.set(null);
            error.set("");
            loading.set(false);
            return;
        }
        Request r = request(p, editor.fileProperty().get());
        if (r.equals(requested)) return;
        requested = r;
        loading.set(true);
        background.execute(() -> {
            DataSummary s = null;
            String problem = "";
            try {
                s = DataSummary.of(DataLoader.load(r.spec(), r.baseDir(), DataType.FLOAT, r.outputUnits(), r.loss(),
                        r.lastStepOnly()), r.spec().isSequence());
            } catch (Exception e) {
                problem = e.getMessage() == null ? e.toString() : e.getMessage();
            }
            DataSummary loaded = s;
            String why = problem;
            ui.post(() -> {
                if (!r.equals(requested)) return; // a newer request is on its way
                summary.set(loaded);
                error.set(why);
                loading.set(false);
            });
        });
    }

    /** As {@code ProjectData} loads it for training: the output layer decides how targets are encoded. */
    static Request request(Project p, Path file) {
        LayerSpec out = p.network().layers().stream().filter(l -> l.type() == LayerType.OUTPUT).findFirst().orElse(null);
        Path dir = file == null || file.toAbsolutePath().getParent() == null ? Path.of("").toAbsolutePath()
                : file.toAbsolutePath().getParent();
        return new Request(p.data(), dir, out == null ? 1 : out.intValue("units"), out == null ? null : out.stringValue("loss"),
                out != null && out.stringValue("steps").equals("last"));
    }

    // ---- edits -------------------------------------------------------------------------------

    /** The sources to offer: those that need no file, and the current one. */
    public List<String> sources() {
        List<String> all = new ArrayList<>(GENERATED);
        DataSpec d = spec.get();
        if (d != null && !all.contains(d.source())) all.add(d.source());
        return all;
    }

    public void setSource(String source) {
        DataSpec d = spec.get();
        if (d == null || source == null || source.equals(d.source())) return;
        editor.setData(forSource(d, source), "source");
    }

    /** A spec of {@code source} that keeps the old seed and split, and its size and noise where they apply. */
    static DataSpec forSource(DataSpec old, String source) {
        long seed = old.seed() != null ? old.seed() : 42;
        Double test = old.testFraction();
        if (source.equals("xor-gate")) return DataSpec.builder(source).testFraction(0.0).build();
        if (source.equals("iris")) return DataSpec.builder(source).seed(seed).testFraction(test).build();
        int samples = old.samples() != null ? old.samples() : 400;
        if (NOISY_2D.contains(source)) {
            return DataSpec.generated(source, samples, old.noise() != null ? old.noise() : 0.1, seed, test == null ? 0.2 : test);
        }
        return DataSpec.builder(source).samples(samples).seed(seed).testFraction(test)
                .noise(NOISY_SEQUENCES.contains(source) ? old.noise() : null).build();
    }

    /** Whether the source takes a noise level. */
    public boolean hasNoise() {
        DataSpec d = spec.get();
        return d != null && (NOISY_2D.contains(d.source()) || NOISY_SEQUENCES.contains(d.source()));
    }

    /** Sets the noise from typed text; returns why it is refused, or null when it was taken. */
    public String setNoise(String text) {
        DataSpec d = spec.get();
        if (d == null) return null;
        Double v = number(text);
        if (v == null) return Messages.get("data.error.number");
        if (v < 0) return Messages.get("data.error.noise");
        if (!Objects.equals(v, d.noise())) editor.setData(d.toBuilder().noise(v).build(), "noise");
        return null;
    }

    /** Sets the held-out fraction from typed text; returns why it is refused, or null when it was taken. */
    public String setTestFraction(String text) {
        DataSpec d = spec.get();
        if (d == null) return null;
        Double v = number(text);
        if (v == null) return Messages.get("data.error.number");
        if (v < 0 || v >= 1) return Messages.get("data.error.testFraction");
        if (!Objects.equals(v, d.testFraction())) editor.setData(d.toBuilder().testFraction(v).build(), "testFraction");
        return null;
    }

    private static Double number(String text) {
        if (text == null) return null;
        try {
            double v = Double.parseDouble(text.strip().replace(',', '.'));
            return Double.isFinite(v) ? v : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The loaded data, or null while loading or when it failed. */
    public ReadOnlyObjectProperty<DataSummary> summaryProperty() { return summary.getReadOnlyProperty(); }

    /** Why the data did not load, in the data layer's words; "" when it did. */
    public ReadOnlyStringProperty errorProperty() { return error.getReadOnlyProperty(); }

    public ReadOnlyBooleanProperty loadingProperty() { return loading.getReadOnlyProperty(); }

    /** The data spec of the project being edited, or null. */
    public ReadOnlyObjectProperty<DataSpec> specProperty() { return spec.getReadOnlyProperty(); }
}
