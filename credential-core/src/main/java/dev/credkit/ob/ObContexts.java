package dev.credkit.ob;

import java.util.List;
import java.util.Set;

/** The JSON-LD context URLs of VC, Open Badges 3.0 and CLR 2.0 that credkit reads and writes. */
public final class ObContexts {
    /** VC Data Model 2.0: written first in every credential credkit issues. */
    public static final String VC_V2 = "https://www.w3.org/ns/credentials/v2";
    /** VC Data Model 1.1: read only. */
    public static final String VC_V1 = "https://www.w3.org/2018/credentials/v1";

    /** Open Badges 3.0.0 (unversioned file name). */
    public static final String OB_3_0_0 = "https://purl.imsglobal.org/spec/ob/v3p0/context.json";
    public static final String OB_3_0_1 = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.1.json";
    public static final String OB_3_0_2 = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.2.json";
    /** Open Badges 3.0.3: written by credkit. */
    public static final String OB_3_0_3 = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json";
    /** The Open Badges extensions context some issuers add. */
    public static final String OB_EXTENSIONS = "https://purl.imsglobal.org/spec/ob/v3p0/extensions.json";

    /** CLR 2.0 (unversioned file name). */
    public static final String CLR_2_0_0 = "https://purl.imsglobal.org/spec/clr/v2p0/context.json";
    /** CLR 2.0.1: written by credkit for ClrCredentials. */
    public static final String CLR_2_0_1 = "https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json";

    /** Every Open Badges 3.0 context revision, oldest first. */
    public static final List<String> OB_CONTEXTS = List.of(OB_3_0_0, OB_3_0_1, OB_3_0_2, OB_3_0_3);

    /** Every CLR 2.0 context revision. */
    public static final Set<String> CLR_CONTEXTS = Set.of(CLR_2_0_0, CLR_2_0_1);

    /** The contexts of an Open Badges credential issued by credkit, in order. */
    public static final List<String> ISSUED_OB = List.of(VC_V2, OB_3_0_3);

    /** The contexts of a CLR credential issued by credkit, in order (as in the 1EdTech examples). */
    public static final List<String> ISSUED_CLR = List.of(VC_V2, CLR_2_0_1, OB_3_0_3);

    private ObContexts() {
    }
}
