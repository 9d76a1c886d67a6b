package org.backprop.visual.dashboard;

import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.backprop.visual.i18n.VisualText;

import java.util.List;
import java.util.Optional;

/**
 * The diagnosis beside the heatmap: a plain banner when a NaN or an infinity paused training,
 * then each finding with what it means and what to try.
 */
public final class FindingsPanel extends VBox {
    private final Label banner = new Label();
    private final ObservableList<Finding> items = FXCollections.observableArrayList();
    private final ListView<Finding> list = new ListView<>(items);

    public FindingsPanel() {
        getStyleClass().add("findings-panel");
        banner.setId("nan-banner");
        banner.getStyleClass().add("nan-banner");
        banner.setWrapText(true);
        banner.setMaxWidth(Double.MAX_VALUE);
        banner.setVisible(false);
        banner.managedProperty().bind(banner.visibleProperty());
        list.setId("findings-list");
        list.getStyleClass().add("findings-list");
        Label empty = new Label(VisualText.get("findings.empty"));
        empty.setWrapText(true);
        empty.getStyleClass().add("findings-empty");
        list.setPlaceholder(empty);
        list.setCellFactory(v -> new FindingCell());
        VBox.setVgrow(list, Priority.ALWAYS);
        getChildren().addAll(banner, list);
    }

    @Override
    public String getUserAgentStylesheet() {
        return FindingsPanel.class.getResource("dashboard.css").toExternalForm();
    }

    /** UI thread; cheap when nothing changed. */
    public void show(List<Finding> findings, Optional<FindingsSource.NonFinite> nonFinite) {
        if (!items.equals(findings)) items.setAll(findings);
        if (nonFinite.isPresent()) {
            FindingsSource.NonFinite n = nonFinite.get();
            banner.setText(n.layer().isEmpty()
                    ? VisualText.format("findings.nan", n.iteration(), n.what())
                    : VisualText.format("findings.nan.layer", n.iteration(), n.what(), n.layer()));
            banner.setVisible(true);
        } else {
            banner.setVisible(false);
        }
    }

    public List<Finding> findings() {
        return List.copyOf(items);
    }

    public boolean showsNanBanner() {
        return banner.isVisible();
    }

    public String bannerText() {
        return banner.getText();
    }

    private static final class FindingCell extends ListCell<Finding> {
        @Override
        protected void updateItem(Finding f, boolean empty) {
            super.updateItem(f, empty);
            getStyleClass().removeAll("finding-info", "finding-warning", "finding-critical");
            if (empty || f == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            getStyleClass().add("finding-" + f.severity().name().toLowerCase(java.util.Locale.ROOT));
            Label title = new Label(f.title());
            title.getStyleClass().add("finding-title");
            title.setWrapText(true);
            Label message = new Label(f.message());
            message.getStyleClass().add("finding-message");
            message.setWrapText(true);
            VBox box = new VBox(title, message);
            box.getStyleClass().add("finding");
            for (String fix : f.fixes()) {
                Label l = new Label(VisualText.format("findings.fix", fix));
                l.getStyleClass().add("finding-fix");
                l.setWrapText(true);
                box.getChildren().add(l);
            }
            box.setMaxWidth(Math.max(80, getListView().getWidth() - 24));
            box.prefWidthProperty().bind(getListView().widthProperty().subtract(24));
            setText(null);
            setGraphic(box);
        }
    }
}
