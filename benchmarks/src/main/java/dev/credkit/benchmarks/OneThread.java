package dev.credkit.benchmarks;

import org.openjdk.jmh.annotations.Threads;

/** {@link CredentialBenchmarks} on one thread. */
@Threads(1)
public class OneThread extends CredentialBenchmarks {
}
