package io.kondo.protocol.sasl;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How Kondo logs into backing brokers on its gateway connections, from the backing cluster's Kafka
 * client settings. Supported: PLAINTEXT, and SASL_PLAINTEXT with PLAIN (what the embedded cluster
 * uses). Anything else is refused at start with the reason, rather than failing per connection.
 *
 * @param username the SASL PLAIN username, or empty for PLAINTEXT
 * @param password the SASL PLAIN password
 */
public record UpstreamCredentials(Optional<String> username, String password) {

    private static final Pattern USERNAME = Pattern.compile("username\\s*=\\s*\"([^\"]*)\"");
    private static final Pattern PASSWORD = Pattern.compile("password\\s*=\\s*\"([^\"]*)\"");

    public static UpstreamCredentials from(Map<String, Object> clientProperties) {
        String protocol = String.valueOf(clientProperties.getOrDefault("security.protocol", "PLAINTEXT"));
        if (protocol.equals("PLAINTEXT")) {
            return new UpstreamCredentials(Optional.empty(), "");
        }
        String mechanism = String.valueOf(clientProperties.getOrDefault("sasl.mechanism", "GSSAPI"));
        if (!protocol.equals("SASL_PLAINTEXT") || !mechanism.equals("PLAIN")) {
            throw new IllegalArgumentException("the gateway connects to backing brokers with PLAINTEXT or SASL_PLAINTEXT/PLAIN"
                    + " only; configured: " + protocol + (protocol.startsWith("SASL") ? "/" + mechanism : ""));
        }
        String jaas = String.valueOf(clientProperties.get("sasl.jaas.config"));
        Matcher user = USERNAME.matcher(jaas);
        Matcher pass = PASSWORD.matcher(jaas);
        if (!user.find() || !pass.find()) {
            throw new IllegalArgumentException("sasl.jaas.config of the backing cluster has no username=\"...\" password=\"...\"");
        }
        return new UpstreamCredentials(Optional.of(user.group(1)), pass.group(1));
    }

    @Override
    public String toString() {
        return "UpstreamCredentials[username=" + username.orElse("(none)") + "]";
    }
}
