package dev.credkit.benchmarks;

import org.openjdk.jmh.annotations.Threads;

/** {@link CredentialBenchmarks} on two threads sharing one issuer / verifier (this machine has 2 cores). */
@Threads(2)
public class TwoThreads extends CredentialBenchmarks {
}
