package io.kondo.core.quota;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Byte counts for people: {@code 5 GiB}, {@code 5.1 GiB}, {@code 6.25 GiB}, {@code 512 MiB}. */
final class ByteSize {

    private static final String[] UNITS = {"B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};

    private ByteSize() {
    }

    /** {@code bytes} in the largest binary unit it reaches, with at most two decimals. */
    static String format(long bytes) {
        int unit = 0;
        while (unit < UNITS.length - 1 && Math.abs(bytes) >= 1L << (10 * (unit + 1))) {
            unit++;
        }
        BigDecimal value = BigDecimal.valueOf(bytes)
                .divide(BigDecimal.valueOf(1L << (10 * unit)), 2, RoundingMode.HALF_UP)
                .stripTrailingZeros();
        return value.toPlainString() + " " + UNITS[unit];
    }
}
