package dev.credkit.signing;

import dev.credkit.core.CredentialException;
import dev.credkit.core.ProblemCode;
import dev.credkit.json.JsonObject;
import dev.credkit.keys.DidKey;
import dev.credkit.keys.Ed25519KeyPair;
import dev.credkit.proof.Cryptosuite;
import dev.credkit.proof.ProofOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.time.Instant;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.credkit.testing.TestResources.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Signer extension point as a KMS or HSM would implement it. */
class SignerExtensionPointTest {
    static final String V = "vectors/vc-di-eddsa/";
    static final Instant CREATED = Instant.parse("2023-02-24T23:36:38Z");
    /** Stands in for the key service: the key lives on "its" thread only, reached through a queue. */
    static final ExecutorService KMS = Executors.newSingleThreadExecutor();

    @AfterAll
    static void stopKms() {
        KMS.shutdownNow();
    }

    static Ed25519KeyPair vectorKey() throws CredentialException {
        return Ed25519KeyPair.fromSecretMultibase(json(V + "keyPair.json").string("privateKeyMultibase").orElseThrow());
    }

    /** A "remote" signer: bytes go to the service, a signature comes back, the key never leaves it. */
    static final class FakeRemoteSigner implements Signer {
        private final String method;
        private final Ed25519KeyPair keyHeldByService;
        final AtomicInteger calls = new AtomicInteger();

        FakeRemoteSigner(Ed25519KeyPair key) {
            this.keyHeldByService = key;
            this.method = DidKey.verificationMethodId(key.publicKey());
        }

        @Override
        public String verificationMethod() {
            return method;
        }

        @Override
        public SignatureAlgorithm algorithm() {
            return SignatureAlgorithm.ED25519;
        }

        @Override
        public byte[] sign(byte[] data) throws SignerException {
            calls.incrementAndGet();
            byte[] request = data.clone(); // what would go over the wire
            try {
                return KMS.submit(() -> keyHeldByService.sign(request)).get(5, TimeUnit.SECONDS);
            } catch (TimeoutException | ExecutionException e) {
                throw SignerException.retryable("key service did not answer", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw SignerException.retryable("interrupted while waiting for the key service", e);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Cryptosuite.class)
    void aRemoteSignerProducesTheSameProofAsTheLocalOne(Cryptosuite suite) throws Exception {
        ProofOptions options = ProofOptions.builder().cryptosuite(suite).created(CREATED).build();
        JsonObject unsigned = json(V + "unsigned.json");
        FakeRemoteSigner remote = new FakeRemoteSigner(vectorKey());

        SignedDocument viaRemote = CredentialIssuer.builder().signer(remote).build().issue(unsigned, options);
        SignedDocument viaLocal = CredentialIssuer.builder().signer(Signers.didKey(vectorKey())).build().issue(unsigned, options);

        assertThat(viaRemote.proof()).isEqualTo(viaLocal.proof());
        assertThat(viaRemote.json()).isEqualTo(viaLocal.json());
        assertThat(remote.calls).hasValue(1);
    }

    @Test
    void retryableAndPermanentFailuresStayDistinct() throws Exception {
        JsonObject unsigned = json(V + "unsigned.json");
        Signer unreachable = signer(data -> {
            throw SignerException.retryable("connection refused", new IOException("connection refused"));
        });
        assertThatThrownBy(() -> CredentialIssuer.builder().signer(unreachable).build().issue(unsigned))
                .isInstanceOfSatisfying(SignerException.class, e -> {
                    assertThat(e.isRetryable()).isTrue();
                    assertThat(e.code()).isEqualTo(ProblemCode.SIGNER_UNAVAILABLE);
                });

        Signer refusing = signer(data -> {
            throw SignerException.permanent("key is disabled", null);
        });
        assertThatThrownBy(() -> CredentialIssuer.builder().signer(refusing).build().issue(unsigned))
                .isInstanceOfSatisfying(SignerException.class, e -> {
                    assertThat(e.isRetryable()).isFalse();
                    assertThat(e.code()).isEqualTo(ProblemCode.SIGNER_FAILED);
                });

        Signer broken = signer(data -> new byte[65]);
        assertThatThrownBy(() -> CredentialIssuer.builder().signer(broken).build().issue(unsigned))
                .isInstanceOfSatisfying(SignerException.class, e -> assertThat(e.getMessage()).contains("65 bytes"));
    }

    @Test
    void nothingIsSentToTheSignerForADocumentThatMustNotBeSigned() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        Signer counting = signer(data -> {
            calls.incrementAndGet();
            return vectorKey().sign(data);
        });
        CredentialIssuer issuer = CredentialIssuer.builder().signer(counting).build();
        JsonObject unsigned = json(V + "unsigned.json");

        assertCode(() -> issuer.issue(unsigned.with("favouriteColour", "blue").with("@context",
                dev.credkit.json.JsonArray.ofStrings(java.util.List.of("https://www.w3.org/ns/credentials/v2")))), ProblemCode.UNDEFINED_TERM);
        assertCode(() -> issuer.issue(unsigned.without("credentialSubject")), ProblemCode.INVALID_DATA_MODEL);
        assertCode(() -> issuer.issue(unsigned.with("validFrom", "2023-01-01")), ProblemCode.INVALID_DATA_MODEL);
        assertCode(() -> issuer.issue(unsigned.with("validUntil", "2022-01-01T00:00:00Z")), ProblemCode.INVALID_DATA_MODEL);
        assertCode(() -> issuer.issue(unsigned.with("type", "AlumniCredential")), ProblemCode.INVALID_DATA_MODEL);
        assertThat(calls).hasValue(0);
    }

    interface SignFunction {
        byte[] sign(byte[] data) throws SignerException, CredentialException;
    }

    static Signer signer(SignFunction f) throws CredentialException {
        String method = DidKey.verificationMethodId(vectorKey().publicKey());
        return new Signer() {
            @Override
            public String verificationMethod() {
                return method;
            }

            @Override
            public SignatureAlgorithm algorithm() {
                return SignatureAlgorithm.ED25519;
            }

            @Override
            public byte[] sign(byte[] data) throws SignerException {
                try {
                    return f.sign(data);
                } catch (SignerException e) {
                    throw e;
                } catch (CredentialException e) {
                    throw SignerException.permanent(e.getMessage(), e);
                }
            }
        };
    }

    interface Call {
        void run() throws Exception;
    }

    static void assertCode(Call call, ProblemCode code) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(CredentialException.class, e -> assertThat(e.code()).as(e.getMessage()).isEqualTo(code));
    }
}
