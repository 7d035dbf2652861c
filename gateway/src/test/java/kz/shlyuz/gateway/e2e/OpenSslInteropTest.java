package kz.shlyuz.gateway.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.protobuf.ByteString;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import kz.shlyuz.certs.identity.Persona;
import kz.shlyuz.certs.pki.Identity;
import kz.shlyuz.client.RequestBuilder;
import kz.shlyuz.proto.v1.AddressCertificate;
import kz.shlyuz.proto.v1.AddressCertificateRequest;
import kz.shlyuz.proto.v1.RequestContent;
import kz.shlyuz.proto.v1.ResponseContent;
import kz.shlyuz.proto.v1.SignedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Anyone with OpenSSL can sign a request: the gateway accepts what the command line makes. */
class OpenSslInteropTest {

    @Test
    void acceptsDetachedSignatureMadeByOpensslCommandLine(@TempDir Path dir) throws Exception {
        try (GatewayEnvironment env = new GatewayEnvironment()) {
            RequestContent content = RequestBuilder.content(
                    "egov-portal",
                    "ADDRESS_CERTIFICATE",
                    AddressCertificateRequest.newBuilder()
                            .setIin(Persona.CLEAN.iin().value())
                            .build(),
                    env.clock.instant());
            Path contentFile = dir.resolve("content.bin");
            Path signatureFile = dir.resolve("sig.der");
            Files.write(contentFile, content.toByteArray());
            Identity signer = env.pki.identity(Persona.CLEAN.key());

            openssl(
                    "cms",
                    "-sign",
                    "-binary",
                    "-md",
                    "sha256",
                    "-outform",
                    "DER",
                    "-in",
                    contentFile.toString(),
                    "-signer",
                    signer.cert().toString(),
                    "-inkey",
                    signer.key().toString(),
                    "-out",
                    signatureFile.toString());

            SignedRequest request = SignedRequest.newBuilder()
                    .setContent(ByteString.copyFrom(Files.readAllBytes(contentFile)))
                    .setSignature(ByteString.copyFrom(Files.readAllBytes(signatureFile)))
                    .build();
            ResponseContent answer = ResponseContent.parseFrom(
                    env.client("egov-portal").call(request).getContent());
            assertEquals(
                    Persona.CLEAN.iin().value(),
                    answer.getBody().unpack(AddressCertificate.class).getSubjectId());
        }
    }

    private static void openssl(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>();
        command.add("openssl");
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("openssl timed out");
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.exitValue(), "openssl " + String.join(" ", args) + ":\n" + output);
    }
}
