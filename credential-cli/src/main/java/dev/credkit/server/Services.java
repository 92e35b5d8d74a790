package dev.credkit.server;

import dev.credkit.verify.Verifier;
import dev.credkit.verify.VerificationPolicy;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.function.Function;

/**
 * What the handlers share: storage, issuing, status lists, verification, pages. Built once at
 * start; every member is thread-safe.
 *
 * @param verifier    the default verifier (offline; this server's status lists)
 * @param verifierFor a verifier for another policy (presentations with a challenge or domain)
 * @param issuing     signs and stores credentials
 * @param baseUrl     the public origin, without a trailing slash
 */
record Services(Store store, Issuing issuing, StatusLists statusLists, Verifier verifier,
                Function<VerificationPolicy, Verifier> verifierFor, Pages pages, Clock clock, SecureRandom random,
                String baseUrl, IssuerAccess issuerAccess) {

    /** Who may issue: anyone who reaches a loopback-only server, or the holders of the issuer token. */
    record IssuerAccess(String tokenHash, boolean openWithoutToken) {
        void require(Request request) throws HttpError {
            if (tokenHash == null) {
                if (openWithoutToken) {
                    return;
                }
                throw HttpError.forbidden("issuing is disabled on this server: start it with an issuer token to allow it");
            }
            String presented = request.bearerToken().orElse(null);
            if (presented == null) {
                throw HttpError.unauthorized("this endpoint needs the issuer token (Authorization: Bearer …)");
            }
            if (!Secrets.matches(presented, tokenHash)) {
                throw HttpError.unauthorized("the issuer token is not valid");
            }
        }
    }
}
