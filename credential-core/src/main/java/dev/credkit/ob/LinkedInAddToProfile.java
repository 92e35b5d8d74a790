package dev.credkit.ob;

import dev.credkit.core.CredentialException;
import dev.credkit.core.ProblemCode;

import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.time.ZoneOffset;

/**
 * Builds LinkedIn's "Add to profile" link for a certification:
 * {@code https://www.linkedin.com/profile/add?startTask=CERTIFICATION_NAME&name=...&organizationName=...
 * &issueYear=...&issueMonth=...&expirationYear=...&expirationMonth=...&certUrl=...&certId=...}.
 * Values are percent-encoded as RFC 3986 query values: unreserved characters are kept, every other
 * UTF-8 byte is written as {@code %XX} (so a space is {@code %20}, never {@code +}).
 */
public final class LinkedInAddToProfile {
    private static final String BASE = "https://www.linkedin.com/profile/add?startTask=CERTIFICATION_NAME";
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private final String name;
    private final String organizationName;
    private final YearMonth issued;
    private final YearMonth expires;
    private final String certUrl;
    private final String certId;

    private LinkedInAddToProfile(Builder b) {
        this.name = b.name;
        this.organizationName = b.organizationName;
        this.issued = b.issued;
        this.expires = b.expires;
        this.certUrl = b.certUrl;
        this.certId = b.certId;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * The link for a credential issued by credkit: the achievement's name, the issuer's name,
     * issue (and expiry) month in UTC, the credential id as certUrl and the code as certId.
     */
    public static LinkedInAddToProfile forCredential(OpenBadgeCredential credential, VerificationCode code)
            throws CredentialException {
        Builder b = builder()
                .name(credential.achievement().name())
                .organizationName(credential.issuer().name().orElse(null))
                .issued(YearMonth.from(credential.validFromInstant().atZone(ZoneOffset.UTC)))
                .certUrl(credential.id())
                .certId(code == null ? null : code.display());
        if (credential.validUntil().isPresent()) {
            b.expires(YearMonth.from(ObJson.parseInstant(credential.validUntil().get()).atZone(ZoneOffset.UTC)));
        }
        return b.build();
    }

    /** The link, ready to put in an {@code href}. */
    public String url() {
        StringBuilder sb = new StringBuilder(256).append(BASE);
        param(sb, "name", name);
        param(sb, "organizationName", organizationName);
        if (issued != null) {
            param(sb, "issueYear", Integer.toString(issued.getYear()));
            param(sb, "issueMonth", Integer.toString(issued.getMonthValue()));
        }
        if (expires != null) {
            param(sb, "expirationYear", Integer.toString(expires.getYear()));
            param(sb, "expirationMonth", Integer.toString(expires.getMonthValue()));
        }
        param(sb, "certUrl", certUrl);
        param(sb, "certId", certId);
        return sb.toString();
    }

    @Override
    public String toString() {
        return url();
    }

    private static void param(StringBuilder sb, String key, String value) {
        if (value != null) {
            sb.append('&').append(key).append('=');
            encode(value, sb);
        }
    }

    /** RFC 3986 percent-encoding: ALPHA / DIGIT / "-" / "." / "_" / "~" kept, all else %XX of UTF-8. */
    public static String encode(String value) {
        StringBuilder sb = new StringBuilder(value.length() + 16);
        encode(value, sb);
        return sb.toString();
    }

    private static void encode(String value, StringBuilder sb) {
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~') {
                sb.append((char) c);
            } else {
                sb.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
            }
        }
    }

    /** Collects the link's fields; {@code name} and {@code organizationName} are required. */
    public static final class Builder {
        private String name;
        private String organizationName;
        private YearMonth issued;
        private YearMonth expires;
        private String certUrl;
        private String certId;

        private Builder() {
        }

        /** The certification's name as shown on the profile (e.g. the course name). */
        public Builder name(String v) {
            this.name = v;
            return this;
        }

        public Builder organizationName(String v) {
            this.organizationName = v;
            return this;
        }

        public Builder issued(YearMonth v) {
            this.issued = v;
            return this;
        }

        public Builder expires(YearMonth v) {
            this.expires = v;
            return this;
        }

        /** The public verify URL. */
        public Builder certUrl(String v) {
            this.certUrl = v;
            return this;
        }

        /** The credential's ID as a person would quote it (the verification code). */
        public Builder certId(String v) {
            this.certId = v;
            return this;
        }

        /** Fails with {@code MALFORMED} when name or organizationName is missing, or expiry precedes issue. */
        public LinkedInAddToProfile build() throws CredentialException {
            if (name == null || name.isBlank()) {
                throw new CredentialException(ProblemCode.MALFORMED, "LinkedIn link needs the certification name");
            }
            if (organizationName == null || organizationName.isBlank()) {
                throw new CredentialException(ProblemCode.MALFORMED, "LinkedIn link needs the organization name");
            }
            if (issued != null && expires != null && expires.isBefore(issued)) {
                throw new CredentialException(ProblemCode.MALFORMED, "LinkedIn link: expiration precedes issue date");
            }
            return new LinkedInAddToProfile(this);
        }
    }
}
