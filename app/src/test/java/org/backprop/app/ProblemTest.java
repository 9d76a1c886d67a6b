package org.backprop.app;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ProblemTest {

    @Test
    void aBackendThatCannotLoadIsARuntimeProblemInItsRootCausesWords() {
        // What opening a project meets when ND4J's backend cannot load: its static initialiser failed.
        Problem p = Problem.of(new ExceptionInInitializerError(new RuntimeException(new IllegalStateException("no backend"))),
                Problem.Kind.OPEN);
        assertEquals(Problem.Kind.RUNTIME, p.kind());
        assertEquals("IllegalStateException: no backend", p.message());
    }
}
