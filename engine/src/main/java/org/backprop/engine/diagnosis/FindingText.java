package org.backprop.engine.diagnosis;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The words of findings in one language, from the {@code findings} resource bundle (plain
 * java.util, so the command line, the JSON and the GUI share one set of texts). Numbers are
 * written compactly ("2.8e-6", "0.88") whatever the language.
 */
public final class FindingText {
    static final String BUNDLE = "org.backprop.engine.diagnosis.findings";

    private final ResourceBundle bundle;
    private final Locale locale;

    public FindingText(Locale locale) {
        // No fallback to the JVM's default locale: asking for English on a Chinese desktop gives English.
        this.bundle = ResourceBundle.getBundle(BUNDLE, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        this.locale = locale;
    }

    public Locale locale() {
        return locale;
    }

    public String title(Finding f) {
        return format(f.kind().key() + ".title");
    }

    public String message(Finding f) {
        List<Object> args = new ArrayList<>();
        args.add(layers(f.layers()));
        args.add(String.valueOf(f.iteration()));
        for (String k : f.kind().evidence()) args.add(value(f.evidence().get(k)));
        return format(f.kind().key() + ".message", args.toArray());
    }

    public String fix(Fix fix) {
        return format("fix." + fix.key());
    }

    public String severity(Severity s) {
        return format("severity." + s.name().toLowerCase(Locale.ROOT));
    }

    /** A phrase of the surrounding text ("text.*" keys), e.g. headings of the command line. */
    public String phrase(String key, Object... args) {
        return format("text." + key, args);
    }

    /** "'h1', 'h2', 'h3'" in the language's quotes and separator. */
    public String layers(List<String> ids) {
        List<String> quoted = ids.stream().map(id -> format("layer.quote", id)).toList();
        return String.join(bundle.getString("layer.separator"), quoted);
    }

    private String format(String key, Object... args) {
        return new MessageFormat(bundle.getString(key), locale).format(args);
    }

    private static String value(Object v) {
        if (v instanceof Double d) return number(d);
        if (v instanceof Float f) return number(f);
        return String.valueOf(v);
    }

    /** Three significant digits; scientific notation outside 0.01 to 10,000. */
    public static String number(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) return Double.toString(v);
        if (v == 0) return "0";
        double a = Math.abs(v);
        if (a >= 0.01 && a < 10_000) {
            return new java.math.BigDecimal(v).round(new java.math.MathContext(3)).stripTrailingZeros().toPlainString();
        }
        String s = String.format(Locale.ROOT, "%.1e", v); // "2.8e-06"
        int e = s.indexOf('e');
        String mantissa = s.substring(0, e).replace(".0", "");
        int exponent = Integer.parseInt(s.substring(e + 1));
        return mantissa + "e" + exponent;
    }
}
