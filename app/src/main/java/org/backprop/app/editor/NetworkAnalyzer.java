package org.backprop.app.editor;

import org.backprop.engine.compile.CompileException;
import org.backprop.engine.compile.LayerInfo;
import org.backprop.engine.compile.NetworkCompiler;
import org.backprop.engine.compile.NetworkValidator;
import org.backprop.engine.project.NetworkSpec;
import org.backprop.engine.project.Project;
import org.backprop.visual.fx.FrameCoalescer;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Compiles the edited network in the background to learn what flows along each edge and how
 * many parameters each layer has (the engine's own numbers, not a second opinion), recurrent
 * weights included. Only the newest request is worked on; results come back through the frame
 * coalescer.
 */
final class NetworkAnalyzer {
    private static final System.Logger LOG = System.getLogger(NetworkAnalyzer.class.getName());

    /**
     * @param infos    per layer, empty when the network did not compile
     * @param problems what the compiler refused beyond the validator's structural problems
     */
    record Analysis(Project model, Map<String, LayerInfo> infos, List<String> problems) {
        static final Analysis NONE = new Analysis(null, Map.of(), List.of());

        long totalParameters() {
            return infos.isEmpty() ? -1 : infos.values().stream().mapToLong(LayerInfo::parameterCount).sum();
        }
    }

    private final FrameCoalescer ui;
    private final Executor background;
    private final Function<Project, Analysis> analyze;
    private final Consumer<Analysis> onResult;
    private final AtomicReference<Project> pending = new AtomicReference<>();
    private final AtomicBoolean running = new AtomicBoolean();

    NetworkAnalyzer(FrameCoalescer ui, Executor background, Function<Project, Analysis> analyze, Consumer<Analysis> onResult) {
        this.ui = ui;
        this.background = background;
        this.analyze = analyze;
        this.onResult = onResult;
    }

    /** Any thread: analyse this model (see {@link #model}) when the background is free; newer requests replace older ones. */
    void request(Project model) {
        pending.set(model);
        if (running.compareAndSet(false, true)) {
            try {
                background.execute(this::drain);
            } catch (RejectedExecutionException e) {
                running.set(false); // the app is shutting down: nobody waits for the answer
            }
        }
    }

    private void drain() {
        while (true) {
            Project p = pending.getAndSet(null);
            if (p == null) {
                running.set(false);
                // A request that arrived between the two lines above would otherwise wait forever.
                if (pending.get() != null && running.compareAndSet(false, true)) continue;
                return;
            }
            Analysis a;
            try {
                a = analyze.apply(p);
            } catch (RuntimeException | LinkageError e) {
                LOG.log(System.Logger.Level.WARNING, "the network could not be analysed", e);
                a = new Analysis(p, Map.of(), List.of());
            }
            Analysis result = a;
            ui.post(() -> onResult.accept(result));
        }
    }

    /** What the analysis depends on: the project without layer positions, name and description. */
    static Project model(Project p) {
        NetworkSpec n = p.network();
        var layers = n.layers().stream()
                .map(l -> l.position() == null ? l
                        : new org.backprop.engine.project.LayerSpec(l.id(), l.type(), l.properties(), l.parameters(), null))
                .toList();
        return new Project(p.format(), p.version(), "", "", new NetworkSpec(layers, n.edges()), p.training(), p.data());
    }

    /**
     * The engine's analysis: compile the network as it is (feedback edges included: they are
     * recurrent layers' weights and count). When that is refused and the network has feedback
     * edges, the forward part is compiled as well, so that the edges still show their sizes.
     */
    static Analysis compile(Project model) {
        NetworkSpec n = model.network();
        if (!NetworkValidator.problems(n).isEmpty()) return new Analysis(model, Map.of(), List.of());
        try {
            return new Analysis(model, NetworkCompiler.compile(model).layers(), List.of());
        } catch (CompileException e) {
            NetworkSpec forward = new NetworkSpec(n.layers(), n.edges().stream().filter(x -> !x.feedback()).toList());
            if (forward.edges().size() == n.edges().size() || !NetworkValidator.problems(forward).isEmpty()) {
                return new Analysis(model, Map.of(), e.problems());
            }
            try {
                return new Analysis(model, NetworkCompiler.compile(model.withNetwork(forward)).layers(), e.problems());
            } catch (CompileException forwardToo) {
                return new Analysis(model, Map.of(), e.problems());
            }
        }
    }
}
