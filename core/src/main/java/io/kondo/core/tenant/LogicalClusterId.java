package io.kondo.core.tenant;

import java.util.Objects;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/**
 * The id of a logical cluster: {@code lkc-} followed by six lowercase base-36 characters.
 * It is also the root of the tenant's namespace on the backing cluster.
 */
public record LogicalClusterId(String value) {

    private static final Pattern FORMAT = Pattern.compile("lkc-[0-9a-z]{6}");
    private static final String ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz";

    public LogicalClusterId {
        Objects.requireNonNull(value, "value");
        if (!FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException(
                    "logical cluster id must be 'lkc-' and 6 lowercase base-36 characters, got '" + value + "'");
        }
    }

    /** A fresh random id; the caller checks it against the ids in use. */
    public static LogicalClusterId random(RandomGenerator random) {
        StringBuilder id = new StringBuilder("lkc-");
        for (int i = 0; i < 6; i++) {
            id.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return new LogicalClusterId(id.toString());
    }

    public static boolean isValid(String value) {
        return value != null && FORMAT.matcher(value).matches();
    }

    @Override
    public String toString() {
        return value;
    }
}
