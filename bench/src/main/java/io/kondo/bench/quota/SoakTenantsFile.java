package io.kondo.bench.quota;

import io.kondo.core.tenant.LogicalClusterId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

/**
 * Hands the soak's tenants (with their API secrets) from the gateway's process to the load's: one
 * line per tenant, {@code steady|churn name id key secret}, in a file only the owner can read.
 */
final class SoakTenantsFile {

    /** A tenant and whether it stays connected throughout. */
    record Line(BenchTenant tenant, boolean steady) {
    }

    private SoakTenantsFile() {
    }

    static void write(Path file, List<Line> lines) throws IOException {
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        List<String> text = new ArrayList<>();
        for (Line line : lines) {
            BenchTenant t = line.tenant();
            text.add(String.join(" ", line.steady() ? "steady" : "churn", t.name(), t.id().value(), t.key(), t.secret()));
        }
        Files.write(file, text);
    }

    static List<Line> read(Path file) throws IOException {
        List<Line> lines = new ArrayList<>();
        for (String text : Files.readAllLines(file)) {
            String[] f = text.split(" ");
            if (f.length != 5 || !(f[0].equals("steady") || f[0].equals("churn"))) {
                throw new IllegalArgumentException("not a soak tenant line: " + f[0] + " ...");
            }
            lines.add(new Line(new BenchTenant(new LogicalClusterId(f[2]), f[1], f[3], f[4]), f[0].equals("steady")));
        }
        return lines;
    }
}
