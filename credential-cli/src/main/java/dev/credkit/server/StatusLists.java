package dev.credkit.server;

import dev.credkit.core.CredentialException;
import dev.credkit.core.ProblemCode;
import dev.credkit.json.JsonObject;
import dev.credkit.proof.ProofOptions;
import dev.credkit.signing.CredentialIssuer;
import dev.credkit.signing.status.ListCredentialOptions;
import dev.credkit.signing.status.StatusListConfig;
import dev.credkit.signing.status.StatusListManager;
import dev.credkit.signing.status.StatusListState;
import dev.credkit.status.BitstringStatusListEntry;
import dev.credkit.status.StatusPurpose;
import dev.credkit.verify.StatusListSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The server's Bitstring Status Lists: one revocation and one suspension list at a time under
 * {@code <base>/status/<purpose>/<n>} (the next one is opened when a list is full), entries
 * handed out at random, and each list published as a credential signed by the server's key,
 * re-signed only when the list changed.
 */
final class StatusLists {
    private final StatusListManager manager;
    private final CredentialIssuer issuer;
    private final String issuerId;
    private final String baseUrl;
    private final Map<String, Signed> signed = new ConcurrentHashMap<>();
    private final Object openLock = new Object();

    private record Signed(long revision, JsonObject credential) {
    }

    StatusLists(StatusListManager manager, CredentialIssuer issuer, String issuerId, String baseUrl) {
        this.manager = manager;
        this.issuer = issuer;
        this.issuerId = issuerId;
        this.baseUrl = baseUrl;
    }

    /** The URL of list {@code n} for a purpose. */
    String listUrl(StatusPurpose purpose, int n) {
        return baseUrl + "/status/" + purpose.value() + "/" + n;
    }

    /** A new entry on the current list for this purpose (a new list when it is full). */
    BitstringStatusListEntry allocate(StatusPurpose purpose) throws CredentialException {
        for (int attempt = 0; attempt < 3; attempt++) {
            String url = currentList(purpose);
            try {
                return manager.allocate(url);
            } catch (CredentialException e) {
                if (e.code() != ProblemCode.LIMIT_EXCEEDED) {
                    throw e;
                }
                openNext(purpose, url);
            }
        }
        throw new CredentialException(ProblemCode.LIMIT_EXCEEDED, "no status list has a free entry");
    }

    private String currentList(StatusPurpose purpose) throws CredentialException {
        int highest = highest(purpose);
        if (highest > 0) {
            return listUrl(purpose, highest);
        }
        synchronized (openLock) {
            highest = highest(purpose);
            if (highest > 0) {
                return listUrl(purpose, highest);
            }
            String url = listUrl(purpose, 1);
            manager.create(StatusListConfig.builder(url, purpose).build());
            return url;
        }
    }

    private void openNext(StatusPurpose purpose, String fullUrl) throws CredentialException {
        synchronized (openLock) {
            int highest = highest(purpose);
            if (!listUrl(purpose, highest).equals(fullUrl)) {
                return; // another thread opened the next list already
            }
            manager.create(StatusListConfig.builder(listUrl(purpose, highest + 1), purpose).build());
        }
    }

    private int highest(StatusPurpose purpose) {
        String prefix = baseUrl + "/status/" + purpose.value() + "/";
        int highest = 0;
        for (String url : manager.listUrls()) {
            if (url.startsWith(prefix)) {
                try {
                    highest = Math.max(highest, Integer.parseInt(url.substring(prefix.length())));
                } catch (NumberFormatException ignored) {
                    // a list this server did not name: not one of its sequence
                }
            }
        }
        return highest;
    }

    /** The signed list credential published at {@code url}, when it is one of ours. */
    Optional<JsonObject> listCredential(String url) throws CredentialException {
        Optional<StatusListState> state = manager.state(url);
        if (state.isEmpty()) {
            return Optional.empty();
        }
        long revision = state.get().revision();
        Signed cached = signed.get(url);
        if (cached != null && cached.revision() >= revision) {
            return Optional.of(cached.credential());
        }
        JsonObject unsigned = manager.unsignedListCredential(url, ListCredentialOptions.builder(issuerId).build());
        JsonObject credential = issuer.issue(unsigned, ProofOptions.defaults()).json();
        signed.merge(url, new Signed(revision, credential), (a, b) -> a.revision() >= b.revision() ? a : b);
        return Optional.of(credential);
    }

    /** Status lists as the verifier reads them: this server's own, signed. */
    StatusListSource source() {
        return this::listCredential;
    }

    /** The entries of a credential that are on this server's lists. */
    List<BitstringStatusListEntry> ownEntries(JsonObject credential) throws CredentialException {
        List<BitstringStatusListEntry> own = new ArrayList<>();
        for (BitstringStatusListEntry e : BitstringStatusListEntry.fromCredential(credential)) {
            if (manager.state(e.statusListCredential()).isPresent()) {
                own.add(e);
            }
        }
        return own;
    }

    /**
     * Sets ({@code true}) or clears the status of a credential's entry with this purpose:
     * revocation is final, suspension can be lifted.
     *
     * @return false when the credential has no entry with that purpose on this server's lists
     */
    boolean update(JsonObject credential, StatusPurpose purpose, boolean set) throws CredentialException {
        boolean found = false;
        for (BitstringStatusListEntry e : ownEntries(credential)) {
            if (!purpose.value().equals(e.statusPurpose())) {
                continue;
            }
            found = true;
            if (purpose == StatusPurpose.REVOCATION) {
                if (!set) {
                    throw new CredentialException(ProblemCode.STATUS_UPDATE_REFUSED, "a revocation cannot be undone");
                }
                manager.revoke(e.statusListCredential(), e.statusListIndex());
            } else if (set) {
                manager.suspend(e.statusListCredential(), e.statusListIndex());
            } else {
                manager.reinstate(e.statusListCredential(), e.statusListIndex());
            }
        }
        return found;
    }

    /** The current value of each of the credential's own entries, by purpose. */
    Map<String, Integer> statuses(JsonObject credential) throws CredentialException {
        Map<String, Integer> out = new java.util.LinkedHashMap<>();
        for (BitstringStatusListEntry e : ownEntries(credential)) {
            out.merge(e.statusPurpose(), manager.status(e.statusListCredential(), e.statusListIndex()), Math::max);
        }
        return out;
    }
}
