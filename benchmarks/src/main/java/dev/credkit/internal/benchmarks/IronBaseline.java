package dev.credkit.internal.benchmarks;

import com.apicatalog.ld.DocumentError;
import com.apicatalog.ld.signature.SigningError;
import com.apicatalog.ld.signature.VerificationError;
import com.apicatalog.ld.signature.eddsa.EdDSASignature2022;
import com.apicatalog.multibase.MultibaseDecoder;
import com.apicatalog.multicodec.Multicodec;
import com.apicatalog.multicodec.MulticodecDecoder;
import com.apicatalog.multikey.MultiKey;
import com.apicatalog.vc.Verifiable;
import com.apicatalog.vc.integrity.DataIntegrityProofDraft;
import com.apicatalog.vc.issuer.Issuer;
import com.apicatalog.vc.method.resolver.DidUrlMethodResolver;
import com.apicatalog.vc.verifier.Verifier;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/**
 * eddsa-rdfc-2022 issuing and verifying with iron-verifiable-credentials 0.14.0 and
 * iron-eddsa-rdfc-2022 0.14.0, set up the way a careful user would: contexts from memory
 * ({@link OfflineContextLoader}, iron's own bundle off), did:key resolved locally and no HTTP
 * method resolver, one issuer and one verifier shared by all threads.
 */
public final class IronBaseline {
    private static final URI ASSERTION_METHOD = URI.create("https://w3id.org/security#assertionMethod");

    private final EdDSASignature2022 suite = new EdDSASignature2022();
    private final Issuer issuer;
    private final Verifier verifier;
    private final URI verificationMethod;
    private final Instant created;

    /**
     * @param publicKey the raw 32-byte Ed25519 public key
     * @param seed the 32-byte Ed25519 seed (iron's private key format)
     */
    public IronBaseline(byte[] publicKey, byte[] seed, String verificationMethod, Instant created) {
        this.verificationMethod = URI.create(verificationMethod);
        this.created = created;
        MultiKey keys = new MultiKey();
        keys.setId(this.verificationMethod);
        keys.setController(URI.create(verificationMethod.substring(0, verificationMethod.indexOf('#'))));
        keys.setAlgorithm("Ed25519");
        keys.setPublicKey(publicKey.clone());
        keys.setPrivateKey(seed.clone());
        OfflineContextLoader loader = new OfflineContextLoader();
        this.issuer = suite.createIssuer(keys).loader(loader).useBundledContexts(false);
        this.verifier = Verifier.with(suite)
                .loader(loader)
                .useBundledContexts(false)
                .methodResolvers(List.of(new DidUrlMethodResolver(
                        MultibaseDecoder.getInstance(), MulticodecDecoder.getInstance(Multicodec.Tag.Key))));
    }

    /** Parses JSON with the JSON-P implementation iron uses (parsson). */
    public static JsonObject parse(byte[] json) {
        try (JsonReader reader = Json.createReader(new ByteArrayInputStream(json))) {
            return reader.readObject();
        }
    }

    public static byte[] serialize(JsonObject json) {
        return json.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Signs and compacts: iron's issuer returns the expanded form, and a credential is handed
     * out compacted (as credkit's issuer returns it), so compaction is part of issuing.
     */
    public JsonObject sign(JsonObject unsigned) throws SigningError, DocumentError {
        DataIntegrityProofDraft draft = suite.createDraft(verificationMethod, ASSERTION_METHOD);
        draft.created(created);
        return issuer.sign(unsigned, draft).compacted();
    }

    /** Signs without compacting (the expanded form iron's issuer returns). */
    public JsonObject signExpanded(JsonObject unsigned) throws SigningError, DocumentError {
        DataIntegrityProofDraft draft = suite.createDraft(verificationMethod, ASSERTION_METHOD);
        draft.created(created);
        return issuer.sign(unsigned, draft).expanded();
    }

    /** Parses and verifies; iron throws when the credential does not verify. */
    public Verifiable verify(byte[] json) throws VerificationError, DocumentError {
        return verifier.verify(parse(json));
    }
}
