package org.backprop.app.stepthrough;

import org.backprop.app.i18n.Messages;
import org.backprop.engine.project.OptimizerSpec;
import org.backprop.engine.project.Project;
import org.backprop.engine.runtime.Nd4jRuntime;
import org.backprop.engine.stepthrough.Step;
import org.backprop.engine.stepthrough.StepKind;
import org.backprop.engine.stepthrough.StepThrough;
import org.backprop.engine.stepthrough.Transcript;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

import static org.junit.jupiter.api.Assertions.*;

/** Every step of every sample and optimizer gets a caption from the bundle, in English and in Chinese. */
class StepTextTest {
    private static final Locale DEFAULT = Locale.getDefault();
    /** ReLU on one example, tanh and sigmoid on a batch with Adam, then the textbook network under each optimizer. */
    private static List<Transcript> transcripts;

    @BeforeAll
    static void explain() throws Exception {
        Nd4jRuntime.configure();
        transcripts = transcripts();
    }

    @AfterEach
    void restoreLocale() {
        Locale.setDefault(DEFAULT);
        ResourceBundle.clearCache();
    }

    private static List<Transcript> transcripts() throws Exception {
        List<Transcript> out = new ArrayList<>();
        for (String sample : List.of("chain-rule-1-2-1", "xor", "elman-steps")) {
            out.add(StepThrough.open(StepSamples.load(sample), StepSamples.file(sample).getParent(), List.of()).next());
        }
        Project p = StepSamples.load("textbook-2-2-2");
        for (OptimizerSpec.Type type : OptimizerSpec.Type.values()) {
            OptimizerSpec o = new OptimizerSpec(type, 0.1, null, null, null, null);
            Project q = p.withTraining(p.training().withOptimizer(o));
            out.add(StepThrough.open(q, StepSamples.file("textbook-2-2-2").getParent(), List.of()).next());
        }
        return out;
    }

    @Test
    void everyStepOfEverySampleAndOptimizerHasACaptionFromTheBundle() throws Exception {
        Locale.setDefault(Locale.ENGLISH);
        ResourceBundle.clearCache();
        List<String> missing = new ArrayList<>();
        for (Transcript t : transcripts) {
            for (Step s : t.steps()) {
                if (!StepText.fromBundle(t, s)) missing.add(t.optimizer() + ": " + s.kind() + " " + s.title());
                assertFalse(StepText.caption(t, s).isBlank());
            }
        }
        assertEquals(List.of(), missing, "steps captioned with the engine's English title");
        Transcript oneTwoOne = transcripts.get(0);
        assertEquals("hidden unit 1: weighted sum", StepText.caption(oneTwoOne, oneTwoOne.steps().get(0)));
        Transcript xor = transcripts.get(1);
        assertEquals("Example 1, hidden unit 1: weighted sum", StepText.caption(xor, xor.steps().get(0)));
    }

    /** Chinese captions: translated, not the engine's English (which has no Han characters). */
    @Test
    void captionsAreSimplifiedChineseInAChineseLocale() throws Exception {
        Locale.setDefault(Locale.SIMPLIFIED_CHINESE);
        ResourceBundle.clearCache();
        assertEquals("前向传播", Messages.get("step.phase.FORWARD"));
        for (Transcript t : transcripts) {
            for (Step s : t.steps()) {
                String caption = StepText.caption(t, s);
                assertTrue(caption.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN),
                        t.optimizer() + ", step " + s.index() + " (" + s.kind() + "): " + caption);
            }
        }
        for (StepKind.Phase ph : StepKind.Phase.values()) assertNotNull(StepText.phase(ph));
    }

    /** The toolbar's keys are built from button ids; each must have a label and a tooltip. */
    @Test
    void everyToolbarButtonHasALabelAndATooltipThatNamesItsKey() {
        ResourceBundle en = ResourceBundle.getBundle(Messages.BUNDLE, Locale.ROOT);
        for (String id : List.of("first", "previous", "play", "next", "last", "apply", "nextIteration", "restart")) {
            assertTrue(en.containsKey("step.toolbar." + id), id);
            assertTrue(en.containsKey("step.toolbar." + id + ".tooltip"), id);
        }
        assertTrue(en.getString("step.toolbar.next.tooltip").contains("\u2192"));
        assertTrue(en.getString("step.toolbar.previous.tooltip").contains("\u2190"));
        assertTrue(en.getString("step.toolbar.play.tooltip").contains("Space"));
        assertTrue(en.getString("step.toolbar.first.tooltip").contains("Home"));
        assertTrue(en.getString("step.toolbar.last.tooltip").contains("End"));
        assertTrue(en.getString("step.toolbar.apply.tooltip").contains("Enter"));
    }
}
