package dev.credkit.cli;

import dev.credkit.core.CredentialException;
import dev.credkit.core.ProblemCode;
import picocli.CommandLine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * The exit codes of every credkit command (the black-box contract) and the one mapping from an
 * exception to an exit code and a one-line message. Commands that produce a verdict return
 * {@link #OK}, {@link #REJECTED} or {@link #INDETERMINATE} themselves; everything thrown goes
 * through {@link #forException} and {@link #message}.
 */
public final class ExitCodes {
    /** Success; for verification: verified. */
    public static final int OK = 0;
    /** Verified and rejected: invalid signature, tampered, expired, revoked, untrusted... */
    public static final int REJECTED = 1;
    /** Something required could not be checked: unknown key, missing status list. */
    public static final int INDETERMINATE = 2;
    /** Bad command line (sysexits EX_USAGE). */
    public static final int USAGE = 64;
    /** Input is not a well-formed credential, presentation, key or image (sysexits EX_DATAERR). */
    public static final int MALFORMED_INPUT = 65;
    /** A bug or an environment fault in credkit (sysexits EX_SOFTWARE). */
    public static final int INTERNAL = 70;

    private static final int MAX_MESSAGE_LENGTH = 400;

    private ExitCodes() {
    }

    /** The exit code for a problem code raised as an exception (not as a verification report). */
    public static int forProblem(ProblemCode code) {
        return switch (code) {
            case MALFORMED, LIMIT_EXCEEDED, INVALID_KEY,
                    INVALID_DATA_MODEL, CONTEXT_NOT_ALLOWED, UNDEFINED_TERM, RELATIVE_IRI,
                    PROTECTED_TERM_REDEFINITION, JSON_LD_DATA_LOSS, INVALID_JSON_LD -> MALFORMED_INPUT;
            case MISSING_PROOF, INVALID_PROOF, UNSUPPORTED_CRYPTOSUITE, PROOF_PURPOSE_MISMATCH,
                    PROOF_CREATED_IN_FUTURE, PROOF_EXPIRED, MISSING_PREVIOUS_PROOF, INVALID_SIGNATURE,
                    CHALLENGE_MISMATCH, DOMAIN_MISMATCH, VERIFICATION_METHOD_NOT_AUTHORIZED,
                    ISSUER_KEY_MISMATCH, HOLDER_KEY_MISMATCH, UNTRUSTED_ISSUER, NOT_YET_VALID, EXPIRED, REVOKED, SUSPENDED,
                    INVALID_STATUS_LIST, ALGORITHM_NOT_ALLOWED, INVALID_JWT -> REJECTED;
            case UNKNOWN_KEY, STATUS_UNAVAILABLE, STATUS_MESSAGE -> INDETERMINATE;
            case STATUS_UPDATE_REFUSED -> USAGE; // the command named a list or entry that cannot change that way
            case ALREADY_BAKED -> MALFORMED_INPUT;
            case SIGNER_UNAVAILABLE, SIGNER_FAILED, INTERNAL_ERROR -> INTERNAL;
        };
    }

    /** The exit code for anything a command throws. */
    public static int forException(Throwable t) {
        if (t instanceof CliException e) {
            return e.exitCode();
        }
        if (t instanceof CredentialException e) {
            return forProblem(e.code());
        }
        if (t instanceof CommandLine.ParameterException) {
            return USAGE;
        }
        if (t instanceof UncheckedIOException e) {
            return forException(e.getCause());
        }
        if (t instanceof NoSuchFileException || t instanceof AccessDeniedException
                || t instanceof FileAlreadyExistsException || t instanceof NotDirectoryException) {
            return USAGE; // a path on the command line that cannot be used
        }
        return INTERNAL;
    }

    /** A one-line message for anything a command throws; never a stack trace. */
    public static String message(Throwable t) {
        String message;
        if (t instanceof CliException || t instanceof CredentialException || t instanceof CommandLine.ParameterException) {
            message = t.getMessage();
        } else if (t instanceof UncheckedIOException e && e.getCause() != null) {
            return message(e.getCause());
        } else if (t instanceof NoSuchFileException e) {
            message = "no such file or directory: " + e.getFile();
        } else if (t instanceof AccessDeniedException e) {
            message = "permission denied: " + e.getFile();
        } else if (t instanceof FileAlreadyExistsException e) {
            message = "file already exists: " + e.getFile();
        } else if (t instanceof NotDirectoryException e) {
            message = "not a directory: " + e.getFile();
        } else if (t instanceof FileSystemException e) {
            message = "cannot access " + e.getFile() + (e.getReason() == null ? "" : ": " + e.getReason());
        } else if (t instanceof IOException) {
            message = "I/O error: " + t.getMessage();
        } else if (t instanceof OutOfMemoryError) {
            message = "out of memory (raise the heap with CREDKIT_JAVA_OPTS=-Xmx...)";
        } else {
            message = "internal error: " + t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
        }
        return oneLine(message == null ? t.getClass().getSimpleName() : message);
    }

    /** First line only, control characters removed, length capped. */
    static String oneLine(String message) {
        String s = message.strip();
        int newline = s.indexOf('\n');
        if (newline >= 0) {
            s = s.substring(0, newline).strip();
        }
        StringBuilder sb = new StringBuilder(Math.min(s.length(), MAX_MESSAGE_LENGTH + 3));
        for (int i = 0; i < s.length() && sb.length() < MAX_MESSAGE_LENGTH; i++) {
            char c = s.charAt(i);
            sb.append(Character.isISOControl(c) ? ' ' : c);
        }
        if (s.length() > MAX_MESSAGE_LENGTH) {
            sb.append("...");
        }
        return sb.toString();
    }
}
