package io.kondo.app.config;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How the storage loop runs ({@code storage:} in {@code kondo.yaml}, {@code KONDO_STORAGE_*}).
 *
 * @param checkInterval         time between storage checks
 * @param trickleBytesPerSecond produce rate of a tenant past its plan's storage hard cap
 * @param webhookUrl            where storage events are POSTed as JSON, if anywhere
 */
public record StorageConfig(Duration checkInterval, long trickleBytesPerSecond, Optional<URI> webhookUrl) {

    /** Every 30 s, a 64 KiB/s trickle, no webhook. */
    public static final StorageConfig DEFAULTS = new StorageConfig(Duration.ofSeconds(30), 64 * 1024, Optional.empty());

    public StorageConfig {
        Objects.requireNonNull(checkInterval, "checkInterval");
        Objects.requireNonNull(webhookUrl, "webhookUrl");
    }

    @Override
    public String toString() {
        // A webhook URL often carries its secret in the path or query: show the host only.
        return "StorageConfig[checkInterval=" + checkInterval + ", trickleBytesPerSecond=" + trickleBytesPerSecond
                + ", webhook=" + webhookUrl.map(URI::getHost).orElse("none") + "]";
    }
}
