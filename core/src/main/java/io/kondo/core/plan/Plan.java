package io.kondo.core.plan;

import java.util.Objects;
import java.util.regex.Pattern;

/** A named set of limits that logical clusters subscribe to. */
public record Plan(String name, String description, PlanLimits limits) {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,31}");

    public Plan {
        Objects.requireNonNull(name, "name");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(
                    "plan name must be 1-32 lowercase letters, digits or '-', starting with a letter, got '" + name + "'");
        }
        description = description == null ? "" : description;
        Objects.requireNonNull(limits, "limits of plan " + name);
    }
}
