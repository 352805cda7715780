package io.kondo.simulator;

import java.util.Arrays;
import java.util.Locale;

/** The failures the simulator can inject. */
public enum FaultKind {
    /** Stop one backing broker (clean shutdown), keep it down for the fault's duration, start it again. */
    BROKER_RESTART(true, 20_000),
    /** Stop the gateway (every client connection drops), start it again after the fault's duration (default at once). */
    GATEWAY_RESTART(true, 0),
    /** Stop the control plane, start it again after the fault's duration (default at once). */
    CONTROL_PLANE_RESTART(true, 0),
    /** Open many client connections to the gateway at once with one tenant's key, hold them, close them. */
    CONNECTION_STORM(false, 10_000),
    /** One tenant sends at a multiple of its produce quota (default 10×) for the fault's duration. */
    NOISY_TENANT(false, 30_000);

    private final boolean needsPlatform;
    private final long defaultDurationMs;

    FaultKind(boolean needsPlatform, long defaultDurationMs) {
        this.needsPlatform = needsPlatform;
        this.defaultDurationMs = defaultDurationMs;
    }

    /** Whether only the platform itself can inject it (so not against an external Kondo). */
    public boolean needsPlatform() {
        return needsPlatform;
    }

    long defaultDurationMs() {
        return defaultDurationMs;
    }

    /** {@code broker-restart}, {@code noisy-tenant}, ... */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static FaultKind fromLabel(String label) {
        return Arrays.stream(values()).filter(k -> k.label().equals(label)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown fault '" + label + "'; faults are "
                        + Arrays.stream(values()).map(FaultKind::label).toList()));
    }
}
