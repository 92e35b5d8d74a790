package dev.credkit.signing;

import dev.credkit.keys.DidKey;
import dev.credkit.keys.Ed25519KeyPair;

import java.util.Objects;

/** Signers for keys held in this process. */
public final class Signers {
    private Signers() {
    }

    /** Signs with a local key as the {@code did:key} verification method of that key. */
    public static Signer didKey(Ed25519KeyPair keyPair) {
        return ed25519(keyPair, DidKey.verificationMethodId(keyPair.publicKey()));
    }

    /** Signs with a local key as the given verification method (e.g. a did:web or https method). */
    public static Signer ed25519(Ed25519KeyPair keyPair, String verificationMethod) {
        return new LocalEd25519Signer(keyPair, verificationMethod);
    }

    private static final class LocalEd25519Signer implements Signer {
        private final Ed25519KeyPair keyPair;
        private final String verificationMethod;

        LocalEd25519Signer(Ed25519KeyPair keyPair, String verificationMethod) {
            this.keyPair = Objects.requireNonNull(keyPair, "keyPair");
            if (verificationMethod == null || verificationMethod.isBlank()) {
                throw new IllegalArgumentException("verificationMethod must not be blank");
            }
            this.verificationMethod = verificationMethod;
        }

        @Override
        public String verificationMethod() {
            return verificationMethod;
        }

        @Override
        public SignatureAlgorithm algorithm() {
            return SignatureAlgorithm.ED25519;
        }

        @Override
        public byte[] sign(byte[] data) {
            return keyPair.sign(data);
        }

        @Override
        public String toString() {
            return "LocalEd25519Signer[" + verificationMethod + "]";
        }
    }
}
