package io.kondo.bench.quota;

import io.kondo.core.quota.Fairness;
import io.kondo.gateway.Gateway;
import io.kondo.gateway.quota.QuotaTuning;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Equal tenants under contention: each produces flat out through a gateway whose broker-wide
 * limit is below their combined demand, so the fair-share tuner lowers their quotas to shares of
 * the limit; Jain's index of what each achieved over the window says how even the shares came out.
 */
final class FairShareRun {

    private static final Logger LOG = LoggerFactory.getLogger(FairShareRun.class);

    /**
     * @param limit         the broker-wide produce limit, bytes/s (per broker × brokers)
     * @param planQuota     each tenant's plan produce quota, bytes/s
     * @param wireRates     bytes/s each tenant's producer sent over the window (requests with headers)
     * @param payloadRates  record value bytes/s acknowledged per tenant over the window
     * @param dynamicQuotas each tenant's produce quota after the tuner at the end of the window
     * @param failures      records that failed, all tenants
     */
    record Result(long limit, long planQuota, double[] wireRates, double[] payloadRates, long[] dynamicQuotas,
                  long failures) {

        double jainIndex() {
            return Fairness.jainIndex(wireRates);
        }

        double jainIndexOfPayload() {
            return Fairness.jainIndex(payloadRates);
        }

        double totalWireRate() {
            double total = 0;
            for (double rate : wireRates) {
                total += rate;
            }
            return total;
        }
    }

    private final Gateway gateway;
    private final Duration warmUp;
    private final Duration measured;
    private final int recordBytes;

    FairShareRun(Gateway gateway, Duration warmUp, Duration measured, int recordBytes) {
        this.gateway = gateway;
        this.warmUp = warmUp;
        this.measured = measured;
        this.recordBytes = recordBytes;
    }

    Result run(List<BenchTenant> tenants, String topic, long limit, long planQuota) throws Exception {
        List<ProduceLoad> loads = new ArrayList<>();
        try {
            for (BenchTenant tenant : tenants) {
                Map<String, Object> properties = ClientProfiles.throttledProducer(tenant.client(gateway.bootstrapPort()),
                        "fair-" + tenant.name());
                loads.add(new ProduceLoad(tenant.name(), properties, topic, recordBytes, 0).start());
            }
            ProduceLoad.sleep(warmUp);
            int n = loads.size();
            double[] wireBefore = new double[n];
            long[] ackedBefore = new long[n];
            for (int i = 0; i < n; i++) {
                wireBefore[i] = loads.get(i).bytesSent();
                ackedBefore[i] = loads.get(i).ackedBytes();
            }
            ProduceLoad.sleep(measured);
            double seconds = measured.toNanos() / 1e9;
            double[] wire = new double[n];
            double[] payload = new double[n];
            long[] dynamic = new long[n];
            for (int i = 0; i < n; i++) {
                wire[i] = (loads.get(i).bytesSent() - wireBefore[i]) / seconds;
                payload[i] = (loads.get(i).ackedBytes() - ackedBefore[i]) / seconds;
                dynamic[i] = gateway.dynamicQuota(tenants.get(i).id()).map(QuotaTuning.DynamicQuota::produceBytesPerSecond)
                        .orElse(-1L);
            }
            long failures = loads.stream().mapToLong(ProduceLoad::failures).sum();
            Result result = new Result(limit, planQuota, wire, payload, dynamic, failures);
            LOG.info("Fair share: jain={} total={} B/s limit={} B/s", result.jainIndex(), result.totalWireRate(), limit);
            return result;
        } finally {
            for (ProduceLoad load : loads) {
                load.close();
            }
        }
    }
}
