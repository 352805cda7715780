package io.kondo.operations.storage;

import io.kondo.core.tenant.LogicalClusterId;
import java.util.OptionalLong;

/**
 * Where produce caps go: the app wires it to the gateway, which slows the tenant's producers to the
 * cap (throttling, never refusing). A cap in force is sent again at every check, so a gateway that
 * restarted learns it within one check interval; a lift is sent once (again only if it failed).
 */
@FunctionalInterface
public interface ProduceCaps {

    /** Caps nothing: for a process without a gateway. */
    ProduceCaps NONE = (tenant, bytesPerSecond) -> { };

    /**
     * Caps the tenant's produce at {@code bytesPerSecond}, or lifts the cap when it is empty. Must not
     * block; a failure is thrown, and the loop logs it and tries again at the next check.
     */
    void cap(LogicalClusterId tenant, OptionalLong bytesPerSecond);
}
