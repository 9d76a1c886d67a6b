package org.backprop.visual.dashboard;

/** CSV fields as RFC 4180 quotes them. */
final class Csv {
    private Csv() {}

    static String quote(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0) return s;
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
