package org.backprop.engine.stepthrough;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A small structural check of the LaTeX the steps write, for what a renderer such as JLaTeXMath
 * rejects: unbalanced braces or \left/\right, and a second superscript or subscript on one atom
 * (a^{(1)}_{1}^2).
 */
final class LatexCheck {
    private LatexCheck() {}

    /** The first problem found, or null. */
    static String problem(String tex) {
        Deque<boolean[]> frames = new ArrayDeque<>(); // per group: has the last atom a superscript, a subscript
        frames.push(new boolean[2]);
        int leftRight = 0;
        int i = 0;
        while (i < tex.length()) {
            char c = tex.charAt(i);
            if (c == '{') {
                frames.push(new boolean[2]);
                i++;
            } else if (c == '}') {
                if (frames.size() == 1) return "unbalanced } at " + i;
                frames.pop();
                frames.peek()[0] = frames.peek()[1] = false;
                i++;
            } else if (c == '^' || c == '_') {
                boolean[] atom = frames.peek();
                int which = c == '^' ? 0 : 1;
                if (atom[which]) return "double " + (c == '^' ? "superscript" : "subscript") + " at " + i + ": " + tex;
                i = skipArgument(tex, i + 1);
                if (i < 0) return "a script without its argument";
                atom[which] = true;
            } else if (c == '\\') {
                int j = i + 1;
                while (j < tex.length() && Character.isLetter(tex.charAt(j))) j++;
                String name = tex.substring(i + 1, Math.max(j, i + 2));
                if (name.equals("left")) leftRight++;
                if (name.equals("right")) leftRight--;
                frames.peek()[0] = frames.peek()[1] = false;
                i = Math.max(j, i + 2);
            } else {
                if (!Character.isWhitespace(c)) frames.peek()[0] = frames.peek()[1] = false;
                i++;
            }
        }
        if (frames.size() != 1) return "unbalanced {";
        return leftRight == 0 ? null : "unbalanced \\left and \\right";
    }

    private static int skipArgument(String tex, int i) {
        while (i < tex.length() && tex.charAt(i) == ' ') i++;
        if (i >= tex.length()) return -1;
        if (tex.charAt(i) == '{') {
            int depth = 0;
            for (int j = i; j < tex.length(); j++) {
                if (tex.charAt(j) == '{') depth++;
                if (tex.charAt(j) == '}' && --depth == 0) return j + 1;
            }
            return -1;
        }
        if (tex.charAt(i) == '\\') {
            int j = i + 1;
            while (j < tex.length() && Character.isLetter(tex.charAt(j))) j++;
            return Math.max(j, i + 2);
        }
        return i + 1;
    }
}
