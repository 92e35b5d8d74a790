package dev.credkit.server;

import dev.credkit.core.CredentialException;
import dev.credkit.json.JsonObject;
import dev.credkit.json.JsonReader;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The server's storage over plain JDBC: issued credentials by verification code, learners (only
 * the SHA-256 hash of their management token), share links (only the hash of their current
 * token), retired link tokens (so that a reset or revoked link answers 410, not 404) and a
 * bounded view log. Plain SQL with no vendor features: the same statements run on embedded H2
 * and on PostgreSQL. Thread-safe: every call borrows its own connection.
 */
final class Store implements AutoCloseable {
    /** Views recorded one by one per link; beyond this only the count and the last view are kept. */
    static final int MAX_LOGGED_VIEWS = 1000;

    private static final JsonReader STORED_JSON = JsonReader.builder().maxBytes(8 << 20).build();

    private static final String[] SCHEMA = {
        "CREATE TABLE IF NOT EXISTS credkit_learner ("
            + " id VARCHAR(64) PRIMARY KEY,"
            + " ref_hash VARCHAR(64) UNIQUE,"
            + " token_hash VARCHAR(64) NOT NULL,"
            + " created_at TIMESTAMP WITH TIME ZONE NOT NULL)",
        "CREATE TABLE IF NOT EXISTS credkit_credential ("
            + " code VARCHAR(32) PRIMARY KEY,"
            + " credential_id VARCHAR(2048),"
            + " kind VARCHAR(16) NOT NULL,"
            + " learner_id VARCHAR(64) REFERENCES credkit_learner(id),"
            + " issued_at TIMESTAMP WITH TIME ZONE NOT NULL,"
            + " document TEXT NOT NULL)",
        "CREATE TABLE IF NOT EXISTS credkit_share_link ("
            + " id VARCHAR(64) PRIMARY KEY,"
            + " code VARCHAR(32) NOT NULL REFERENCES credkit_credential(code),"
            + " token_hash VARCHAR(64) NOT NULL UNIQUE,"
            + " scope VARCHAR(16) NOT NULL,"
            + " label VARCHAR(200),"
            + " created_at TIMESTAMP WITH TIME ZONE NOT NULL,"
            + " expires_at TIMESTAMP WITH TIME ZONE,"
            + " revoked_at TIMESTAMP WITH TIME ZONE,"
            + " view_count BIGINT NOT NULL,"
            + " last_viewed_at TIMESTAMP WITH TIME ZONE)",
        "CREATE TABLE IF NOT EXISTS credkit_retired_token ("
            + " token_hash VARCHAR(64) PRIMARY KEY,"
            + " link_id VARCHAR(64) NOT NULL REFERENCES credkit_share_link(id),"
            + " retired_at TIMESTAMP WITH TIME ZONE NOT NULL)",
        "CREATE TABLE IF NOT EXISTS credkit_share_view ("
            + " link_id VARCHAR(64) NOT NULL REFERENCES credkit_share_link(id),"
            + " viewed_at TIMESTAMP WITH TIME ZONE NOT NULL)",
        "CREATE INDEX IF NOT EXISTS credkit_share_view_by_link ON credkit_share_view (link_id, viewed_at)",
        "CREATE INDEX IF NOT EXISTS credkit_share_link_by_code ON credkit_share_link (code)",
        "CREATE INDEX IF NOT EXISTS credkit_credential_by_learner ON credkit_credential (learner_id)",
        "CREATE INDEX IF NOT EXISTS credkit_credential_by_id ON credkit_credential (credential_id)",
    };

    /** What kind of credential a code names: a plain credential (public) or a course record (shared by its learner). */
    enum Kind { CREDENTIAL, RECORD }

    record StoredCredential(String code, String credentialId, Kind kind, String learnerId, Instant issuedAt, JsonObject document) {
    }

    record Learner(String id, String tokenHash, Instant createdAt) {
    }

    record ShareLink(String id, String code, String tokenHash, ShareScope scope, String label, Instant createdAt,
                     Instant expiresAt, Instant revokedAt, long viewCount, Instant lastViewedAt) {
        boolean isExpired(Instant now) {
            return expiresAt != null && !now.isBefore(expiresAt);
        }

        String state(Instant now) {
            return revokedAt != null ? "revoked" : isExpired(now) ? "expired" : "active";
        }
    }

    /** The result of looking a share token up. */
    sealed interface TokenLookup permits Active, Retired, Unknown {
    }

    /** The token is a link's current token (the link may still be revoked or expired). */
    record Active(ShareLink link) implements TokenLookup {
    }

    /** The token belonged to a link that was reset since. */
    record Retired(ShareLink link) implements TokenLookup {
    }

    record Unknown() implements TokenLookup {
    }

    private final ConnectionPool pool;

    private Store(ConnectionPool pool) {
        this.pool = pool;
    }

    /** Opens the database and creates the schema when missing. */
    static Store open(ConnectionPool pool) throws SQLException {
        pool.inTransaction(c -> {
            try (Statement s = c.createStatement()) {
                for (String ddl : SCHEMA) {
                    s.execute(ddl);
                }
            }
            return null;
        });
        return new Store(pool);
    }

    // ------------------------------------------------------------------ credentials

    void insertCredential(StoredCredential credential) throws SQLException {
        pool.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO credkit_credential (code, credential_id, kind, learner_id, issued_at, document) VALUES (?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, credential.code());
                ps.setString(2, credential.credentialId());
                ps.setString(3, credential.kind().name());
                ps.setString(4, credential.learnerId());
                setInstant(ps, 5, credential.issuedAt());
                ps.setString(6, credential.document().toJson());
                ps.executeUpdate();
            }
            return null;
        });
    }

    boolean codeExists(String code) throws SQLException {
        return pool.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM credkit_credential WHERE code = ?")) {
                ps.setString(1, code);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next();
                }
            }
        });
    }

    Optional<StoredCredential> credential(String code) throws SQLException {
        return pool.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT code, credential_id, kind, learner_id, issued_at, document FROM credkit_credential WHERE code = ?")) {
                ps.setString(1, code);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(credential(rs)) : Optional.empty();
                }
            }
        });
    }

    /** The credential most recently issued with this {@code id}. */
    Optional<StoredCredential> credentialById(String credentialId) throws SQLException {
        return pool.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT code, credential_id, kind, learner_id, issued_at, document FROM credkit_credential"
                            + " WHERE credential_id = ? ORDER BY issued_at DESC")) {
                ps.setString(1, credentialId);
                ps.setMaxRows(1);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(credential(rs)) : Optional.empty();
                }
            }
        });
    }

    List<StoredCredential> recordsOf(String learnerId) throws SQLException {
        return pool.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT code, credential_id, kind, learner_id, issued_at, document FROM credkit_credential"
                            + " WHERE learner_id = ? ORDER BY issued_at, code")) {
                ps.setString(1, learnerId);
                List<StoredCredential> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(credential(rs));
                    }
                }
                return out;
            }
        });
    }

    private static StoredCredential credential(ResultSet rs) throws SQLException {
        JsonObject document;
        try {
            document = STORED_JSON.readObject(rs.getString(6));
        } catch (CredentialException e) {
            throw new SQLException("stored credential " + rs.getString(1) + " is not readable JSON: " + e.getMessage(), "22000");
        }
        return new StoredCredential(rs.getString(1), rs.getString(2), Kind.valueOf(rs.getString(3)), rs.getString(4),
                instant(rs, 5), document);
    }

    // ------------------------------------------------------------------ learners

    void insertLearner(Learner learner, String refHash) throws SQLException {
        pool.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO credkit_learner (id, ref_hash, token_hash, created_at) VALUES (?, ?, ?, ?)")) {
                ps.setString(1, learner.id());
                ps.setString(2, refHash);
                ps.setString(3, learner.tokenHash());
                setInstant(ps, 4, learner.createdAt());
                ps.executeUpdate();
            }
            return null;
        });
    }

    Optional<Learner> learner(String id) throws SQLException {
        return learnerWhere("id", id);
    }

    Optional<Learner> learnerByRef(String refHash) throws SQLException {
        return learnerWhere("ref_hash", refHash);
    }

    private Optional<Learner> learnerWhere(String column, String value) throws SQLException {
        return pool.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT id, token_hash, created_at FROM credkit_learner WHERE " + column + " = ?")) {
                ps.setString(1, value);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(new Learner(rs.getString(1), rs.getString(2), instant(rs, 3))) : Optional.empty();
                }
            }
        });
    }

    /** Removes a learner made for a record that then failed to issue (only when nothing refers to it). */
    void deleteLearnerWithoutRecords(String learnerId) throws SQLException {
        pool.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "DELETE FROM credkit_learner WHERE id = ? AND NOT EXISTS (SELECT 1 FROM credkit_credential WHERE learner_id = ?)")) {
                ps.setString(1, learnerId);
                ps.setString(2, learnerId);
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** Replaces a learner's management token hash; false when there is no such learner. */
    boolean replaceLearnerToken(String learnerId, String tokenHash) throws SQLException {
        return pool.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE credkit_learner SET token_hash = ? WHERE id = ?")) {
                ps.setString(1, tokenHash);
                ps.setString(2, learnerId);
                return ps.executeUpdate() == 1;
            }
        });
    }

    // ------------------------------------------------------------------ share links

    void insertLink(ShareLink link) throws SQLException {
        pool.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO credkit_share_link (id, code, token_hash, scope, label, created_at, expires_at, revoked_at, view_count, last_viewed_at)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?, NULL, 0, NULL)")) {
                ps.setString(1, link.id());
                ps.setString(2, link.code());
                ps.setString(3, link.tokenHash());
                ps.setString(4, link.scope().name());
                ps.setString(5, link.label());
                setInstant(ps, 6, link.createdAt());
                setInstant(ps, 7, link.expiresAt());
                ps.executeUpdate();
            }
            return null;
        });
    }

    private static final String LINK_COLUMNS =
            "id, code, token_hash, scope, label, created_at, expires_at, revoked_at, view_count, last_viewed_at";

    Optional<ShareLink> link(String id) throws SQLException {
        return pool.withConnection(c -> link(c, id));
    }

    private static Optional<ShareLink> link(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + LINK_COLUMNS + " FROM credkit_share_link WHERE id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(link(rs)) : Optional.empty();
            }
        }
    }

    List<ShareLink> linksOf(String code) throws SQLException {
        return pool.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT " + LINK_COLUMNS + " FROM credkit_share_link WHERE code = ? ORDER BY created_at, id")) {
                ps.setString(1, code);
                List<ShareLink> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(link(rs));
                    }
                }
                return out;
            }
        });
    }

    /** Finds the link a presented token hash belongs to, now or before a reset. */
    TokenLookup lookupToken(String tokenHash) throws SQLException {
        return pool.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT " + LINK_COLUMNS + " FROM credkit_share_link WHERE token_hash = ?")) {
                ps.setString(1, tokenHash);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        return new Active(link(rs));
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT link_id FROM credkit_retired_token WHERE token_hash = ?")) {
                ps.setString(1, tokenHash);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        Optional<ShareLink> link = link(c, rs.getString(1));
                        if (link.isPresent()) {
                            return new Retired(link.get());
                        }
                    }
                }
            }
            return new Unknown();
        });
    }

    /**
     * Gives a link a new token in one transaction: from the commit on, the old token is retired
     * (410) and only the new one shows the record. A revoked link is reactivated by a reset.
     */
    boolean resetLink(String id, String newTokenHash, Instant now) throws SQLException {
        return pool.inTransaction(c -> {
            Optional<ShareLink> link;
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT " + LINK_COLUMNS + " FROM credkit_share_link WHERE id = ? FOR UPDATE")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    link = rs.next() ? Optional.of(link(rs)) : Optional.empty();
                }
            }
            if (link.isEmpty()) {
                return false;
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO credkit_retired_token (token_hash, link_id, retired_at) VALUES (?, ?, ?)")) {
                ps.setString(1, link.get().tokenHash());
                ps.setString(2, id);
                setInstant(ps, 3, now);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE credkit_share_link SET token_hash = ?, revoked_at = NULL WHERE id = ?")) {
                ps.setString(1, newTokenHash);
                ps.setString(2, id);
                ps.executeUpdate();
            }
            return true;
        });
    }

    /** Revokes a link (its token answers 410 from now on); false when there is no such link. */
    boolean revokeLink(String id, Instant now) throws SQLException {
        return pool.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE credkit_share_link SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL")) {
                setInstant(ps, 1, now);
                ps.setString(2, id);
                ps.executeUpdate();
            }
            return link(c, id).isPresent();
        });
    }

    /** Changes what a link shows, its label and its expiry. */
    void updateLink(String id, ShareScope scope, String label, Instant expiresAt) throws SQLException {
        pool.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE credkit_share_link SET scope = ?, label = ?, expires_at = ? WHERE id = ?")) {
                ps.setString(1, scope.name());
                ps.setString(2, label);
                setInstant(ps, 3, expiresAt);
                ps.setString(4, id);
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** Counts a view; the first {@link #MAX_LOGGED_VIEWS} views of a link are logged one by one. */
    void recordView(String linkId, Instant at) throws SQLException {
        pool.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE credkit_share_link SET view_count = view_count + 1, last_viewed_at = ? WHERE id = ?")) {
                setInstant(ps, 1, at);
                ps.setString(2, linkId);
                ps.executeUpdate();
            }
            long count;
            try (PreparedStatement ps = c.prepareStatement("SELECT view_count FROM credkit_share_link WHERE id = ?")) {
                ps.setString(1, linkId);
                try (ResultSet rs = ps.executeQuery()) {
                    count = rs.next() ? rs.getLong(1) : Long.MAX_VALUE;
                }
            }
            if (count <= MAX_LOGGED_VIEWS) {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO credkit_share_view (link_id, viewed_at) VALUES (?, ?)")) {
                    ps.setString(1, linkId);
                    setInstant(ps, 2, at);
                    ps.executeUpdate();
                }
            }
            return null;
        });
    }

    /** The most recent logged views of a link, newest first. */
    List<Instant> views(String linkId, int limit) throws SQLException {
        return pool.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT viewed_at FROM credkit_share_view WHERE link_id = ? ORDER BY viewed_at DESC")) {
                ps.setString(1, linkId);
                ps.setMaxRows(limit);
                List<Instant> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next() && out.size() < limit) {
                        out.add(instant(rs, 1));
                    }
                }
                return out;
            }
        });
    }

    private static ShareLink link(ResultSet rs) throws SQLException {
        return new ShareLink(rs.getString(1), rs.getString(2), rs.getString(3), ShareScope.valueOf(rs.getString(4)),
                rs.getString(5), instant(rs, 6), instant(rs, 7), instant(rs, 8), rs.getLong(9), instant(rs, 10));
    }

    // ------------------------------------------------------------------ helpers

    /** Timestamps are stored in UTC; a missing one as a typed NULL (PostgreSQL needs the type). */
    private static void setInstant(PreparedStatement ps, int index, Instant instant) throws SQLException {
        if (instant == null) {
            ps.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            ps.setObject(index, instant.atOffset(ZoneOffset.UTC));
        }
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    @Override
    public void close() {
        pool.close();
    }
}
