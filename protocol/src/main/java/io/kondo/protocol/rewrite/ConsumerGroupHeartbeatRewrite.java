package io.kondo.protocol.rewrite;

import io.kondo.core.naming.TenantNamespace;
import io.kondo.protocol.TenantContext;
import java.util.Optional;
import org.apache.kafka.common.errors.InvalidRegularExpression;
import org.apache.kafka.common.message.ConsumerGroupHeartbeatRequestData;
import org.apache.kafka.common.message.ConsumerGroupHeartbeatResponseData;
import org.apache.kafka.common.protocol.ApiKeys;

/**
 * ConsumerGroupHeartbeat (KIP-848): the group id and subscribed topic names in; a subscribed topic
 * regex is confined to the tenant's namespace (see {@link #confine}). Owned and assigned partitions
 * are named by topic id and pass both ways.
 */
final class ConsumerGroupHeartbeatRewrite
        implements ApiRewrite<ConsumerGroupHeartbeatRequestData, ConsumerGroupHeartbeatResponseData> {

    /** The longest regex a tenant may subscribe with or filter by. */
    static final int MAX_REGEX_LENGTH = 1024;

    @Override
    public ApiKeys api() {
        return ApiKeys.CONSUMER_GROUP_HEARTBEAT;
    }

    @Override
    public ResponseRewrite<ConsumerGroupHeartbeatResponseData> rewriteRequest(ConsumerGroupHeartbeatRequestData request,
                                                                              short version, TenantContext tenant) {
        TenantNamespace namespace = tenant.namespace();
        request.setGroupId(Names.in(namespace, request.groupId()));
        request.setSubscribedTopicNames(GroupApis.topicsIn(namespace, request.subscribedTopicNames()));
        String regex = request.subscribedTopicRegex();
        String confined = regex == null || regex.isEmpty() ? regex : confine(namespace, regex);
        request.setSubscribedTopicRegex(confined);
        return (response, v) -> {
            String message = response.errorMessage();
            if (message != null && confined != null && !confined.isEmpty()) {
                message = message.replace(confined, regex);
            }
            response.setErrorMessage(GroupApis.messageOut(namespace, message));
        };
    }

    /**
     * The tenant's RE2J {@code regex} as one the broker can match against whole backing names and
     * that matches only the tenant's: {@code \Q<prefix>\E(?:<regex>)}. That holds only if the regex
     * cannot close the group it is put in, so it must be self-contained under RE2J's syntax, which
     * {@link #checkSelfContained} verifies conservatively.
     *
     * @throws InvalidRegularExpression if the regex is not self-contained or is too long
     */
    static String confine(TenantNamespace namespace, String regex) {
        String prefix = namespace.prefix();
        if (prefix.contains("\\E")) {
            throw new IllegalStateException("prefix " + prefix + " cannot be quoted in a regex");
        }
        checkSelfContained(regex);
        return quotedPrefix(namespace) + regex + ")";
    }

    /** The tenant's regex inside one {@link #confine} made, or empty if {@code confined} is not one. */
    static Optional<String> unconfine(TenantNamespace namespace, String confined) {
        String head = quotedPrefix(namespace);
        if (confined == null || !confined.startsWith(head) || !confined.endsWith(")")
                || confined.length() < head.length() + 1) {
            return Optional.empty();
        }
        return Optional.of(confined.substring(head.length(), confined.length() - 1));
    }

    private static String quotedPrefix(TenantNamespace namespace) {
        return "\\Q" + namespace.prefix() + "\\E(?:";
    }

    /**
     * Refuses a regex that could end, under RE2J's syntax, the group it is placed in: its
     * parentheses must balance once escapes, {@code \Q...\E} quotes and character classes are read
     * exactly as RE2J reads them. Constructs read differently by other engines (nested classes,
     * POSIX classes) are read the RE2J way; anything not certain to be read alike is refused.
     */
    static void checkSelfContained(String regex) {
        if (regex.length() > MAX_REGEX_LENGTH) {
            throw new InvalidRegularExpression("regular expression is longer than " + MAX_REGEX_LENGTH + " characters");
        }
        int depth = 0;
        int i = 0;
        while (i < regex.length()) {
            char c = regex.charAt(i);
            if (c == '\\') {
                i = skipEscape(regex, i, true);
            } else if (c == '[') {
                i = skipClass(regex, i);
            } else {
                if (c == '(') {
                    depth++;
                } else if (c == ')' && --depth < 0) {
                    throw invalid(regex, "unbalanced ')'");
                }
                i++;
            }
        }
        if (depth != 0) {
            throw invalid(regex, "unbalanced '('");
        }
    }

    /** Past the escape at {@code i} (a backslash); {@code \Q...\E} only outside classes. */
    private static int skipEscape(String regex, int i, boolean quoteAllowed) {
        if (i + 1 >= regex.length()) {
            throw invalid(regex, "trailing '\\'");
        }
        char c = regex.charAt(i + 1);
        if (c == 'Q') {
            int end = regex.indexOf("\\E", i + 2);
            if (!quoteAllowed || end < 0) {
                throw invalid(regex, "\\Q without \\E");
            }
            return end + 2;
        }
        if (c == 'p' || c == 'P') {
            return skipName(regex, i + 2, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_^");
        }
        if (c == 'x') {
            if (i + 2 < regex.length() && regex.charAt(i + 2) == '{') {
                return skipName(regex, i + 2, "0123456789abcdefABCDEF");
            }
            if (i + 3 >= regex.length() || !isHex(regex.charAt(i + 2)) || !isHex(regex.charAt(i + 3))) {
                throw invalid(regex, "bad \\x escape");
            }
            return i + 4;
        }
        return i + 2;
    }

    /** Past a one-letter name or a {@code {name}} of {@code allowed} characters starting at {@code i}. */
    private static int skipName(String regex, int i, String allowed) {
        if (i >= regex.length()) {
            throw invalid(regex, "missing name after escape");
        }
        if (regex.charAt(i) != '{') {
            if (!Character.isLetter(regex.charAt(i)) || regex.charAt(i) > 127) {
                throw invalid(regex, "bad one-letter name after escape");
            }
            return i + 1;
        }
        int end = regex.indexOf('}', i);
        if (end < 0 || end == i + 1) {
            throw invalid(regex, "bad {name} after escape");
        }
        for (int j = i + 1; j < end; j++) {
            if (allowed.indexOf(regex.charAt(j)) < 0) {
                throw invalid(regex, "bad {name} after escape");
            }
        }
        return end + 1;
    }

    /**
     * Past the character class at {@code i} (a '['), read as RE2J does: a ']' first is a member,
     * {@code [:name:]} is a POSIX class except as the upper end of a range, and the class ends at
     * the first other ']'.
     */
    private static int skipClass(String regex, int i) {
        int j = i + 1;
        if (j < regex.length() && regex.charAt(j) == '^') {
            j++;
        }
        boolean first = true;
        while (true) {
            if (j >= regex.length()) {
                throw invalid(regex, "unclosed character class");
            }
            char c = regex.charAt(j);
            if (c == ']' && !first) {
                return j + 1;
            }
            first = false;
            if (regex.startsWith("[:", j)) {
                int end = regex.indexOf(":]", j + 2);
                if (end >= 0) {
                    checkPosixName(regex, j + 2, end);
                    j = end + 2;
                    continue;
                }
            }
            if (c == '\\' && j + 1 < regex.length() && "pPdDsSwW".indexOf(regex.charAt(j + 1)) >= 0) {
                j = skipEscape(regex, j, false);
                continue;
            }
            j = skipClassChar(regex, j);
            if (j < regex.length() && regex.charAt(j) == '-' && j + 1 < regex.length() && regex.charAt(j + 1) != ']') {
                j = skipClassChar(regex, j + 1);
            }
        }
    }

    private static void checkPosixName(String regex, int from, int to) {
        if (from == to) {
            throw invalid(regex, "empty POSIX class");
        }
        for (int k = from; k < to; k++) {
            char c = regex.charAt(k);
            if (c != '^' && (c < 'a' || c > 'z')) {
                throw invalid(regex, "bad POSIX class");
            }
        }
    }

    private static int skipClassChar(String regex, int j) {
        if (j >= regex.length()) {
            throw invalid(regex, "unclosed character class");
        }
        return regex.charAt(j) == '\\' ? skipEscape(regex, j, false) : j + 1;
    }

    private static boolean isHex(char c) {
        return "0123456789abcdefABCDEF".indexOf(c) >= 0;
    }

    private static InvalidRegularExpression invalid(String regex, String why) {
        return new InvalidRegularExpression("regular expression is not self-contained (" + why + "): " + regex);
    }
}
