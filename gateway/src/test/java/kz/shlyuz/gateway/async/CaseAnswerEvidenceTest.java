package kz.shlyuz.gateway.async;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import kz.shlyuz.certs.identity.Persona;
import kz.shlyuz.gateway.evidence.BodyCipher;
import kz.shlyuz.gateway.evidence.ChainVerifier;
import kz.shlyuz.gateway.evidence.ContainerVerifier;
import kz.shlyuz.gateway.evidence.EvidenceExporter;
import kz.shlyuz.gateway.evidence.JdbcBodyAccessAudit;
import kz.shlyuz.gateway.journal.JournalDatabase;
import kz.shlyuz.gateway.signature.SignatureVerifier;
import kz.shlyuz.gateway.signature.TrustMaterial;
import kz.shlyuz.gateway.signature.VerificationPolicy;
import kz.shlyuz.proto.v1.SubmitAck;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The agencies' answers of a case's steps are kept, each exportable and verifiable offline, like the Submit. */
class CaseAnswerEvidenceTest {

    @Test
    void keepsEveryAgencyAnswerOfACaseAndTheSubmitVerifiably(@TempDir Path dir) throws Exception {
        try (AsyncEnvironment env = new AsyncEnvironment(Set.of());
                HikariDataSource db = JournalDatabase.open(env.config.journal())) {
            SubmitAck ack = env.submit(
                    "hkko",
                    "EXIT_PERMANENT_RESIDENCE",
                    ExitPermanentResidenceTest.exit(Persona.CLEAN),
                    "hkko-operator");
            env.awaitState("hkko", ack.getCaseId(), "APPROVED");
            assertTrue(env.gateway.evidence().stampNow());

            List<String> answers = new ArrayList<>();
            try (Connection c = db.getConnection();
                    PreparedStatement s = c.prepareStatement(
                            "SELECT message_id FROM evidence_record WHERE kind = 'CASE_ANSWER' AND case_id LIKE ? ORDER BY seq")) {
                s.setString(1, ack.getCaseId() + "/%");
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        answers.add(rs.getString(1));
                    }
                }
            }
            int answered;
            try (Connection c = db.getConnection();
                    PreparedStatement s = c.prepareStatement(
                            "SELECT COUNT(*) FROM process_step WHERE case_id = ? AND finished_at IS NOT NULL")) {
                s.setString(1, ack.getCaseId());
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    answered = rs.getInt(1);
                }
            }
            assertTrue(answered >= 9, "the exit case's steps answered: " + answered);
            assertEquals(answered, answers.size(), "one record per step the agencies answered: " + answers);

            SignatureVerifier offline = new SignatureVerifier(
                    new TrustMaterial(env.pki.signingTrustAnchors(), env.pki.signingIntermediates(), env.pki.crls()),
                    Clock.systemUTC(),
                    new VerificationPolicy(null, VerificationPolicy.RevocationMode.SOFT_FAIL, null));
            EvidenceExporter exporter =
                    new EvidenceExporter(db, BodyCipher.off(), new JdbcBodyAccessAudit(db), Clock.systemUTC());
            Path out = dir.resolve("step.asice");
            exporter.export(exporter.find(answers.get(0), null), out, "test", "case evidence test");
            ContainerVerifier.Result step = new ContainerVerifier(offline).verify(out);
            assertTrue(step.holds(), String.join("\n", step.lines()));
            assertTrue(step.lines().get(0).contains("CASE_ANSWER"), step.lines().get(0));
            assertTrue(
                    String.join("\n", step.lines()).contains("answer: signed by"),
                    step.lines().toString());

            Path submit = dir.resolve("submit.asice");
            exporter.export(exporter.find(ack.getMessageId(), "hkko"), submit, "test", "case evidence test");
            ContainerVerifier.Result submitted = new ContainerVerifier(offline).verify(submit);
            assertTrue(submitted.holds(), String.join("\n", submitted.lines()));

            ChainVerifier.Report chain = new ChainVerifier(
                            db, env.config.evidence().archiveDir(), BodyCipher.off(), offline::verifyTimeStamp)
                    .verify(null, null);
            assertTrue(chain.holds(), chain.findings().toString());
        }
    }
}
