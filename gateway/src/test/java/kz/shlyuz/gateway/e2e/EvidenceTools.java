package kz.shlyuz.gateway.e2e;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import kz.shlyuz.certs.identity.Persona;
import kz.shlyuz.certs.pki.DevPki;
import kz.shlyuz.client.RequestBuilder;
import kz.shlyuz.gateway.config.GatewayConfig;
import kz.shlyuz.gateway.evidence.BodyCipher;
import kz.shlyuz.gateway.evidence.ChainVerifier;
import kz.shlyuz.gateway.evidence.ContainerVerifier;
import kz.shlyuz.gateway.evidence.EvidenceExporter;
import kz.shlyuz.gateway.evidence.EvidenceRecord;
import kz.shlyuz.gateway.evidence.JdbcBodyAccessAudit;
import kz.shlyuz.gateway.journal.JournalDatabase;
import kz.shlyuz.gateway.signature.SignatureVerifier;
import kz.shlyuz.gateway.signature.TrustMaterial;
import kz.shlyuz.gateway.signature.VerificationPolicy;
import kz.shlyuz.proto.v1.AddressCertificateRequest;
import kz.shlyuz.proto.v1.SignedRequest;

/** What the evidence tests share: the journal database beside the running gateway, offline verifiers. */
final class EvidenceTools {
    static final String PORTAL = "egov-portal";
    static final String SIGNER = "aidar-clean-gost2015";

    private EvidenceTools() {}

    /** A second pool on the gateway's database (the embedded H2 file is shared within the process). */
    static HikariDataSource database(GatewayConfig config) {
        return JournalDatabase.open(config.journal());
    }

    /** An archive-mode verifier over the dev PKI's anchors only: no OCSP, no signing-time window. */
    static SignatureVerifier offline(DevPki pki) {
        return new SignatureVerifier(
                new TrustMaterial(pki.signingTrustAnchors(), pki.signingIntermediates(), pki.crls()),
                Clock.systemUTC(),
                new VerificationPolicy(null, VerificationPolicy.RevocationMode.SOFT_FAIL, null));
    }

    static ChainVerifier chain(GatewayConfig config, HikariDataSource db, DevPki pki) {
        SignatureVerifier verifier = offline(pki);
        return new ChainVerifier(
                db,
                config.evidence().archiveDir(),
                BodyCipher.open(config.evidence().encryption()),
                verifier::verifyTimeStamp);
    }

    static EvidenceExporter exporter(GatewayConfig config, HikariDataSource db) {
        return new EvidenceExporter(
                db, BodyCipher.open(config.evidence().encryption()), new JdbcBodyAccessAudit(db), Clock.systemUTC());
    }

    /** Exports the message's record and verifies the container offline. */
    static ContainerVerifier.Result exportAndVerify(
            GatewayConfig config, HikariDataSource db, DevPki pki, String messageId, Path out) throws Exception {
        EvidenceExporter exporter = exporter(config, db);
        EvidenceRecord record = exporter.find(messageId, null);
        exporter.export(record, out, "test", "evidence test");
        return new ContainerVerifier(offline(pki)).verify(out);
    }

    static SignedRequest addressRequest(GatewayEnvironment env, String signer) {
        return env.requests.sign(
                RequestBuilder.content(
                        PORTAL,
                        "ADDRESS_CERTIFICATE",
                        AddressCertificateRequest.newBuilder()
                                .setIin(Persona.CLEAN.iin().value())
                                .build(),
                        env.clock.instant()),
                List.of(env.pki.signerKey(signer)));
    }

    static String messageId(SignedRequest request) throws Exception {
        return kz.shlyuz.proto.v1.RequestContent.parseFrom(request.getContent()).getMessageId();
    }
}
