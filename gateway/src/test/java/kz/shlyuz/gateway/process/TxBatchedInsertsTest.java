package kz.shlyuz.gateway.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The group writer's batched inserts ({@link Tx#insert}): in a group they wait for the next other
 * statement or the commit, are sent parents first, are seen by whatever reads after them, surface
 * a taken key when sent, and leave nothing behind when the group rolls back; alone they run at once.
 */
class TxBatchedInsertsTest {
    private static final String PARENT = "INSERT INTO parent (id) VALUES (?)";
    private static final String CHILD = "INSERT INTO child (id, parent_id) VALUES (?, ?)";

    private Connection c;

    @BeforeEach
    void open() throws SQLException {
        c = DriverManager.getConnection("jdbc:h2:mem:tx-" + UUID.randomUUID());
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE parent (id INT PRIMARY KEY)");
            s.execute("CREATE TABLE child (id INT PRIMARY KEY, parent_id INT NOT NULL REFERENCES parent (id))");
        }
        c.setAutoCommit(false);
    }

    @AfterEach
    void close() throws SQLException {
        c.close();
    }

    @Test
    void aGroupsInsertsAreSentParentsFirstAndSeenByTheNextRead() throws SQLException {
        Tx tx = new Tx(c);
        tx.deferInserts(true);
        for (int piece = 1; piece <= 3; piece++) {
            tx.insert(PARENT, piece);
            tx.insert(CHILD, 10 * piece, piece);
        }
        assertEquals(0, countOutside("child"), "nothing is sent before another statement or the commit");
        try (ResultSet rs = tx.prepare("SELECT count(*) FROM child").executeQuery()) {
            rs.next();
            assertEquals(3, rs.getInt(1));
        }
        c.commit();
        assertEquals(3, countOutside("parent"));
        assertEquals(3, countOutside("child"));
    }

    @Test
    void aTakenKeyInAGroupSurfacesWhenSentAndARollbackLeavesNothing() throws SQLException {
        Tx tx = new Tx(c);
        tx.deferInserts(true);
        tx.insert(PARENT, 1);
        tx.insert(PARENT, 1);
        SQLException taken = assertThrows(SQLException.class, tx::flushFeed);
        assertEquals(Claims.UNIQUE_VIOLATION, sqlState(taken));
        c.rollback();
        tx.discardInserts();
        tx.insert(PARENT, 2);
        tx.flushFeed();
        c.commit();
        assertEquals(1, countOutside("parent"), "the rolled-back group's rows are not sent again");
    }

    @Test
    void alonePieceSeesItsTakenKeyAtTheInsert() throws SQLException {
        Tx tx = new Tx(c);
        tx.insert(PARENT, 1);
        SQLException taken = assertThrows(SQLException.class, () -> tx.insert(PARENT, 1));
        assertEquals(Claims.UNIQUE_VIOLATION, taken.getSQLState());
    }

    /** A batch failure carries the cause's state on itself or on the exception chained to it. */
    private static String sqlState(SQLException e) {
        for (SQLException x = e; x != null; x = x.getNextException()) {
            if (Claims.UNIQUE_VIOLATION.equals(x.getSQLState())) {
                return x.getSQLState();
            }
        }
        return e.getSQLState();
    }

    private long countOutside(String table) throws SQLException {
        try (Connection other = DriverManager.getConnection(c.getMetaData().getURL());
                Statement s = other.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
