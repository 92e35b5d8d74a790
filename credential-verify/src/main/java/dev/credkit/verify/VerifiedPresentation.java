package dev.credkit.verify;

import dev.credkit.model.VerifiablePresentation;

import java.util.List;

/** A presentation whose proof and every embedded credential verified. Only {@link Verifier} creates these. */
public final class VerifiedPresentation {
    private final VerifiablePresentation presentation;
    private final List<VerifiedCredential> credentials;

    VerifiedPresentation(VerifiablePresentation presentation, List<VerifiedCredential> credentials) {
        this.presentation = presentation;
        this.credentials = List.copyOf(credentials);
    }

    public VerifiablePresentation presentation() {
        return presentation;
    }

    public List<VerifiedCredential> credentials() {
        return credentials;
    }
}
