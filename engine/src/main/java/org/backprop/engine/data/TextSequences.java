package org.backprop.engine.data;

import org.backprop.engine.project.DataSpec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;

/**
 * Character-level next-character prediction: windows of a text file, each character one-hot over
 * the file's own alphabet (sorted), the target at every step the character after it.
 */
final class TextSequences {
    private TextSequences() {}

    static SequenceExamples read(DataSpec spec, Path baseDir) throws DataException {
        Path file = DataFiles.resolve(baseDir, spec.path(), "text", "\"path\" (a text file)");
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new DataException("cannot read " + file + ": " + e.getMessage());
        }
        int length = spec.length() == null ? 40 : spec.length();
        if (text.length() < length + 2) {
            throw new DataException(file.getFileName() + " has " + text.length() + " characters; windows of " + length + " need more");
        }
        List<String> alphabet = alphabet(text);
        int n = spec.samples() == null ? 200 : spec.samples();
        Random r = new Random(spec.seed() == null ? 1 : spec.seed());
        double[][][] x = new double[n][length][alphabet.size()];
        double[][][] y = new double[n][length][alphabet.size()];
        for (int i = 0; i < n; i++) {
            int from = r.nextInt(text.length() - length);
            for (int t = 0; t < length; t++) {
                x[i][t][alphabet.indexOf(String.valueOf(text.charAt(from + t)))] = 1;
                y[i][t][alphabet.indexOf(String.valueOf(text.charAt(from + t + 1)))] = 1;
            }
        }
        return new SequenceExamples(x, y, SequenceSets.everyStep(n, length), alphabet);
    }

    /** The distinct characters of the text, sorted: the class names and the one-hot columns. */
    static List<String> alphabet(String text) {
        TreeSet<Character> chars = new TreeSet<>();
        for (char c : text.toCharArray()) chars.add(c);
        return chars.stream().map(String::valueOf).toList();
    }
}
