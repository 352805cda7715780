package io.kondo.app.cli;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Encodes user input placed in a URL path, so an argument cannot change which resource is addressed. */
final class PathSegment {

    private PathSegment() {
    }

    static String of(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
