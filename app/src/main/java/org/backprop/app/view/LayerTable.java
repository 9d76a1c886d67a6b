package org.backprop.app.view;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ObservableList;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import org.backprop.app.LayerRow;
import org.backprop.app.i18n.Messages;
import org.backprop.visual.i18n.VisualText;

import java.util.function.Function;

/** The layer list: id, type (and whether it is frozen), what flows out (units) and parameter count per layer. */
final class LayerTable {
    private LayerTable() {}

    static TableView<LayerRow> create(ObservableList<LayerRow> rows) {
        TableView<LayerRow> table = new TableView<>(rows);
        table.setId("layer-table");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label(Messages.get("layers.empty")));
        table.getColumns().add(column("layers.column.layer", LayerRow::id, false, 64));
        table.getColumns().add(column("layers.column.type", LayerTable::type, false, 60));
        table.getColumns().add(column("layers.column.units", LayerRow::units, true, 58));
        table.getColumns().add(column("layers.column.params",
                r -> r.parameters() < 0 ? "" : Messages.format("layers.params", r.parameters()), true, 70));
        table.getColumns().forEach(c -> c.setSortable(false));
        return table;
    }

    /** "Dense", or "Dense, frozen" for a layer whose frozen toggle is on. */
    private static String type(LayerRow r) {
        String t = VisualText.layerType(r.type());
        return r.frozen() ? Messages.format("layers.type.frozen", t) : t;
    }

    private static TableColumn<LayerRow, String> column(String key, Function<LayerRow, String> value, boolean numeric,
                                                        double width) {
        TableColumn<LayerRow, String> c = new TableColumn<>(Messages.get(key));
        c.setPrefWidth(width);
        c.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(value.apply(f.getValue())));
        c.setReorderable(false);
        if (numeric) {
            c.getStyleClass().add("numeric");
            // Fixed: the resize policy shares out the rest among the text columns, and numbers
            // and their headers are never cut short.
            c.setMinWidth(width);
            c.setMaxWidth(width);
            c.setResizable(false);
        }
        return c;
    }
}
