package org.backprop.engine.data;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits CSV text into records (RFC 4180): comma-separated, fields in double quotes may hold
 * commas, line breaks and doubled quotes ({@code ""}). Unquoted fields are trimmed, blank lines
 * skipped, a UTF-8 byte order mark ignored. Each record keeps the line it starts on, so
 * messages point at the line a user sees in an editor even after a quoted line break.
 */
final class CsvRecords {
    private CsvRecords() {}

    /** @param line 1-based line of the record's first character */
    record Row(int line, List<String> cells) {}

    /** @param fileName starts every message */
    static List<Row> parse(String text, String fileName) throws DataException {
        List<Row> rows = new ArrayList<>();
        int n = text.length();
        int i = !text.isEmpty() && text.charAt(0) == '\uFEFF' ? 1 : 0;
        int line = 1;
        while (i < n) {
            int start = line;
            List<String> cells = new ArrayList<>();
            boolean quotedSeen = false;
            while (true) {
                while (i < n && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) i++;
                if (i < n && text.charAt(i) == '"') {
                    quotedSeen = true;
                    int quoteLine = line;
                    StringBuilder b = new StringBuilder();
                    i++;
                    while (true) {
                        if (i >= n) throw new DataException(fileName + ", line " + quoteLine + ": a quoted field is never closed");
                        char c = text.charAt(i);
                        if (c == '"') {
                            if (i + 1 < n && text.charAt(i + 1) == '"') {
                                b.append('"');
                                i += 2;
                                continue;
                            }
                            i++;
                            break;
                        }
                        if (c == '\n' || (c == '\r' && (i + 1 >= n || text.charAt(i + 1) != '\n'))) line++;
                        b.append(c);
                        i++;
                    }
                    while (i < n && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) i++;
                    if (i < n && text.charAt(i) != ',' && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
                        throw new DataException(fileName + ", line " + line + ": unexpected text after a closing quote: "
                                + text.substring(i, Math.min(n, i + 20)).lines().findFirst().orElse(""));
                    }
                    cells.add(b.toString());
                } else {
                    int from = i;
                    while (i < n && text.charAt(i) != ',' && text.charAt(i) != '\n' && text.charAt(i) != '\r') i++;
                    cells.add(text.substring(from, i).strip());
                }
                if (i < n && text.charAt(i) == ',') {
                    i++;
                    continue;
                }
                if (i < n) {
                    i += text.charAt(i) == '\r' && i + 1 < n && text.charAt(i + 1) == '\n' ? 2 : 1;
                    line++;
                }
                break;
            }
            boolean blank = !quotedSeen && cells.size() == 1 && cells.get(0).isEmpty();
            if (!blank) rows.add(new Row(start, cells));
        }
        return rows;
    }
}
