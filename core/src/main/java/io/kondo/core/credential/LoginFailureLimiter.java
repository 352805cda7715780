package io.kondo.core.credential;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Limits failed logins per source address: after {@code maxFailures} failures within
 * {@code windowMs}, the address is refused until the oldest of them leaves the window. Pure logic:
 * time is passed in. Remembers at most {@code maxAddresses} addresses (the least recently failing
 * are forgotten first), so a flood of addresses cannot exhaust memory. Not thread-safe.
 */
public final class LoginFailureLimiter {

    private final int maxFailures;
    private final long windowMs;
    private final int maxAddresses;
    private final LinkedHashMap<String, Deque<Long>> failures;

    public LoginFailureLimiter(int maxFailures, long windowMs, int maxAddresses) {
        if (maxFailures < 1 || windowMs < 1 || maxAddresses < 1) {
            throw new IllegalArgumentException("limits must be positive");
        }
        this.maxFailures = maxFailures;
        this.windowMs = windowMs;
        this.maxAddresses = maxAddresses;
        this.failures = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Deque<Long>> eldest) {
                return size() > LoginFailureLimiter.this.maxAddresses;
            }
        };
    }

    /** Records a failed login from {@code address} at {@code nowMs}. */
    public void recordFailure(String address, long nowMs) {
        Deque<Long> times = failures.computeIfAbsent(address, a -> new ArrayDeque<>());
        expire(times, nowMs);
        times.addLast(nowMs);
        while (times.size() > maxFailures) {
            times.removeFirst();
        }
    }

    /** Whether a new connection from {@code address} is refused at {@code nowMs}. */
    public boolean isBlocked(String address, long nowMs) {
        Deque<Long> times = failures.get(address);
        if (times == null) {
            return false;
        }
        expire(times, nowMs);
        if (times.isEmpty()) {
            failures.remove(address);
            return false;
        }
        return times.size() >= maxFailures;
    }

    /** Addresses currently remembered (for tests and metrics). */
    public int trackedAddresses() {
        return failures.size();
    }

    private void expire(Deque<Long> times, long nowMs) {
        Iterator<Long> it = times.iterator();
        while (it.hasNext() && nowMs - it.next() >= windowMs) {
            it.remove();
        }
    }
}
