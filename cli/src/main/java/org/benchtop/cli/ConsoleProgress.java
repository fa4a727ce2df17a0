package org.benchtop.cli;

import java.io.PrintStream;
import java.util.Locale;

import org.benchtop.core.ProgressMonitor;

/**
 * A progress bar on standard error, shown only for work that has run longer than a second and only
 * when standard error is a terminal, so that logs and pipes stay clean.
 */
final class ConsoleProgress implements ProgressMonitor {

    private static final long SHOW_AFTER_NANOS = 1_000_000_000L;
    private static final int WIDTH = 30;

    private final PrintStream err;
    private final boolean enabled;
    private final long start = System.nanoTime();
    private int lastPercent = -1;
    private boolean shown;

    ConsoleProgress(PrintStream err, boolean enabled) {
        this.err = err;
        this.enabled = enabled;
    }

    /** @return a progress bar on {@link System#err} if it is a terminal */
    static ConsoleProgress onStandardError() {
        return new ConsoleProgress(System.err, System.console() != null);
    }

    @Override
    public synchronized void setProgress(double fraction, String message) {
        if (!enabled || System.nanoTime() - start < SHOW_AFTER_NANOS) {
            return;
        }
        int percent = (int) Math.round(Math.max(0, Math.min(1, fraction)) * 100);
        if (percent == lastPercent) {
            return;
        }
        lastPercent = percent;
        int filled = percent * WIDTH / 100;
        err.print(String.format(Locale.ROOT, "\r[%s%s] %3d%% %s", "#".repeat(filled), " ".repeat(WIDTH - filled), percent,
                message == null ? "" : message));
        err.flush();
        shown = true;
    }

    @Override
    public boolean isCanceled() {
        return false;
    }

    /** Ends the bar's line, if one was drawn. */
    synchronized void done() {
        if (shown) {
            err.println();
        }
    }
}
