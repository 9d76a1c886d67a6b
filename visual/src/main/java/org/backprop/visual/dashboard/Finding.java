package org.backprop.visual.dashboard;

import java.util.List;

/**
 * One problem a diagnosis found, in words ready to show (already in the user's language): the
 * telemetry engine's findings are adapted to this at merge.
 *
 * @param title     one line ("Vanishing gradients in hidden1, hidden2")
 * @param message   what the numbers show, a sentence or two
 * @param fixes     what to try, most useful first, each a short sentence
 * @param layers    the layers concerned (the heatmap may highlight them)
 * @param iteration where it first showed
 */
public record Finding(Severity severity, String title, String message, List<String> fixes,
                      List<String> layers, long iteration) {

    public enum Severity { INFO, WARNING, CRITICAL }

    public Finding {
        fixes = List.copyOf(fixes);
        layers = List.copyOf(layers);
    }
}
