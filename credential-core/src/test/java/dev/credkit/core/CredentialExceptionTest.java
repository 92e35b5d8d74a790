package dev.credkit.core;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CredentialExceptionTest {
    @Test
    void messagesQuotingInputStayOnOneLine() {
        // found by RdfCanonicalizerFuzzTest: a parser's complaint quoted a raw line break
        CredentialException e = new CredentialException(ProblemCode.MALFORMED, "invalid N-Quads: Unexpected character [\n] expected []");
        assertThat(e.getMessage()).isEqualTo("invalid N-Quads: Unexpected character [\\u000a] expected []");
        assertThat(new CredentialException(ProblemCode.MALFORMED, "a\r\tb\u0000c\u2028d\u202ee\u0085f").getMessage())
                .isEqualTo("a\\u000d\\u0009b\\u0000c\\u2028d\\u202ee\\u0085f");
    }

    @Test
    void plainMessagesAreKeptAsTheyAre() {
        String message = "the key's controller did:key:z6Mk… is not the issuer (é, 漢字, 😀)";
        CredentialException e = new CredentialException(ProblemCode.ISSUER_KEY_MISMATCH, message, new IllegalStateException());
        assertThat(e.getMessage()).isSameAs(message);
        assertThat(e.code()).isEqualTo(ProblemCode.ISSUER_KEY_MISMATCH);
        assertThat(e).hasToString("ISSUER_KEY_MISMATCH: " + message);
    }

    @Test
    void longMessagesAreCut() {
        String at = "x".repeat(CredentialException.MAX_MESSAGE_LENGTH);
        assertThat(new CredentialException(ProblemCode.MALFORMED, at).getMessage()).isEqualTo(at);
        String past = at + "y";
        assertThat(new CredentialException(ProblemCode.MALFORMED, past).getMessage())
                .hasSize(CredentialException.MAX_MESSAGE_LENGTH).endsWith("xxx...");
        // a surrogate pair is never split
        String emoji = "x".repeat(CredentialException.MAX_MESSAGE_LENGTH - 4) + "😀" + "tail";
        assertThat(new CredentialException(ProblemCode.MALFORMED, emoji).getMessage()).endsWith("x...");
    }
}
