package org.backprop.visual.stepthrough;

import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.backprop.visual.VisualFx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

import static org.backprop.visual.VisualFx.onFx;
import static org.junit.jupiter.api.Assertions.*;

/** A formula is drawn at its size, redrawn smaller where the line is too long, and never breaks on bad LaTeX. */
class FormulaViewTest {
    private static final String LONG = "w^{(2)+}_{3,1} = 0.957651 - 0.0316228 \\cdot "
            + "\\frac{0.00419844}{\\sqrt{1.76269 \\times 10^{-6}} + 1 \\times 10^{-8}} = 0.857651";

    @BeforeAll
    static void toolkit() throws Exception {
        VisualFx.startToolkit();
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
    }

    private static FormulaView show(String latex, double width) throws Exception {
        return onFx(() -> {
            FormulaView f = new FormulaView(latex);
            f.setFontSize(40);
            f.setMinFontSize(12);
            StackPane box = new StackPane(f);
            Stage s = new Stage();
            s.setScene(new Scene(box, width, 300));
            s.show();
            box.layout();
            return f;
        });
    }

    private static ImageView image(FormulaView f) {
        return (ImageView) f.getChildrenUnmodifiable().get(0);
    }

    @Test
    void aShortFormulaIsDrawnAtItsSize() throws Exception {
        FormulaView f = show("E = (26 - 28)^2 = 4", 900);
        onFx(() -> {
            assertEquals(40, f.shownFontSize());
            assertNotNull(image(f).getImage());
            assertTrue(image(f).isVisible());
            assertTrue(image(f).getFitHeight() > 40, "a 40 px formula is at least 40 px tall: " + image(f).getFitHeight());
        });
    }

    @Test
    void aLongFormulaIsRedrawnSmallerToFitItsWidth() throws Exception {
        FormulaView f = show(LONG, 500);
        onFx(() -> {
            assertTrue(f.shownFontSize() < 40 && f.shownFontSize() >= 12, "shrunk: " + f.shownFontSize());
            assertTrue(image(f).getFitWidth() <= f.getWidth() + 0.5, image(f).getFitWidth() + " in " + f.getWidth());
            // Redrawn, not scaled: the bitmap has as many pixels as it is shown with (scale 1 here).
            assertEquals(image(f).getFitWidth(), image(f).getImage().getWidth(), 0.5);
        });
    }

    @Test
    void latexThatDoesNotParseIsShownAsItsSource() throws Exception {
        FormulaView f = show("\\left( x", 600);
        onFx(() -> {
            Label source = (Label) f.getChildrenUnmodifiable().get(1);
            assertTrue(source.isVisible());
            assertEquals("\\left( x", source.getText());
            assertFalse(image(f).isVisible());
        });
    }
}
