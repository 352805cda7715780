package io.kondo.core.tenant;

import java.util.regex.Pattern;

/** Rules for the human-readable name of a logical cluster (unique among live clusters). */
public final class ClusterName {

    public static final int MAX_LENGTH = 64;
    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    private ClusterName() {
    }

    /** Returns the name, or throws with a message that says what is wrong with it. */
    public static String validate(String name) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("name is required");
        }
        if (name.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("name must be at most " + MAX_LENGTH + " characters");
        }
        if (!FORMAT.matcher(name).matches()) {
            throw new IllegalArgumentException(
                    "name may contain letters, digits, '.', '_' and '-', and must start with a letter or digit");
        }
        return name;
    }
}
