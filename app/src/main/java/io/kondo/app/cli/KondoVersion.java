package io.kondo.app.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** Kondo's version and the Kafka version it is built on, from build-time resources. */
public final class KondoVersion implements IVersionProvider {

    static String describe() {
        Properties props = new Properties();
        try (InputStream in = KondoVersion.class.getResourceAsStream("/kondo-version.properties")) {
            if (in != null) {
                props.load(in);
            }
        } catch (IOException e) {
            // Falls through to "unknown": the version is informational.
        }
        return "kondo " + props.getProperty("kondo.version", "unknown")
                + " (Apache Kafka " + props.getProperty("kafka.version", "unknown") + ")";
    }

    @Override
    public String[] getVersion() {
        return new String[] {describe()};
    }
}
