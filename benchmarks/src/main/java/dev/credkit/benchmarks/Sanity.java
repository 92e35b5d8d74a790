package dev.credkit.benchmarks;

import java.nio.charset.StandardCharsets;

/** Setup checks shared by the benchmark states. */
final class Sanity {
    private Sanity() {
    }

    /** A copy of a signed credential with one signed value changed (the achievement's name). */
    static byte[] tamper(byte[] signed) {
        String json = new String(signed, StandardCharsets.UTF_8);
        String marker = "\"CS 201:";
        int at = json.indexOf(marker);
        if (at < 0) {
            marker = "\"B.Sc.";
            at = json.indexOf(marker);
        }
        if (at < 0) {
            throw new IllegalStateException("cannot find a value to tamper with");
        }
        return (json.substring(0, at) + "\"XX" + json.substring(at + 3)).getBytes(StandardCharsets.UTF_8);
    }
}
