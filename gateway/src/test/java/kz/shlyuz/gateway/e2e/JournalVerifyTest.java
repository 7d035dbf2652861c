package kz.shlyuz.gateway.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import kz.shlyuz.gateway.evidence.ChainVerifier;
import kz.shlyuz.gateway.evidence.Digests;
import kz.shlyuz.gateway.evidence.EvidenceRecord;
import kz.shlyuz.proto.v1.SignedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code journal verify} over real calls through TLS: an untouched chain holds; a changed byte, a
 * deleted record and an inserted record are each named at the right record.
 */
class JournalVerifyTest {
    private GatewayEnvironment env;
    private HikariDataSource db;
    private final List<String> messages = new ArrayList<>();

    @BeforeEach
    void fiveStampedCalls() throws Exception {
        env = new GatewayEnvironment(Set.of("gbd-fl"), c -> c);
        db = EvidenceTools.database(env.config);
        for (int i = 0; i < 5; i++) {
            SignedRequest request = EvidenceTools.addressRequest(env, EvidenceTools.SIGNER);
            env.client(EvidenceTools.PORTAL).call(request);
            messages.add(EvidenceTools.messageId(request));
        }
        assertTrue(env.gateway.evidence().stampNow());
    }

    @AfterEach
    void stop() {
        db.close();
        env.close();
    }

    private ChainVerifier.Report verify() {
        return EvidenceTools.chain(env.config, db, env.pki).verify(null, null);
    }

    private long seqOf(String messageId) throws Exception {
        try (Connection c = db.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT seq FROM evidence_record WHERE message_id = ?")) {
            s.setString(1, messageId);
            try (ResultSet rs = s.executeQuery()) {
                assertTrue(rs.next());
                return rs.getLong(1);
            }
        }
    }

    @Test
    void keepsAnUnbrokenStampedChainOfEveryCall() {
        ChainVerifier.Report report = verify();
        assertTrue(report.holds(), report.findings().toString());
        assertEquals(5, report.records());
        assertTrue(report.stamps() >= 1, "stamps: " + report.stamps());
        assertTrue(report.unstampedTail().isEmpty(), report.unstampedTail().toString());
    }

    @Test
    void namesTheRecordWhoseBodyHadOneByteChanged() throws Exception {
        long third = seqOf(messages.get(2));
        try (Connection c = db.getConnection()) {
            byte[] body;
            try (PreparedStatement s =
                    c.prepareStatement("SELECT request_content FROM evidence_record WHERE seq = ?")) {
                s.setLong(1, third);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    body = rs.getBytes(1);
                }
            }
            body[body.length / 2] ^= 1;
            try (PreparedStatement u =
                    c.prepareStatement("UPDATE evidence_record SET request_content = ? WHERE seq = ?")) {
                u.setBytes(1, body);
                u.setLong(2, third);
                assertEquals(1, u.executeUpdate());
            }
        }
        ChainVerifier.Report report = verify();
        assertEquals(
                ChainVerifier.Problem.CHANGED,
                report.first().problem(),
                report.findings().toString());
        assertEquals(third, report.first().seq());
        assertTrue(
                report.first().detail().contains("request_content"),
                report.first().detail());
    }

    @Test
    void namesTheRecordThatWasDeleted() throws Exception {
        long second = seqOf(messages.get(1));
        try (Connection c = db.getConnection();
                Statement s = c.createStatement()) {
            assertEquals(1, s.executeUpdate("DELETE FROM evidence_record WHERE seq = " + second));
        }
        ChainVerifier.Report report = verify();
        assertEquals(
                ChainVerifier.Problem.REMOVED,
                report.first().problem(),
                report.findings().toString());
        assertEquals(second, report.first().seq());
    }

    @Test
    void namesTheRecordThatWasInsertedWithAWellFormedLink() throws Exception {
        long fourth = seqOf(messages.get(3));
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            EvidenceRecord before;
            try (PreparedStatement s = c.prepareStatement("SELECT * FROM evidence_record WHERE seq = ?")) {
                s.setLong(1, fourth - 1);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    before = new EvidenceRecord(
                            rs.getString("node_id"),
                            fourth,
                            "CALL",
                            "METADATA",
                            "egov-portal",
                            "forged",
                            "ADDRESS_CERTIFICATE",
                            null,
                            "ANSWERED",
                            null,
                            "POSITIVE",
                            rs.getTimestamp("received_at").toInstant(),
                            rs.getTimestamp("finished_at").toInstant(),
                            1,
                            1,
                            1,
                            rs.getTimestamp("retain_until").toInstant(),
                            Digests.hex(new byte[] {1}),
                            null,
                            null,
                            null,
                            null,
                            rs.getString("digest"),
                            null);
                }
            }
            // Make room: every later record moves up by one, then the forgery takes its place, linked correctly.
            try (Statement s = c.createStatement()) {
                s.executeUpdate("UPDATE evidence_record SET seq = seq + 1000000 WHERE seq >= " + fourth);
                s.executeUpdate("UPDATE evidence_record SET seq = seq - 999999 WHERE seq >= 1000000");
                s.executeUpdate("UPDATE evidence_stamp SET seq = seq + 1 WHERE seq >= " + fourth);
            }
            EvidenceRecord forged = before.withDigest(before.computedDigest());
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO evidence_record (node_id, seq, kind, mode, "
                    + "sender, message_id, service_id, outcome, decision, received_at, finished_at, verify_micros, "
                    + "agency_micros, total_micros, retain_until, request_sha256, prev_digest, digest) "
                    + "VALUES (?, ?, 'CALL', 'METADATA', 'egov-portal', 'forged', 'ADDRESS_CERTIFICATE', 'ANSWERED', "
                    + "'POSITIVE', ?, ?, 1, 1, 1, ?, ?, ?, ?)")) {
                insert.setString(1, forged.nodeId());
                insert.setLong(2, fourth);
                insert.setTimestamp(3, java.sql.Timestamp.from(forged.receivedAt()));
                insert.setTimestamp(4, java.sql.Timestamp.from(forged.finishedAt()));
                insert.setTimestamp(5, java.sql.Timestamp.from(forged.retainUntil()));
                insert.setString(6, forged.requestSha256());
                insert.setString(7, forged.prevDigest());
                insert.setString(8, forged.digest());
                insert.executeUpdate();
            }
            c.commit();
        }
        ChainVerifier.Report report = verify();
        assertEquals(
                ChainVerifier.Problem.INSERTED,
                report.first().problem(),
                report.findings().toString());
        assertEquals(fourth, report.first().seq());
    }
}
