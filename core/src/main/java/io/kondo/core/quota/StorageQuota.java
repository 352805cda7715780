package io.kondo.core.quota;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Decides, from a tenant's measured storage and its plan's storage policy, whether it is fine,
 * near its quota, expanded, or past its hard cap — and what to do about it.
 *
 * <p>States and the reason for each:
 * <ul>
 * <li>{@link State#NORMAL}: below {@code warnFraction} (80%) of the base quota.
 * <li>{@link State#WARNING}: at or above 80% of the current quota with no room to expand. A
 *     {@link EventKind#WARNING} event is raised when the tenant crosses into it, not at every
 *     step; it leaves WARNING only below {@code rearmFraction} (75%), so storage hovering around
 *     80% (retention deleting segments while producers add them) warns once, not at every wobble.
 * <li>{@link State#EXPANDED}: the plan allows auto-expansion and the quota has grown above the
 *     base. Crossing 80% of the current quota grows it, by steps of {@code expansionStepFraction}
 *     (25%) of the base, to the smallest step that puts the tenant below 80% again, never past the
 *     hard cap: customers on such plans asked for storage to grow rather than to be warned. When
 *     storage falls the quota returns to the smallest step the tenant is below 75% of (the base
 *     at the end); expanding at 80% and returning at 75% keeps a step from flapping.
 * <li>{@link State#TRICKLE}: storage is past the hard cap. Produce is throttled to the plan's
 *     trickle rate, never rejected: a rejected produce is an outage for the tenant's
 *     application, a slow one gives it time to raise retention or upgrade, and throttling is
 *     something Kafka clients already handle. It ends as soon as storage is back within the cap
 *     (retention frees space while produce trickles), so the cap holds without a dead band.
 * </ul>
 *
 * <p>Pure: the per-tenant state is a small {@link Status} value the caller keeps and passes back
 * at the next step; there is no hidden map. A plan change is absorbed by clamping the carried
 * quota into the new policy's range.
 *
 * @param warnFraction          share of the current quota at which a tenant is warned or expanded
 * @param rearmFraction         share below which a warning ends (and a quota step is returned)
 * @param expansionStepFraction one expansion step, as a share of the base quota
 */
public record StorageQuota(double warnFraction, double rearmFraction, double expansionStepFraction) {

    /** 80% warns or expands, 75% re-arms, steps of 25% of the base. */
    public static final StorageQuota DEFAULTS = new StorageQuota(0.80, 0.75, 0.25);

    /** Where a tenant stands against its storage quota. */
    public enum State { NORMAL, WARNING, EXPANDED, TRICKLE }

    /** What an event announces. */
    public enum EventKind { WARNING, EXPANDED, CONTRACTED, TRICKLE_STARTED, TRICKLE_ENDED }

    /**
     * A plan's storage policy.
     *
     * @param baseBytes             the quota the plan includes
     * @param hardCapBytes          past this, produce trickles; at least the base (equal to it when the
     *                              plan does not expand, larger only to leave a grace band)
     * @param autoExpand            whether the quota grows with use up to the hard cap
     * @param trickleBytesPerSecond produce rate allowed past the hard cap
     */
    public record Policy(long baseBytes, long hardCapBytes, boolean autoExpand, long trickleBytesPerSecond) {
        public Policy {
            if (baseBytes <= 0 || hardCapBytes < baseBytes) {
                throw new IllegalArgumentException(
                        "storage policy needs 0 < base <= hard cap, got base " + baseBytes + ", cap " + hardCapBytes);
            }
            if (trickleBytesPerSecond < 0) {
                throw new IllegalArgumentException("trickle rate must not be negative, got " + trickleBytesPerSecond);
            }
        }
    }

    /** The per-tenant state carried from one step to the next. */
    public record Status(State state, long quotaBytes) {
        public Status {
            Objects.requireNonNull(state, "state");
        }

        /** Where a tenant starts: normal, at the base quota. */
        public static Status initial(Policy policy) {
            return new Status(State.NORMAL, policy.baseBytes());
        }
    }

    /** Something worth telling the tenant or the operator; raised once per crossing. */
    public record Event(EventKind kind, String message) {
        public Event {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(message, "message");
        }
    }

    /**
     * The outcome of one step.
     *
     * @param status          pass back at the next step
     * @param produceRateCap  bytes per second to cap produce at, or empty for no storage cap
     * @param events          raised this step, possibly none
     */
    public record Decision(Status status, OptionalLong produceRateCap, List<Event> events) {
        public Decision {
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(produceRateCap, "produceRateCap");
            events = List.copyOf(events);
        }

        public State state() {
            return status.state();
        }

        /** The effective storage quota. */
        public long quotaBytes() {
            return status.quotaBytes();
        }
    }

    public StorageQuota {
        if (!(rearmFraction > 0 && rearmFraction < warnFraction && warnFraction <= 1)) {
            throw new IllegalArgumentException(
                    "need 0 < rearm < warn <= 1, got rearm " + rearmFraction + ", warn " + warnFraction);
        }
        if (!(expansionStepFraction > 0)) {
            throw new IllegalArgumentException("expansion step must be positive, got " + expansionStepFraction);
        }
    }

    /** One step: the tenant measured at {@code storedBytes}, having been at {@code previous}. */
    public Decision decide(Policy policy, Status previous, long storedBytes) {
        if (storedBytes < 0) {
            throw new IllegalArgumentException("stored bytes must not be negative, got " + storedBytes);
        }
        long carried = clamp(previous.quotaBytes(), policy);
        long quota = nextQuota(policy, carried, storedBytes);
        State state = nextState(policy, previous.state(), quota, storedBytes);
        List<Event> events = new ArrayList<>();
        quotaEvent(carried, quota, storedBytes).ifPresent(events::add);
        stateEvent(policy, previous.state(), state, quota, storedBytes).ifPresent(events::add);
        OptionalLong cap = state == State.TRICKLE
                ? OptionalLong.of(policy.trickleBytesPerSecond())
                : OptionalLong.empty();
        return new Decision(new Status(state, quota), cap, events);
    }

    private static long clamp(long quota, Policy policy) {
        if (!policy.autoExpand()) {
            return policy.baseBytes();
        }
        return Math.max(policy.baseBytes(), Math.min(policy.hardCapBytes(), quota));
    }

    private long nextQuota(Policy policy, long quota, long stored) {
        if (!policy.autoExpand()) {
            return quota;
        }
        if (stored >= warnFraction * quota) {
            return Math.max(quota, smallestStepAbove(policy, stored / warnFraction));
        }
        return Math.min(quota, smallestStepAbove(policy, stored / rearmFraction));
    }

    /** The smallest base + k × step (k ≥ 0) strictly above {@code bytes}, or the hard cap if that is smaller. */
    private long smallestStepAbove(Policy policy, double bytes) {
        long base = policy.baseBytes();
        if (bytes < base) {
            return base;
        }
        double step = Math.max(1, Math.round(base * expansionStepFraction));
        double steps = Math.floor((bytes - base) / step) + 1;
        double quota = base + steps * step;
        return quota >= policy.hardCapBytes() ? policy.hardCapBytes() : (long) quota;
    }

    private State nextState(Policy policy, State previous, long quota, long stored) {
        if (stored > policy.hardCapBytes()) {
            return State.TRICKLE;
        }
        boolean wasWarned = previous == State.WARNING || previous == State.TRICKLE;
        if (stored >= warnFraction * quota || (wasWarned && stored >= rearmFraction * quota)) {
            return State.WARNING;
        }
        return quota > policy.baseBytes() ? State.EXPANDED : State.NORMAL;
    }

    private static Optional<Event> quotaEvent(long from, long to, long stored) {
        String change = ByteSize.format(from) + " to " + ByteSize.format(to);
        if (to > from) {
            return Optional.of(new Event(EventKind.EXPANDED,
                    "storage quota expanded from " + change + ": storage at " + ByteSize.format(stored)));
        }
        if (to < from) {
            return Optional.of(new Event(EventKind.CONTRACTED,
                    "storage quota returned from " + change + ": storage down to " + ByteSize.format(stored)));
        }
        return Optional.empty();
    }

    private static Optional<Event> stateEvent(Policy policy, State from, State to, long quota, long stored) {
        String cap = ByteSize.format(policy.hardCapBytes());
        if (to == State.TRICKLE && from != State.TRICKLE) {
            return Optional.of(new Event(EventKind.TRICKLE_STARTED, "produce throttled to a trickle: storage "
                    + ByteSize.format(stored) + " is past the hard cap of " + cap));
        }
        if (from == State.TRICKLE && to != State.TRICKLE) {
            return Optional.of(new Event(EventKind.TRICKLE_ENDED, "produce no longer throttled: storage "
                    + ByteSize.format(stored) + " is within the hard cap of " + cap));
        }
        if (to == State.WARNING && from != State.WARNING) {
            long percent = Math.round(stored * 100.0 / quota);
            return Optional.of(new Event(EventKind.WARNING,
                    "storage at " + percent + "% of " + ByteSize.format(quota)));
        }
        return Optional.empty();
    }
}
