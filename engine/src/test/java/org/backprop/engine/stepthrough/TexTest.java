package org.backprop.engine.stepthrough;

import org.backprop.engine.Projects;
import org.backprop.engine.project.LayerSpec;
import org.backprop.engine.runtime.Nd4jRuntime;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.backprop.engine.project.LayerType.*;
import static org.junit.jupiter.api.Assertions.*;

/** How numbers read in formulas and handouts. */
class TexTest {

    @Test
    void numbersHaveAtMostSixSignificantDigitsAndNegativeFactorsTheirParentheses() {
        assertEquals("26", Tex.num(26));
        assertEquals("-4", Tex.num(-4.0));
        assertEquals("0.59327", Tex.num(0.593269992));
        assertEquals("0.000438568", Tex.num(4.38567959e-4));
        assertEquals("1 \\times 10^{-8}", Tex.num(1e-8));
        assertEquals("1.23457 \\times 10^{8}", Tex.num(123456789));
        assertEquals("1.5e-7", Tex.plain(1.5e-7));
        assertEquals("(-4)", Tex.factor(-4));
        assertEquals("4", Tex.factor(4));
        assertEquals("(1.5 \\times 10^{-8})^2", Tex.squared(1.5e-8));
        assertEquals("(-2)^2", Tex.squared(-2));
    }

    @Test
    void theLatexCheckCatchesWhatRenderersRefuse() {
        assertNull(LatexCheck.problem("a^{(1)}_{1} = \\frac{1}{1 + e^{-z^{(1)}_{1}}} = 1 - \\left(a^{(1)}_{1}\\right)^2"));
        assertNotNull(LatexCheck.problem("1 - a^{(1)}_{1}^2"));
        assertNotNull(LatexCheck.problem("0.001 \\cdot 1.5 \\times 10^{-8}^2"));
        assertNotNull(LatexCheck.problem("\\frac{1}{2"));
        assertNotNull(LatexCheck.problem("\\left(x"));
    }

    @Test
    void softmaxWithCrossEntropyIsSummarisedByItsDeltas() throws Exception {
        Nd4jRuntime.configure();
        var p = Projects.chain(Projects.gradientCheck(),
                LayerSpec.of("in", INPUT, "size", 1),
                LayerSpec.of("out", OUTPUT, "units", 2, "activation", "softmax", "loss", "mcxent"));
        Transcript t = StepThrough.of(p, new double[][]{{1}}, new double[][]{{0, 1}}).next();
        List<String> summary = TranscriptMarkdown.summary(t);
        assertTrue(summary.get(2).matches("dE/dz1 = [0-9.e-]+, dE/dz2 = -[0-9.e-]+"), summary.toString());
        Step delta = t.steps(StepKind.DELTA).get(1);
        assertTrue(delta.latex().contains("y_{2} - t_{2}"), delta.latex());
        assertEquals(t.examples().get(0).outputs().get(1) - 1, delta.result(), 1e-15);
    }
}
