package dev.credkit.server;

import dev.credkit.core.CredentialException;
import dev.credkit.core.ProblemCode;
import dev.credkit.json.JsonReader;
import dev.credkit.signing.status.StatusListState;
import dev.credkit.signing.status.StatusListStore;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Status list states in the server's database, one row per list, replaced in one transaction per
 * save (the database makes it durable before the commit returns, as the store contract asks).
 */
final class JdbcStatusListStore implements StatusListStore {
    private static final JsonReader STATE_JSON = JsonReader.builder().maxBytes(64 << 20).build();

    private final ConnectionPool pool;

    private JdbcStatusListStore(ConnectionPool pool) {
        this.pool = pool;
    }

    static JdbcStatusListStore open(ConnectionPool pool) throws SQLException {
        pool.withConnection(c -> {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE IF NOT EXISTS credkit_status_list ("
                        + " url VARCHAR(2048) PRIMARY KEY,"
                        + " revision BIGINT NOT NULL,"
                        + " state TEXT NOT NULL)");
            }
            return null;
        });
        return new JdbcStatusListStore(pool);
    }

    @Override
    public List<StatusListState> loadAll() throws CredentialException {
        List<String> rows;
        try {
            rows = pool.withConnection(c -> {
                List<String> out = new ArrayList<>();
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT state FROM credkit_status_list")) {
                    while (rs.next()) {
                        out.add(rs.getString(1));
                    }
                }
                return out;
            });
        } catch (SQLException e) {
            throw new CredentialException(ProblemCode.INTERNAL_ERROR, "cannot read the status lists: " + e.getMessage());
        }
        List<StatusListState> states = new ArrayList<>(rows.size());
        for (String row : rows) {
            states.add(StatusListState.fromJson(STATE_JSON.readObject(row)));
        }
        return states;
    }

    @Override
    public void save(StatusListState state) throws CredentialException {
        String json = state.toJson().toJson();
        try {
            pool.inTransaction(c -> {
                int updated;
                try (PreparedStatement ps = c.prepareStatement(
                        "UPDATE credkit_status_list SET revision = ?, state = ? WHERE url = ?")) {
                    ps.setLong(1, state.revision());
                    ps.setString(2, json);
                    ps.setString(3, state.url());
                    updated = ps.executeUpdate();
                }
                if (updated == 0) {
                    try (PreparedStatement ps = c.prepareStatement(
                            "INSERT INTO credkit_status_list (url, revision, state) VALUES (?, ?, ?)")) {
                        ps.setString(1, state.url());
                        ps.setLong(2, state.revision());
                        ps.setString(3, json);
                        ps.executeUpdate();
                    }
                }
                return null;
            });
        } catch (SQLException e) {
            throw new CredentialException(ProblemCode.INTERNAL_ERROR, "cannot save status list " + state.url() + ": " + e.getMessage());
        }
    }
}
