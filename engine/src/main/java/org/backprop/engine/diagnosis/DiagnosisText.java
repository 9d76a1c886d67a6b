package org.backprop.engine.diagnosis;

import org.backprop.engine.telemetry.Telemetry;

import java.util.List;
import java.util.Locale;

/** Findings in plain words, as the command line prints them. */
public final class DiagnosisText {
    private DiagnosisText() {}

    public static String render(FindingText text, String project, Telemetry t, List<Finding> findings) {
        StringBuilder b = new StringBuilder();
        b.append(text.phrase("header", project, String.valueOf(t.lastIteration()),
                String.valueOf(t.config().samplingInterval()))).append('\n');
        t.nonFinite().ifPresent(e -> b.append(text.phrase("paused", String.valueOf(e.iteration()))).append('\n'));
        if (findings.isEmpty()) {
            b.append('\n').append(text.phrase("none")).append('\n');
            return b.toString();
        }
        for (Finding f : findings) {
            b.append('\n').append(text.phrase("finding", text.severity(f.severity()).toUpperCase(text.locale()),
                    text.title(f), text.layers(f.layers()))).append('\n');
            b.append("  ").append(text.message(f)).append('\n');
            b.append("  ").append(text.phrase("fixes")).append('\n');
            for (Fix fix : f.fixes()) b.append("  - ").append(text.fix(fix)).append('\n');
        }
        return b.toString();
    }

    /** English, whatever the machine's language. */
    public static String render(String project, Telemetry t, List<Finding> findings) {
        return render(new FindingText(Locale.ROOT), project, t, findings);
    }
}
