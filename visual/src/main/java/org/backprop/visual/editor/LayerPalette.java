package org.backprop.visual.editor;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Tooltip;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.DataFormat;
import javafx.scene.input.Dragboard;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.backprop.engine.project.LayerType;
import org.backprop.visual.i18n.VisualText;

import java.util.function.Consumer;

/**
 * The layer types the editor offers, one button each: a click adds the type after the
 * selection, a drag drops it where the network editor receives it.
 */
public final class LayerPalette extends GridPane {
    /** What a palette drag carries: a layer type's id ("dense"). */
    public static final DataFormat LAYER_TYPE = format();
    private static final int COLUMNS = 2;

    public LayerPalette(Consumer<LayerType> onAdd) {
        getStyleClass().add("layer-palette");
        setId("layer-palette");
        for (int i = 0; i < COLUMNS; i++) {
            ColumnConstraints c = new ColumnConstraints();
            c.setPercentWidth(100.0 / COLUMNS);
            c.setHgrow(Priority.ALWAYS);
            c.setFillWidth(true);
            getColumnConstraints().add(c);
        }
        int n = 0;
        for (LayerType t : LayerType.values()) {
            Region swatch = new Region();
            swatch.getStyleClass().addAll("palette-swatch", "palette-swatch-" + t.id());
            Button b = new Button(VisualText.layerType(t), swatch);
            b.setId("palette-" + t.id());
            b.getStyleClass().add("palette-button");
            b.setAlignment(Pos.CENTER_LEFT);
            b.setMaxWidth(Double.MAX_VALUE);
            b.setTooltip(new Tooltip(VisualText.get("palette.tooltip." + t.id())));
            b.setOnAction(e -> onAdd.accept(t));
            b.setOnDragDetected(e -> {
                Dragboard db = b.startDragAndDrop(TransferMode.COPY);
                ClipboardContent c = new ClipboardContent();
                c.put(LAYER_TYPE, t.id());
                db.setContent(c);
                db.setDragView(b.snapshot(null, null));
                e.consume();
            });
            add(b, n % COLUMNS, n / COLUMNS);
            n++;
        }
    }

    @Override
    public String getUserAgentStylesheet() {
        return LayerPalette.class.getResource("network-editor.css").toExternalForm();
    }

    /** DataFormat ids are global to the JVM: look the format up before making it. */
    private static DataFormat format() {
        String id = "application/x-backprop-layer-type";
        DataFormat f = DataFormat.lookupMimeType(id);
        return f != null ? f : new DataFormat(id);
    }
}
