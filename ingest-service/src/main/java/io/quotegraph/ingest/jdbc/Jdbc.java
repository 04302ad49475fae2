package io.quotegraph.ingest.jdbc;

import jakarta.persistence.EntityManager;
import org.hibernate.Session;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Plain JDBC on the connection of the current Hibernate session (so within its transaction), for the statements HQL
 * expresses badly or translates on every call (array parameters, bulk inserts).
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
}
