package dev.credkit.cli;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * Progress of a batch on standard error: on a terminal a bar redrawn in place ({@code \r}) a few
 * times a second; otherwise (a file, a pipe, CI logs) a plain line every few seconds. Lines that
 * other output writes while the bar is shown go through {@link #println} so they do not mix with
 * it. Used from one thread (the batch's calling thread).
 */
final class Progress {
    private static final long REDRAW_NANOS = 100_000_000L;
    static final long PLAIN_INTERVAL_NANOS = 5_000_000_000L;
    private static final int BAR_WIDTH = 30;

    private final PrintWriter err;
    private final boolean terminal;
    private final String noun;
    private final long total;
    private final long plainIntervalNanos;
    private final long start = System.nanoTime();
    private long lastDraw = start;
    private long done;
    private long failed;
    private int drawnWidth;

    /**
     * @param noun  what is counted, plural ("rows", "credentials")
     * @param total how many there are, or -1 when unknown
     */
    Progress(PrintWriter err, boolean terminal, String noun, long total, long plainIntervalNanos) {
        this.err = err;
        this.terminal = terminal;
        this.noun = noun;
        this.total = total;
        this.plainIntervalNanos = plainIntervalNanos;
    }

    /** Whether standard error of this run is the process's terminal. */
    static boolean onTerminal(CliEnvironment env) {
        return System.console() != null && env.err() == System.err;
    }

    /** Records progress and redraws when it is time. */
    void update(long doneSoFar, long failedSoFar) {
        this.done = doneSoFar;
        this.failed = failedSoFar;
        long now = System.nanoTime();
        if (terminal) {
            if (now - lastDraw >= REDRAW_NANOS) {
                lastDraw = now;
                drawBar(now);
            }
        } else if (now - lastDraw >= plainIntervalNanos) {
            lastDraw = now;
            err.println("credkit: " + status(now));
            err.flush();
        }
    }

    /** Prints a line to {@code target} without breaking the bar. */
    void println(PrintWriter target, String line) {
        clearBar();
        target.println(line);
        target.flush();
        if (terminal && done > 0) {
            drawBar(System.nanoTime());
        }
    }

    /** Removes the bar (call before the summary). */
    void finish() {
        clearBar();
    }

    private void clearBar() {
        if (terminal && drawnWidth > 0) {
            err.print("\r" + " ".repeat(drawnWidth) + "\r");
            err.flush();
            drawnWidth = 0;
        }
    }

    private void drawBar(long now) {
        StringBuilder sb = new StringBuilder("\r");
        if (total > 0) {
            int filled = (int) Math.min(BAR_WIDTH, done * BAR_WIDTH / total);
            sb.append('[').append("#".repeat(filled)).append(".".repeat(BAR_WIDTH - filled)).append("] ");
        }
        String text = status(now);
        sb.append(text);
        int width = sb.length() - 1;
        if (width < drawnWidth) {
            sb.append(" ".repeat(drawnWidth - width));
        }
        drawnWidth = width;
        err.print(sb);
        err.flush();
    }

    /** "4,512/10,000 rows (45%), 3 failed, 1,234/s, 5 s left". */
    String status(long now) {
        double seconds = (now - start) / 1e9;
        double rate = seconds > 0 ? done / seconds : 0;
        StringBuilder sb = new StringBuilder();
        sb.append(count(done));
        if (total >= 0) {
            sb.append('/').append(count(total));
        }
        sb.append(' ').append(noun);
        if (total > 0) {
            sb.append(" (").append(done * 100 / total).append("%)");
        }
        if (failed > 0) {
            sb.append(", ").append(count(failed)).append(" failed");
        }
        sb.append(", ").append(count(Math.round(rate))).append("/s");
        if (total > 0 && rate > 0 && done < total) {
            sb.append(", ").append(duration((total - done) / rate)).append(" left");
        }
        return sb.toString();
    }

    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    static String duration(double seconds) {
        long s = Math.round(seconds);
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return String.format(Locale.ROOT, "%d:%02d min", s / 60, s % 60);
        }
        return String.format(Locale.ROOT, "%d:%02d h", s / 3600, (s % 3600) / 60);
    }
}
