/**
 * Quota arithmetic for performance isolation: throttle times, token buckets, the auto-tuned fair
 * share under a broker-wide limit, the split of a tenant quota across gateway instances, overload
 * protection, connection pacing, storage quota states, and how fair the outcome was.
 *
 * <p>Everything here is pure: no I/O, no logging, no clock. Time is passed in as {@code nowMs}
 * (milliseconds, assumed not to go backwards; where it does, the elapsed time counts as zero), so
 * every rule is tested step by step with fake time. Rates are per second; byte quotas are whole
 * bytes per second ({@code long}) so that sums can be kept exact. Values are records; the few
 * classes that keep state between steps ({@link io.kondo.core.quota.FairShareTuner},
 * {@link io.kondo.core.quota.OverloadGovernor}, {@link io.kondo.core.quota.AcceptPacer}) are not
 * thread-safe: each is driven by one thread (a tuning loop, an acceptor), which is what their
 * callers have anyway.
 */
package io.kondo.core.quota;
