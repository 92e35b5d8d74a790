package dev.credkit.internal.jsonld;

import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdErrorCode;
import dev.credkit.core.CredentialException;
import dev.credkit.core.ProblemCode;

/** Maps Titanium's errors to credkit problem codes, with short messages that echo no input. */
final class JsonLdErrors {
    private JsonLdErrors() {
    }

    static CredentialException toCredentialException(JsonLdError error) {
        JsonLdErrorCode code = rootCode(error);
        return switch (code) {
            case UNDEFINED_TERM -> new CredentialException(ProblemCode.UNDEFINED_TERM,
                    "a term is not defined by the active context" + term(error) + ": it would not be signed");
            case PROTECTED_TERM_REDEFINITION -> new CredentialException(ProblemCode.PROTECTED_TERM_REDEFINITION,
                    "a protected term is redefined");
            case LOADING_DOCUMENT_FAILED, LOADING_REMOTE_CONTEXT_FAILED -> new CredentialException(
                    ProblemCode.CONTEXT_NOT_ALLOWED, "a context could not be loaded from the offline allow-list");
            case CONTEXT_OVERFLOW -> new CredentialException(ProblemCode.LIMIT_EXCEEDED, "too many nested contexts");
            default -> new CredentialException(ProblemCode.INVALID_JSON_LD,
                    "invalid JSON-LD: " + code.toMessage());
        };
    }

    /** Titanium bugs on odd input (casts, recursion) must not escape as unchecked exceptions. */
    static CredentialException unexpected(RuntimeException e) {
        return new CredentialException(ProblemCode.INVALID_JSON_LD, "invalid JSON-LD (" + e.getClass().getSimpleName() + ")", e);
    }

    /**
     * Titanium wraps errors raised inside a remote or imported context (LOADING_REMOTE_CONTEXT_FAILED,
     * INVALID_KEYWORD_IMPORT_VALUE): the innermost error says what actually went wrong.
     */
    private static JsonLdErrorCode rootCode(JsonLdError error) {
        JsonLdError current = error;
        for (int i = 0; i < 32 && current.getCause() instanceof JsonLdError cause; i++) {
            current = cause;
        }
        return current.getCode();
    }

    /** Titanium names the term between brackets; keep it short. */
    private static String term(JsonLdError error) {
        String message = error.getMessage();
        int start = message == null ? -1 : message.indexOf('[');
        int end = start < 0 ? -1 : message.indexOf(']', start);
        if (end <= start + 1 || end - start > 81) {
            return "";
        }
        return " ('" + message.substring(start + 1, end) + "')";
    }
}
