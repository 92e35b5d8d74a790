package dev.credkit.model;

import dev.credkit.core.CredentialException;
import dev.credkit.json.JsonObject;
import dev.credkit.json.JsonReader;
import dev.credkit.json.JsonValue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Test documents: JSON written with single quotes for readability, and the bundled vectors. */
final class Fixtures {
    static final String V2 = "https://www.w3.org/ns/credentials/v2";
    static final String V1 = "https://www.w3.org/2018/credentials/v1";
    static final String EXAMPLES_V2 = "https://www.w3.org/ns/credentials/examples/v2";

    /** A minimal valid VC 2.0 credential. */
    static final String VC2 = """
            {'@context': ['https://www.w3.org/ns/credentials/v2', 'https://www.w3.org/ns/credentials/examples/v2'],
             'id': 'urn:uuid:58172aac-d8ba-11ed-83dd-0b3aef56cc33',
             'type': ['VerifiableCredential', 'ExampleCredential'],
             'issuer': 'https://university.example/issuers/565049',
             'validFrom': '2024-01-01T00:00:00Z',
             'credentialSubject': {'id': 'did:example:ebfeb1f712ebc6f1c276e12ec21', 'alumniOf': 'Example University'}}
            """;

    /** A minimal valid VC 1.1 credential. */
    static final String VC1 = """
            {'@context': ['https://www.w3.org/2018/credentials/v1', 'https://www.w3.org/2018/credentials/examples/v1'],
             'id': 'http://example.edu/credentials/1872',
             'type': ['VerifiableCredential', 'AlumniCredential'],
             'issuer': 'https://example.edu/issuers/565049',
             'issuanceDate': '2010-01-01T19:23:24Z',
             'credentialSubject': {'id': 'did:example:ebfeb1f712ebc6f1c276e12ec21', 'alumniOf': 'Example University'}}
            """;

    private Fixtures() {
    }

    /** Parses JSON written with ' for ". */
    static JsonObject json(String singleQuoted) {
        try {
            return JsonReader.defaults().readObject(singleQuoted.replace('\'', '"'));
        } catch (CredentialException e) {
            throw new IllegalArgumentException("bad test JSON: " + e.getMessage(), e);
        }
    }

    static JsonValue value(String singleQuoted) {
        try {
            return JsonReader.defaults().read(singleQuoted.replace('\'', '"'));
        } catch (CredentialException e) {
            throw new IllegalArgumentException("bad test JSON: " + e.getMessage(), e);
        }
    }

    /** {@code base} with the members of {@code overrides} set (replaced in place, or appended). */
    static JsonObject with(String base, String overrides) {
        JsonObject.Builder b = json(base).toBuilder();
        json(overrides).members().forEach(b::put);
        return b.build();
    }

    /** {@code base} without the named members. */
    static JsonObject without(String base, String... names) {
        JsonObject.Builder b = json(base).toBuilder();
        for (String name : names) {
            b.remove(name);
        }
        return b.build();
    }

    static byte[] bytes(String resource) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/" + resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonObject read(String resource) throws CredentialException {
        return JsonReader.defaults().readObject(bytes(resource));
    }
}
