package org.backprop.visual.stepthrough;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.scene.AccessibleRole;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import javafx.stage.Window;

import java.util.Optional;

/**
 * One LaTeX formula, drawn by {@link LatexImages} at {@link #fontSizeProperty() fontSize}, or
 * smaller (down to {@link #minFontSizeProperty() minFontSize}) where the line is too long for
 * the width it gets: redrawn at the smaller size, never a scaled bitmap, so it stays sharp.
 * LaTeX that does not parse is shown as its source text.
 */
public final class FormulaView extends Region {
    private final StringProperty latex = new SimpleStringProperty(this, "latex", "");
    private final DoubleProperty fontSize = new SimpleDoubleProperty(this, "fontSize", 32);
    private final DoubleProperty minFontSize = new SimpleDoubleProperty(this, "minFontSize", 14);
    private final ObjectProperty<Color> textFill = new SimpleObjectProperty<>(this, "textFill", Color.web("#111827"));
    private final ImageView image = new ImageView();
    private final Label fallback = new Label();
    private final Rectangle clip = new Rectangle();
    private double shownSize;

    public FormulaView() {
        this("");
    }

    public FormulaView(String latex) {
        getStyleClass().add("formula-view");
        image.setSmooth(true);
        image.setPreserveRatio(true);
        fallback.getStyleClass().add("formula-source");
        fallback.setVisible(false);
        fallback.setManaged(false);
        getChildren().addAll(image, fallback);
        clip.widthProperty().bind(widthProperty());
        clip.heightProperty().bind(heightProperty());
        setClip(clip);
        setAccessibleRole(AccessibleRole.TEXT);
        this.latex.addListener((o, a, b) -> changed());
        fontSize.addListener((o, a, b) -> changed());
        minFontSize.addListener((o, a, b) -> changed());
        textFill.addListener((o, a, b) -> changed());
        // A move to a screen of another density redraws at its pixel size.
        sceneProperty().addListener((o, a, s) -> {
            if (s != null) s.windowProperty().addListener((w, was, now) -> changed());
            changed();
        });
        setLatex(latex);
    }

    public StringProperty latexProperty() { return latex; }
    public String getLatex() { return latex.get(); }
    public void setLatex(String s) { latex.set(s == null ? "" : s); }

    /** The size the formula is drawn at when it fits, in layout pixels. */
    public DoubleProperty fontSizeProperty() { return fontSize; }
    public void setFontSize(double px) { fontSize.set(px); }

    /** The smallest size a long formula shrinks to; beyond it the formula is clipped at the right. */
    public DoubleProperty minFontSizeProperty() { return minFontSize; }
    public void setMinFontSize(double px) { minFontSize.set(px); }

    public ObjectProperty<Color> textFillProperty() { return textFill; }
    public void setTextFill(Color c) { textFill.set(c); }

    /** The font size of what is on screen now (smaller than {@code fontSize} for a long line); 0 before layout. */
    public double shownFontSize() {
        return shownSize;
    }

    private void changed() {
        setAccessibleText(getLatex());
        requestLayout();
    }

    private double scale() {
        Window w = getScene() == null ? null : getScene().getWindow();
        return w == null ? 1 : Math.max(1, w.getRenderScaleX());
    }

    private Optional<LatexImages.Rendered> at(double size) {
        if (getLatex().isBlank()) return Optional.empty();
        return LatexImages.render(getLatex(), size, scale(), textFill.get());
    }

    /** The largest size from fontSize down to minFontSize at which the formula fits {@code width}. */
    private double fittedSize(double width) {
        double size = fontSize.get();
        if (width <= 0) return size;
        Optional<LatexImages.Rendered> full = at(size);
        if (full.isEmpty() || full.get().width() <= width) return size;
        // Width grows in proportion to size, less the padding: one rescale lands on it, rounded down to a half pixel.
        double fitted = Math.floor(2 * size * width / full.get().width()) / 2;
        return Math.max(minFontSize.get(), fitted);
    }

    @Override
    protected double computePrefWidth(double height) {
        double w = at(fontSize.get()).map(LatexImages.Rendered::width).orElseGet(() -> fallback.prefWidth(-1));
        return snappedLeftInset() + w + snappedRightInset();
    }

    @Override
    protected double computePrefHeight(double width) {
        double inner = width < 0 ? -1 : width - snappedLeftInset() - snappedRightInset();
        double h = at(fittedSize(inner)).map(LatexImages.Rendered::height).orElseGet(() -> fallback.prefHeight(inner));
        return snappedTopInset() + h + snappedBottomInset();
    }

    @Override
    protected double computeMinWidth(double height) {
        return snappedLeftInset() + snappedRightInset();
    }

    @Override
    protected double computeMinHeight(double width) {
        return computePrefHeight(width);
    }

    @Override
    protected void layoutChildren() {
        double x = snappedLeftInset();
        double y = snappedTopInset();
        double w = getWidth() - x - snappedRightInset();
        double size = fittedSize(w);
        Optional<LatexImages.Rendered> r = at(size);
        if (r.isPresent()) {
            shownSize = size;
            image.setImage(r.get().image());
            image.setFitWidth(r.get().width());
            image.setFitHeight(r.get().height());
            image.relocate(x, y);
            image.setVisible(true);
            fallback.setVisible(false);
        } else {
            shownSize = getLatex().isBlank() ? 0 : size;
            image.setImage(null);
            image.setVisible(false);
            fallback.setText(getLatex());
            fallback.setVisible(!getLatex().isBlank());
            fallback.resizeRelocate(x, y, w, fallback.prefHeight(w));
        }
    }
}
