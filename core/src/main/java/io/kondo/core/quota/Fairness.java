package io.kondo.core.quota;

/**
 * Jain's fairness index of what tenants received: {@code (Σx)² / (n · Σx²)} over the tenants'
 * allocations {@code x}. It is 1 when every tenant got the same, and {@code 1/n} when one tenant
 * got everything. Allocations are usually normalised first (throughput divided by what the tenant
 * was entitled to), so that tenants of different plans can be compared.
 */
public final class Fairness {

    private Fairness() {
    }

    /**
     * Jain's index of {@code allocations}.
     *
     * @return a value in {@code [1/n, 1]}; 1 when all allocations are zero (nobody got more than anybody)
     * @throws IllegalArgumentException if there are no allocations, or one is negative, infinite or NaN
     */
    public static double jainIndex(double... allocations) {
        if (allocations.length == 0) {
            throw new IllegalArgumentException("Jain's fairness index needs at least one allocation");
        }
        double sum = 0;
        double sumOfSquares = 0;
        for (int i = 0; i < allocations.length; i++) {
            double x = allocations[i];
            if (!(x >= 0) || Double.isInfinite(x)) {
                throw new IllegalArgumentException("allocation " + i + " must be finite and not negative, was " + x);
            }
            sum += x;
            sumOfSquares += x * x;
        }
        if (sumOfSquares == 0) {
            return 1.0;
        }
        return Math.min(1.0, sum * sum / (allocations.length * sumOfSquares));
    }
}
