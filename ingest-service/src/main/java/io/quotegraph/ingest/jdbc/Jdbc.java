package io.quotegraph.ingest.jdbc;

import jakarta.persistence.EntityManager;
import org.hibernate.Session;

import javax.sql.DataSource;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Plain JDBC on the connection of the current Hibernate session (so within its transaction), for the statements HQL
 * expresses badly or translates on every call (array parameters, bulk inserts); or, for a single read that needs no
 * transaction, on a pooled connection of its own.
 */
public final class Jdbc {

    /** Work on a connection. */
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private Jdbc() {
    }

    public static <T> T withConnection(EntityManager entityManager, Work<T> work) {
        return entityManager.unwrap(Session.class).doReturningWork(work::run);
    }

    /**
     * Work on a pooled connection outside any transaction and Hibernate session (opening those costs more than a
     * short read that polling callers repeat many times a second).
     */
    public static <T> T withPooledConnection(DataSource dataSource, Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            return work.run(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("a database read failed: " + e.getMessage(), e);
        }
    }

    /** A timestamp parameter ({@code timestamptz}) for an instant; null stays null. */
    public static OffsetDateTime timestamp(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    /** A {@code timestamptz} column as an instant; null stays null. */
    public static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
