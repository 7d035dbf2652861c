package kz.shlyuz.gateway.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
import java.time.Clock;
import java.util.List;
import kz.shlyuz.certs.cms.CmsSigner;
import kz.shlyuz.client.RequestBuilder;
import kz.shlyuz.gateway.admission.RequestAdmission;
import kz.shlyuz.gateway.status.Refusal;
import kz.shlyuz.proto.v1.AddressCertificateRequest;
import kz.shlyuz.proto.v1.RequestContent;
import kz.shlyuz.proto.v1.SignedRequest;

/**
 * RequestContent parsing behind a valid signature: fuzzed content bytes (or a genuine content with
 * fuzzed fields and body bytes), signed by a trusted key, so admission gets past the signature to
 * the content, the body, the properties and the IINs. Only a {@link Refusal} may come out.
 */
class ContentFuzzTest {
    private static final Clock CLOCK = Clock.systemUTC();
    private static RequestAdmission admission;
    private static CmsSigner signer;

    @FuzzTest(maxDuration = "5m")
    void admissionRefusesOrAdmitsSignedContent(FuzzedDataProvider data) {
        if (admission == null) {
            admission = EnvelopeFuzzTest.admission(CLOCK);
            signer = new CmsSigner(CLOCK);
        }
        byte[] content;
        if (data.consumeBoolean()) {
            RequestContent.Builder builder = RequestBuilder.content(
                    data.consumeBoolean() ? "egov-portal" : data.consumeString(16),
                    data.consumeBoolean() ? "ADDRESS_CERTIFICATE" : data.consumeString(24),
                    AddressCertificateRequest.newBuilder()
                            .setIin(data.consumeBoolean() ? FuzzPki.IIN : data.consumeString(14))
                            .build(),
                    CLOCK.instant())
                    .toBuilder();
            if (data.consumeBoolean()) {
                builder.setMessageId(data.consumeString(70));
            }
            int properties = data.consumeInt(0, 40);
            for (int i = 0; i < properties; i++) {
                builder.putProperties(data.consumeString(80), data.consumeString(200));
            }
            if (data.consumeBoolean()) {
                builder.setBody(Any.newBuilder()
                        .setTypeUrl(data.consumeBoolean() ? builder.getBody().getTypeUrl() : data.consumeString(200))
                        .setValue(ByteString.copyFrom(data.consumeBytes(200))));
            }
            content = builder.build().toByteArray();
        } else {
            content = data.consumeRemainingAsBytes();
        }
        SignedRequest request = SignedRequest.newBuilder()
                .setContent(ByteString.copyFrom(content))
                .setSignature(ByteString.copyFrom(signer.signDetached(content, List.of(FuzzPki.get().citizen))))
                .build();
        try {
            admission.admit("egov-portal", request, true);
        } catch (Refusal expected) {
            // the one outcome a bad request may have
        }
    }
}
