package kz.shlyuz.gateway.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import kz.shlyuz.certs.identity.Persona;
import kz.shlyuz.proto.v1.SignedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The OpenSSL commands docs/EVIDENCE.md gives, run against a real export. */
class EvidenceOpenSslTest {

    @Test
    void theDocumentedOpensslCommandsVerifyTheExportedParts(@TempDir Path dir) throws Exception {
        try (GatewayEnvironment env = new GatewayEnvironment(Set.of("gbd-fl"), c -> c);
                HikariDataSource db = EvidenceTools.database(env.config)) {
            // An RSA signer, so that stock OpenSSL verifies the request too.
            SignedRequest request = EvidenceTools.addressRequest(env, Persona.CLEAN.key());
            env.client(EvidenceTools.PORTAL).call(request);
            env.gateway.evidence().stampNow();
            Path container = dir.resolve("call.asice");
            assertTrue(
                    EvidenceTools.exportAndVerify(env.config, db, env.pki, EvidenceTools.messageId(request), container)
                            .holds());
            Path ev = dir.resolve("ev");
            try (ZipFile zip = new ZipFile(container.toFile())) {
                for (ZipEntry e : Collections.list(zip.entries())) {
                    Path target = ev.resolve(e.getName());
                    Files.createDirectories(target.getParent());
                    Files.write(target, zip.getInputStream(e).readAllBytes());
                }
            }
            StringBuilder pem = new StringBuilder();
            List<X509Certificate> cas = new ArrayList<>(env.pki.signingTrustAnchors());
            cas.addAll(env.pki.signingIntermediates());
            for (X509Certificate ca : cas) {
                pem.append("-----BEGIN CERTIFICATE-----\n")
                        .append(Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.UTF_8))
                                .encodeToString(ca.getEncoded()))
                        .append("\n-----END CERTIFICATE-----\n");
            }
            Files.writeString(ev.resolve("ca.pem"), pem);

            openssl(
                    ev,
                    "cms",
                    "-verify",
                    "-binary",
                    "-inform",
                    "DER",
                    "-in",
                    "answer/signature.p7s",
                    "-content",
                    "answer/content.bin",
                    "-CAfile",
                    "ca.pem",
                    "-purpose",
                    "any",
                    "-out",
                    "/dev/null");
            openssl(
                    ev,
                    "cms",
                    "-verify",
                    "-binary",
                    "-inform",
                    "DER",
                    "-in",
                    "request/signature.p7s",
                    "-content",
                    "request/content.bin",
                    "-CAfile",
                    "ca.pem",
                    "-purpose",
                    "any",
                    "-out",
                    "/dev/null");
            openssl(
                    ev,
                    "ts",
                    "-verify",
                    "-token_in",
                    "-in",
                    "chain/stamp.tst",
                    "-data",
                    "chain/head.bin",
                    "-CAfile",
                    "ca.pem");
            try (var files = Files.list(ev.resolve("revocation"))) {
                for (Path ocsp : (Iterable<Path>) files::iterator) {
                    if (ocsp.getFileName().toString().startsWith("ocsp-")) {
                        openssl(ev, "ocsp", "-respin", ev.relativize(ocsp).toString(), "-resp_text", "-noverify");
                    }
                }
            }
        }
    }

    private static void openssl(Path dir, String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add("openssl");
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .start();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("openssl timed out");
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.exitValue(), "openssl " + String.join(" ", args) + ":\n" + output);
    }
}
