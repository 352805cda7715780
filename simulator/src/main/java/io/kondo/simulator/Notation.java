package io.kondo.simulator;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** How durations ({@code 500ms}, {@code 30s}, {@code 2m}, {@code 1h}) and sizes ({@code 512}, {@code 100KiB}, {@code 1MiB}) are written. */
public final class Notation {

    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|h)");
    private static final Pattern SIZE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(B|KiB|MiB|KB|MB)?");

    private Notation() {
    }

    /** Parses a duration; {@code what} names it in the error message. */
    public static Duration duration(String text, String what) {
        Matcher m = DURATION.matcher(text == null ? "" : text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException(what + " must be a duration such as 500ms, 30s, 2m or 1h, was '" + text + "'");
        }
        double amount = Double.parseDouble(m.group(1));
        double millis = switch (m.group(2)) {
            case "ms" -> amount;
            case "s" -> amount * 1_000;
            case "m" -> amount * 60_000;
            default -> amount * 3_600_000;
        };
        return Duration.ofMillis(Math.round(millis));
    }

    static long bytes(String text, String what) {
        Matcher m = SIZE.matcher(text == null ? "" : text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException(what + " must be a size such as 512, 100KiB or 1MiB, was '" + text + "'");
        }
        double amount = Double.parseDouble(m.group(1));
        String unit = m.group(2) == null ? "B" : m.group(2);
        double factor = switch (unit) {
            case "KiB" -> 1024;
            case "MiB" -> 1024 * 1024;
            case "KB" -> 1000;
            case "MB" -> 1_000_000;
            default -> 1;
        };
        return Math.round(amount * factor);
    }

    /** {@code 1m30s}, {@code 45s}, {@code 800ms}. */
    static String format(Duration duration) {
        long ms = duration.toMillis();
        if (ms < 1_000) {
            return ms + "ms";
        }
        long s = ms / 1_000;
        if (s < 60) {
            return ms % 1_000 == 0 ? s + "s" : String.format(Locale.ROOT, "%.1fs", ms / 1000.0);
        }
        return s % 60 == 0 ? (s / 60) + "m" : (s / 60) + "m" + (s % 60) + "s";
    }
}
