package dev.credkit.server;

import dev.credkit.core.CredentialException;
import dev.credkit.ob.VerificationCode;

import java.security.SecureRandom;
import java.util.Optional;

/** Verification codes as the server stores them (15 symbols, no dashes) and shows them (grouped). */
final class Codes {
    private Codes() {
    }

    static String generate(SecureRandom random) {
        return VerificationCode.generate(random).value();
    }

    /** The stored form of a code as a person typed it, or empty when it is not a valid code. */
    static Optional<String> normalize(String typed) {
        try {
            return Optional.of(VerificationCode.parse(typed).value());
        } catch (CredentialException e) {
            return Optional.empty();
        }
    }

    /** Why a typed code is not valid (a typo, a wrong character...). */
    static String problem(String typed) {
        try {
            VerificationCode.parse(typed);
            return "";
        } catch (CredentialException e) {
            return e.getMessage();
        }
    }

    static String display(String code) {
        try {
            return VerificationCode.parse(code).display();
        } catch (CredentialException e) {
            return code;
        }
    }
}
