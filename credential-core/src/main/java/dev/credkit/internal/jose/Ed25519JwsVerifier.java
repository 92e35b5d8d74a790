package dev.credkit.internal.jose;

import com.nimbusds.jose.CriticalHeaderParamsAware;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.impl.CriticalHeaderParamsDeferral;
import com.nimbusds.jose.jca.JCAContext;
import com.nimbusds.jose.util.Base64URL;
import dev.credkit.keys.Ed25519PublicKey;

import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/**
 * A Nimbus {@link JWSVerifier} for {@code EdDSA} and the fully specified {@code Ed25519} that
 * verifies through credkit's one Ed25519 path, {@link Ed25519PublicKey#verify} (Bouncy Castle,
 * strict: 64-byte signatures, canonical S, validated keys), so no Tink is needed at run time.
 * The key comes from the caller's offline resolution, never from the header. A header with any
 * {@code crit} parameter fails: credkit processes none. Immutable and thread-safe.
 */
public final class Ed25519JwsVerifier implements JWSVerifier, CriticalHeaderParamsAware {
    /** The JOSE algorithms an Ed25519 key verifies. */
    public static final Set<String> ALGORITHM_NAMES = Set.of(JWSAlgorithm.EdDSA.getName(), JWSAlgorithm.Ed25519.getName());

    private final Ed25519PublicKey key;
    private final Set<JWSAlgorithm> algorithms;
    private final CriticalHeaderParamsDeferral critPolicy = new CriticalHeaderParamsDeferral();
    private final JCAContext jcaContext = new JCAContext();

    /** Verifies with {@code key}, accepting only those of {@code allowedAlgorithms} that are EdDSA / Ed25519. */
    public Ed25519JwsVerifier(Ed25519PublicKey key, Set<String> allowedAlgorithms) {
        this.key = Objects.requireNonNull(key, "key");
        Set<JWSAlgorithm> algs = new LinkedHashSet<>();
        for (String name : allowedAlgorithms) {
            if (ALGORITHM_NAMES.contains(name)) {
                algs.add(JWSAlgorithm.parse(name));
            }
        }
        this.algorithms = Set.copyOf(algs);
    }

    /** Verifies {@code EdDSA} and {@code Ed25519}. */
    public Ed25519JwsVerifier(Ed25519PublicKey key) {
        this(key, ALGORITHM_NAMES);
    }

    @Override
    public Set<JWSAlgorithm> supportedJWSAlgorithms() {
        return algorithms;
    }

    @Override
    public JCAContext getJCAContext() {
        return jcaContext;
    }

    @Override
    public Set<String> getProcessedCriticalHeaderParams() {
        return critPolicy.getProcessedCriticalHeaderParams();
    }

    @Override
    public Set<String> getDeferredCriticalHeaderParams() {
        return critPolicy.getDeferredCriticalHeaderParams();
    }

    @Override
    public boolean verify(JWSHeader header, byte[] signingInput, Base64URL signature) throws JOSEException {
        if (!algorithms.contains(header.getAlgorithm())) {
            throw new JOSEException("JWS algorithm '" + header.getAlgorithm() + "' is not allowed (allowed: " + algorithms + ")");
        }
        if (!critPolicy.headerPasses(header)) {
            return false;
        }
        return key.verify(signingInput, signature.decode());
    }
}
