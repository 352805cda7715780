package io.kondo.operations.storage;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * How the storage loop runs.
 *
 * @param checkInterval         time between the end of one check and the start of the next
 * @param trickleBytesPerSecond the produce rate a tenant past its hard cap is slowed to
 * @param webhookUrl            where events are POSTed as JSON, if anywhere ({@code http} or {@code https})
 */
public record StorageWatchSettings(Duration checkInterval, long trickleBytesPerSecond, Optional<URI> webhookUrl) {

    public static final Duration DEFAULT_CHECK_INTERVAL = Duration.ofSeconds(30);
    /** Slow enough that storage past the cap grows by at most a few GiB a day, fast enough that clients keep their sessions. */
    public static final long DEFAULT_TRICKLE_BYTES_PER_SECOND = 64 * 1024;

    public StorageWatchSettings {
        Objects.requireNonNull(checkInterval, "checkInterval");
        if (checkInterval.isNegative() || checkInterval.isZero()) {
            throw new IllegalArgumentException("the storage check interval must be positive, got " + checkInterval);
        }
        if (trickleBytesPerSecond <= 0) {
            throw new IllegalArgumentException("the trickle rate must be positive, got " + trickleBytesPerSecond);
        }
        Objects.requireNonNull(webhookUrl, "webhookUrl");
        webhookUrl.ifPresent(StorageWatchSettings::requireHttp);
    }

    /** Every 30 s, a 64 KiB/s trickle, no webhook. */
    public static StorageWatchSettings defaults() {
        return new StorageWatchSettings(DEFAULT_CHECK_INTERVAL, DEFAULT_TRICKLE_BYTES_PER_SECOND, Optional.empty());
    }

    private static void requireHttp(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || url.getHost() == null) {
            throw new IllegalArgumentException("the storage webhook must be an absolute http(s) URL, got scheme '"
                    + url.getScheme() + "' and host '" + url.getHost() + "'");
        }
    }

    @Override
    public String toString() {
        // A webhook URL often carries its secret in the path or query: show the host only.
        return "StorageWatchSettings[checkInterval=" + checkInterval + ", trickleBytesPerSecond=" + trickleBytesPerSecond
                + ", webhook=" + webhookUrl.map(URI::getHost).orElse("none") + "]";
    }
}
