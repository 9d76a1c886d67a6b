package org.backprop.engine.diagnosis;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One problem the diagnosis found, with the numbers that show it. Words come from
 * {@link FindingText}, so the same finding reads in any language the bundle has.
 *
 * @param layers        the layers concerned, in forward order
 * @param iteration     the first sampled iteration (counted from 1) where it showed
 * @param lastIteration the newest iteration the evidence covers
 * @param evidence      the numbers (or names) the message quotes, keyed as {@link Kind#evidence()}
 * @param perLayer      the underlying value for every layer looked at, for charts and JSON
 * @param fixes         what to try, most useful first
 */
public record Finding(Kind kind, Severity severity, List<String> layers, long iteration, long lastIteration,
                      Map<String, Object> evidence, Map<String, Double> perLayer, List<Fix> fixes) {

    public Finding {
        layers = List.copyOf(layers);
        evidence = Collections.unmodifiableMap(new LinkedHashMap<>(evidence));
        perLayer = Collections.unmodifiableMap(new LinkedHashMap<>(perLayer));
        fixes = List.copyOf(fixes);
        for (String k : kind.evidence()) {
            if (!evidence.containsKey(k)) throw new IllegalArgumentException(kind + " needs evidence \"" + k + "\"");
        }
    }
}
