package dev.credkit.model;

/**
 * Builds an unsigned VC Data Model 2.0 credential; {@code build()} validates it as
 * {@link VerifiableCredential#of} does and refuses invalid state.
 */
public final class VerifiableCredentialBuilder {
    VerifiableCredentialBuilder() {
    }
}
