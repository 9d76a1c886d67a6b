package org.backprop.engine.compile;

import java.util.List;

/** A network that cannot be built; each problem names the layer and the reason. */
public final class CompileException extends Exception {
    private final List<String> problems;

    public CompileException(List<String> problems) {
        super(String.join("\n", problems));
        this.problems = List.copyOf(problems);
    }

    public CompileException(String problem) {
        this(List.of(problem));
    }

    public List<String> problems() {
        return problems;
    }
}
