package dev.credkit.server;

import dev.credkit.core.CredentialException;
import dev.credkit.core.ProblemCode;

/**
 * An HTTP answer other than success, raised by a handler: the status, a stable problem code
 * (a {@link ProblemCode} name, or one of the HTTP-level codes below) and a one-line message
 * that is safe to show to the client.
 */
final class HttpError extends Exception {
    /** HTTP-level problem codes (credential problems use {@link ProblemCode} names). */
    static final String NOT_FOUND = "NOT_FOUND";
    static final String GONE = "GONE";
    static final String UNAUTHORIZED = "UNAUTHORIZED";
    static final String FORBIDDEN = "FORBIDDEN";
    static final String METHOD_NOT_ALLOWED = "METHOD_NOT_ALLOWED";
    static final String UNSUPPORTED_MEDIA_TYPE = "UNSUPPORTED_MEDIA_TYPE";

    private final int status;
    private final String problem;

    HttpError(int status, String problem, String message) {
        super(message, null, false, false);
        this.status = status;
        this.problem = problem;
    }

    int status() {
        return status;
    }

    String problem() {
        return problem;
    }

    static HttpError badRequest(ProblemCode code, String message) {
        return new HttpError(400, code.name(), message);
    }

    static HttpError unprocessable(ProblemCode code, String message) {
        return new HttpError(422, code.name(), message);
    }

    static HttpError notFound(String message) {
        return new HttpError(404, NOT_FOUND, message);
    }

    static HttpError gone(String message) {
        return new HttpError(410, GONE, message);
    }

    static HttpError unauthorized(String message) {
        return new HttpError(401, UNAUTHORIZED, message);
    }

    static HttpError forbidden(String message) {
        return new HttpError(403, FORBIDDEN, message);
    }

    static HttpError tooLarge(String message) {
        return new HttpError(413, ProblemCode.LIMIT_EXCEEDED.name(), message);
    }

    /**
     * A credential problem as an HTTP answer: input that cannot be read at all is 400, input that
     * is well-formed but not acceptable (undefined terms, data-model rules, dates) is 422, a
     * signer that failed is 503.
     */
    static HttpError of(CredentialException e) {
        ProblemCode code = e.code();
        int status = switch (code) {
            case MALFORMED, LIMIT_EXCEEDED -> 400;
            case SIGNER_UNAVAILABLE -> 503;
            case SIGNER_FAILED, INTERNAL_ERROR -> 500;
            default -> 422;
        };
        return new HttpError(status, code.name(), e.getMessage());
    }
}
