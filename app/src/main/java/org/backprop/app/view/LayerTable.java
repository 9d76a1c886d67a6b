package org.backprop.app.view;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ObservableList;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import org.backprop.app.LayerRow;
import org.backprop.app.i18n.Messages;
import org.backprop.visual.i18n.VisualText;

import java.util.function.Function;

/** The layer list: id, type (a padlock when frozen), what flows out (units) and parameter count per layer. */
final class LayerTable {
    private LayerTable() {}

    static TableView<LayerRow> create(ObservableList<LayerRow> rows) {
        TableView<LayerRow> table = new TableView<>(rows);
        table.setId("layer-table");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label(Messages.get("layers.empty")));
        table.getColumns().add(column("layers.column.layer", LayerRow::id, false, 64));
        TableColumn<LayerRow, String> type = column("layers.column.type", r -> VisualText.layerType(r.type()), false, 60);
        type.setCellFactory(c -> new TypeCell());
        table.getColumns().add(type);
        table.getColumns().add(column("layers.column.units", LayerRow::units, true, 58));
        table.getColumns().add(column("layers.column.params",
                r -> r.parameters() < 0 ? "" : Messages.format("layers.params", r.parameters()), true, 70));
        table.getColumns().forEach(c -> c.setSortable(false));
        return table;
    }

    /**
     * The layer's type, with a padlock (and the style class {@code frozen-layer}) where its frozen
     * toggle is on; beside the type, which is short, so that the id is never cut short.
     */
    private static final class TypeCell extends TableCell<LayerRow, String> {
        private final Tooltip frozen = new Tooltip(Messages.get("layers.frozen"));

        /** A small padlock: the narrow column still shows the whole type beside it. */
        private static javafx.scene.Node lock() {
            javafx.scene.Node n = Icons.lock();
            n.setScaleX(0.75);
            n.setScaleY(0.75);
            return new javafx.scene.Group(n);
        }

        @Override
        protected void updateItem(String type, boolean empty) {
            super.updateItem(type, empty);
            LayerRow row = empty || getTableRow() == null ? null : getTableRow().getItem();
            boolean isFrozen = row != null && row.frozen();
            setText(empty ? null : type);
            setGraphicTextGap(2);
            setGraphic(isFrozen ? lock() : null);
            setContentDisplay(ContentDisplay.RIGHT);
            setTooltip(isFrozen ? frozen : null);
            getStyleClass().remove("frozen-layer");
            if (isFrozen) getStyleClass().add("frozen-layer");
        }
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
