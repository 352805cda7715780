/**
 * Benchmarks and the soak of tenant quotas (the "performance isolation" figures), as plain mains
 * run by {@code bench/run-quota-bench.sh} ({@link io.kondo.bench.quota.QuotaBenchmark}: quota
 * accuracy, fairness under a broker-wide limit, a noisy neighbour) and
 * {@code bench/run-quota-soak.sh} ({@link io.kondo.bench.quota.QuotaSoak}: a thousand tenants kept
 * over quota, heap and quota state watched for leaks); not tests, and never built by {@code mvn verify}.
 *
 * <p>Each main holds an embedded 3-node cluster, the tenant metadata on it and in-process gateways.
 * Tenants are written straight into the metadata store; their clients reach a gateway with SASL/PLAIN.
 *
 * <p>Threading: producer callbacks run on each producer's I/O thread and write only to atomic
 * counters or to a {@link io.kondo.bench.LatencyRecorder} (synchronized); the soak's pacing
 * and churn run on one driver thread that owns the set of open sessions; everything else runs on
 * the main thread.
 */
package io.kondo.bench.quota;
