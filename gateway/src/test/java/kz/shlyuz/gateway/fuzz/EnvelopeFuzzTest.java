package kz.shlyuz.gateway.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.google.protobuf.InvalidProtocolBufferException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Clock;
import kz.shlyuz.gateway.admission.RequestAdmission;
import kz.shlyuz.gateway.config.ConfigLoader;
import kz.shlyuz.gateway.services.Services;
import kz.shlyuz.gateway.status.Refusal;
import kz.shlyuz.proto.v1.SignedRequest;

/**
 * The envelope as it arrives: any bytes as a SignedRequest, then admission (size, sender,
 * signature, content). The only allowed outcomes: the bytes are not a SignedRequest (what gRPC's
 * marshaller reports), or a {@link Refusal}.
 */
class EnvelopeFuzzTest {
    static RequestAdmission admission(Clock clock) {
        try {
            return new RequestAdmission(
                    ConfigLoader.defaults(Files.createTempDirectory("shlyuz-fuzz-")),
                    Services.standard(),
                    FuzzPki.get().verifier(clock),
                    clock);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static RequestAdmission admission;

    @FuzzTest(maxDuration = "5m")
    void admissionRefusesOrAdmits(byte[] bytes) {
        if (admission == null) {
            admission = admission(Clock.systemUTC());
        }
        SignedRequest request;
        try {
            request = SignedRequest.parseFrom(bytes);
        } catch (InvalidProtocolBufferException notAnEnvelope) {
            return;
        }
        try {
            admission.admit("egov-portal", request, true);
        } catch (Refusal expected) {
            // the one outcome a bad request may have
        }
    }
}
