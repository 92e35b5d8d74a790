package dev.credkit.internal.jose;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.jca.JCAContext;
import com.nimbusds.jose.util.Base64URL;
import dev.credkit.core.CredentialException;

import java.util.Objects;
import java.util.Set;

/**
 * A Nimbus {@link JWSSigner} around whatever holds the key (a {@link RawSigner}: local key, HSM,
 * KMS). The signer's own failure travels through Nimbus inside a {@link SignerFailure} and comes
 * out unchanged from {@link JwsSigning#sign}, so retryable and permanent stay distinguishable.
 */
final class SignerJwsSigner implements JWSSigner {
    private static final Set<JWSAlgorithm> ALGORITHMS = Set.of(JWSAlgorithm.EdDSA, JWSAlgorithm.Ed25519);

    private final RawSigner signer;
    private final JCAContext jcaContext = new JCAContext();

    SignerJwsSigner(RawSigner signer) {
        this.signer = Objects.requireNonNull(signer, "signer");
    }

    @Override
    public Set<JWSAlgorithm> supportedJWSAlgorithms() {
        return ALGORITHMS;
    }

    @Override
    public JCAContext getJCAContext() {
        return jcaContext;
    }

    @Override
    public Base64URL sign(JWSHeader header, byte[] signingInput) throws JOSEException {
        if (!ALGORITHMS.contains(header.getAlgorithm())) {
            throw new JOSEException("an Ed25519 signer cannot sign " + header.getAlgorithm());
        }
        try {
            return Base64URL.encode(signer.sign(signingInput));
        } catch (CredentialException e) {
            throw new SignerFailure(e);
        }
    }

    /** Carries the signer's own exception through Nimbus. */
    static final class SignerFailure extends JOSEException {
        private final CredentialException failure;

        SignerFailure(CredentialException failure) {
            super(failure.getMessage(), failure);
            this.failure = failure;
        }

        CredentialException failure() {
            return failure;
        }
    }
}
