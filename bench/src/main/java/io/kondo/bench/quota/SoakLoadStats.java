package io.kondo.bench.quota;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The load process's running totals, printed once a second as one line on its standard output and
 * read by the soak's main process.
 *
 * @param takenAtMs        when the totals were taken, wall clock in ms since the epoch (both
 *                         processes run on one machine, so the soak can tell whether they were
 *                         taken after a moment of its own)
 * @param steadyAckedBytes record bytes of the steady tenants acknowledged so far
 * @param ackedBytes       record bytes of every tenant acknowledged so far
 * @param heldBackBytes    demand not sent because the tenant already had its cap unacknowledged
 * @param failedRecords    records failed (not counting those cut off by a churn close)
 * @param abortedAtClose   records cut off by closing a churning tenant's producer
 * @param churnOpened      churning sessions opened after the initial ones
 * @param churnClosed      churning sessions closed
 * @param openFailures     churning tenants that could not reopen
 * @param connected        tenants with a producer open now
 * @param clientConnections connections those producers have open, as their {@code connection-count}
 *                         says (refreshed every ten seconds)
 * @param heapUsed         the load process's heap in use now (no collection), for information
 * @param awayMs           for churning tenants without a producer for more than 10 s: their line
 *                         number in the tenants file and for how long, ms
 */
record SoakLoadStats(long takenAtMs, long steadyAckedBytes, long ackedBytes, long heldBackBytes, long failedRecords,
                     long abortedAtClose, long churnOpened, long churnClosed, long openFailures, int connected,
                     int clientConnections, long heapUsed, Map<Integer, Long> awayMs) {

    static final String PREFIX = "SOAK-STATS ";
    /** Printed once every initial producer is open; the load starts right after. */
    static final String READY = "SOAK-READY";
    static final long AWAY_REPORTED_MS = 10_000;

    SoakLoadStats {
        awayMs = Map.copyOf(awayMs);
    }

    static SoakLoadStats none() {
        return new SoakLoadStats(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, Map.of());
    }

    String toLine() {
        String away = awayMs.entrySet().stream().map(e -> e.getKey() + ":" + e.getValue()).collect(Collectors.joining(","));
        return PREFIX + takenAtMs + " " + steadyAckedBytes + " " + ackedBytes + " " + heldBackBytes + " " + failedRecords + " "
                + abortedAtClose + " " + churnOpened + " " + churnClosed + " " + openFailures + " " + connected + " "
                + clientConnections + " " + heapUsed + " " + (away.isEmpty() ? "-" : away);
    }

    static Optional<SoakLoadStats> parse(String line) {
        if (!line.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String[] f = line.substring(PREFIX.length()).trim().split(" ");
        if (f.length != 13) {
            throw new IllegalArgumentException("a stats line with " + f.length + " fields, not 13: " + line);
        }
        Map<Integer, Long> away = new LinkedHashMap<>();
        if (!f[12].equals("-")) {
            for (String entry : f[12].split(",")) {
                String[] kv = entry.split(":");
                away.put(Integer.parseInt(kv[0]), Long.parseLong(kv[1]));
            }
        }
        return Optional.of(new SoakLoadStats(Long.parseLong(f[0]), Long.parseLong(f[1]), Long.parseLong(f[2]),
                Long.parseLong(f[3]), Long.parseLong(f[4]), Long.parseLong(f[5]), Long.parseLong(f[6]),
                Long.parseLong(f[7]), Long.parseLong(f[8]), Integer.parseInt(f[9]), Integer.parseInt(f[10]),
                Long.parseLong(f[11]), away));
    }
}
