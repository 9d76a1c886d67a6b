package org.backprop.engine.cli;

/**
 * Placeholder so the GUI branch compiles; the real headless command line is written on main
 * and replaces this file at merge.
 */
public final class WorkbenchCli {
    private WorkbenchCli() {}

    /** Runs the command line; returns the process exit code. */
    public static int run(String... args) {
        System.out.println("not yet");
        return 2;
    }
}
