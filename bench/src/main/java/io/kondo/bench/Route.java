package io.kondo.bench;

import java.util.Locale;

/** How a benchmark client reaches the backing cluster. */
enum Route {
    /** Straight to the brokers as Kondo's superuser, with the tenant's prefix written into topic names. */
    DIRECT,
    /** Through the gateway with the tenant's API key and unprefixed topic names. */
    GATEWAY;

    String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
