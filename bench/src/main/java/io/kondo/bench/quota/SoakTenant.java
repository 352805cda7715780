package io.kondo.bench.quota;

import java.util.concurrent.atomic.AtomicLong;

/**
 * One tenant of the soak and its totals over every session it had. Steady tenants keep one session
 * for the whole soak; churning tenants come and go.
 */
final class SoakTenant {

    /** Where a churning tenant is in its cycle; a steady tenant is {@link #ONLINE} throughout. */
    enum State { OFFLINE, OPENING, ONLINE, CLOSING }

    private final BenchTenant tenant;
    private final boolean steady;
    final AtomicLong ackedBytes = new AtomicLong();
    final AtomicLong heldBackBytes = new AtomicLong();
    final AtomicLong failedRecords = new AtomicLong();
    final AtomicLong abortedAtClose = new AtomicLong();
    final AtomicLong sessions = new AtomicLong();
    private volatile State state = State.OFFLINE;
    private volatile SoakSession session;
    private volatile long offlineSinceNanos = System.nanoTime();

    SoakTenant(BenchTenant tenant, boolean steady) {
        this.tenant = tenant;
        this.steady = steady;
    }

    BenchTenant tenant() {
        return tenant;
    }

    boolean steady() {
        return steady;
    }

    State state() {
        return state;
    }

    void state(State next) {
        if (next == State.OFFLINE) {
            offlineSinceNanos = System.nanoTime();
        }
        state = next;
    }

    /** The session open now, if the driver has it connected. */
    SoakSession session() {
        return session;
    }

    void session(SoakSession current) {
        session = current;
    }

    /** How long the tenant has had no producer, in nanoseconds; 0 unless {@link State#OFFLINE}. */
    long offlineNanos(long nowNanos) {
        return state == State.OFFLINE ? nowNanos - offlineSinceNanos : 0;
    }
}
