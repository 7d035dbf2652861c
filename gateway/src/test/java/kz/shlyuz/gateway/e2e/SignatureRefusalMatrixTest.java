package kz.shlyuz.gateway.e2e;

import static kz.shlyuz.gateway.e2e.Assertions.assertRefused;
import static kz.shlyuz.gateway.e2e.HostileSignatures.certificate;
import static kz.shlyuz.gateway.e2e.HostileSignatures.name;
import static kz.shlyuz.gateway.e2e.HostileSignatures.oddNumber;
import static kz.shlyuz.gateway.e2e.HostileSignatures.rsa;
import static kz.shlyuz.gateway.e2e.HostileSignatures.rsaSpki;
import static kz.shlyuz.gateway.e2e.HostileSignatures.spki;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
import io.grpc.Status;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import kz.shlyuz.certs.cms.SignerKey;
import kz.shlyuz.certs.identity.Persona;
import kz.shlyuz.client.Refusals;
import kz.shlyuz.client.RequestBuilder;
import kz.shlyuz.gateway.journal.JournalEntry;
import kz.shlyuz.proto.v1.AddressCertificateRequest;
import kz.shlyuz.proto.v1.RequestContent;
import kz.shlyuz.proto.v1.SignedRequest;
import kz.shlyuz.proto.v1.SignedResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every signature, certificate and content-bound refusal (issue 9, points 2 and 8) through a real
 * TLS socket: each bad input is refused with its gRPC code, reason, ШЭП code and both messages,
 * and a valid call right after it succeeds (the gateway goes on serving). The list of cases is in
 * docs/LIMITS-SIGNATURE.md.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SignatureRefusalMatrixTest {
    private static final String PORTAL = "egov-portal";
    private GatewayEnvironment env;
    private SignerKey citizen;
    private String cleanIin;

    /** One bad input: what it is, how the gateway must refuse it, and how to build it. */
    record Case(
            String name,
            Status.Code code,
            String reason,
            String shepCode,
            Function<SignatureRefusalMatrixTest, SignedRequest> request) {
        @Override
        public String toString() {
            return name;
        }
    }

    @BeforeAll
    void start() throws Exception {
        env = new GatewayEnvironment();
        citizen = env.pki.signerKey(Persona.CLEAN.key());
        cleanIin = Persona.CLEAN.iin().value();
    }

    @AfterAll
    void stop() {
        env.close();
    }

    RequestContent content() {
        return RequestBuilder.content(
                PORTAL,
                "ADDRESS_CERTIFICATE",
                AddressCertificateRequest.newBuilder().setIin(cleanIin).build(),
                env.clock.instant());
    }

    SignedRequest signed(RequestContent content) {
        return env.requests.sign(content, List.of(citizen));
    }

    SignedRequest signedBy(String signer) {
        return env.requests.sign(content(), List.of(env.pki.signerKey(signer)));
    }

    /** A clean content with {@code signature} as its signature, as is. */
    SignedRequest withSignature(byte[] signature) {
        return SignedRequest.newBuilder()
                .setContent(content().toByteString())
                .setSignature(ByteString.copyFrom(signature))
                .build();
    }

    /** A clean content signed by {@code key} under {@code certificate}, built by {@code shape}. */
    SignedRequest hostile(
            KeyPair key, X509Certificate certificate, Function<HostileSignatures.Cms, HostileSignatures.Cms> shape) {
        RequestContent content = content();
        byte[] cms = shape.apply(HostileSignatures.Cms.of(content.toByteArray(), key.getPrivate(), certificate))
                .build();
        return SignedRequest.newBuilder()
                .setContent(content.toByteString())
                .setSignature(ByteString.copyFrom(cms))
                .build();
    }

    /** The citizen's own certificate and key in a CMS of another shape. */
    SignedRequest citizenCms(Function<HostileSignatures.Cms, HostileSignatures.Cms> shape) {
        RequestContent content = content();
        byte[] cms = shape.apply(
                        HostileSignatures.Cms.of(content.toByteArray(), citizen.privateKey(), citizen.certificate()))
                .build();
        return SignedRequest.newBuilder()
                .setContent(content.toByteString())
                .setSignature(ByteString.copyFrom(cms))
                .build();
    }

    /** A certificate like the citizen's, with another public key, issued by a stranger under the citizen's CA's name. */
    X509Certificate lookalike(org.bouncycastle.asn1.x509.SubjectPublicKeyInfo key, int padding) {
        return certificate(citizen.certificate(), key, name(citizen.certificate(), true), key().getPrivate(), padding);
    }

    /** A key of nobody's (generated once: RSA key generation is slow). */
    private KeyPair stranger;

    KeyPair key() {
        if (stranger == null) {
            stranger = rsa(2048);
        }
        return stranger;
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                        // --- ASN.1 / CMS parsing bounds -------------------------------------------------------
                        new Case(
                                "nested BER 50 000 levels deep",
                                Status.Code.UNAUTHENTICATED,
                                "SIGNATURE_MALFORMED",
                                "SCE016",
                                t -> t.withSignature(HostileSignatures.nestedBer(50_000))),
                        new Case(
                                "nested BER 65 levels (just past the limit)",
                                Status.Code.UNAUTHENTICATED,
                                "SIGNATURE_MALFORMED",
                                "SCE016",
                                t -> t.withSignature(HostileSignatures.nestedBer(65))),
                        new Case(
                                "30 000 ASN.1 elements",
                                Status.Code.UNAUTHENTICATED,
                                "SIGNATURE_MALFORMED",
                                "SCE016",
                                t -> t.withSignature(HostileSignatures.manyElements(30_000))),
                        new Case(
                                "neither DER nor base64",
                                Status.Code.UNAUTHENTICATED,
                                "SIGNATURE_MALFORMED",
                                "SCE016",
                                t -> t.withSignature("%%% not a signature %%%".getBytes(StandardCharsets.US_ASCII))),
                        new Case("truncated CMS", Status.Code.UNAUTHENTICATED, "SIGNATURE_MALFORMED", "SCE016", t -> {
                            byte[] good = t.signed(t.content()).getSignature().toByteArray();
                            return t.withSignature(Arrays.copyOf(good, good.length / 2));
                        }),
                        new Case(
                                "nine SignerInfos",
                                Status.Code.UNAUTHENTICATED,
                                "SIGNATURE_MALFORMED",
                                "SCE016",
                                t -> t.citizenCms(c -> c.signers(9))),
                        new Case(
                                "33 certificates",
                                Status.Code.UNAUTHENTICATED,
                                "SIGNATURE_MALFORMED",
                                "SCE016",
                                t -> t.citizenCms(
                                        c -> c.certificates(HostileSignatures.copies(t.citizen.certificate(), 33)))),
                        new Case(
                                "five CRLs in the CMS",
                                Status.Code.UNAUTHENTICATED,
                                "SIGNATURE_MALFORMED",
                                "SCE016",
                                t -> {
                                    KeyPair key = t.key();
                                    java.security.cert.X509CRL crl = HostileSignatures.crl(
                                            name(t.citizen.certificate(), true), key.getPrivate());
                                    return t.citizenCms(c -> c.crls(List.of(crl, crl, crl, crl, crl)));
                                }),
                        new Case(
                                "70 signed attributes",
                                Status.Code.UNAUTHENTICATED,
                                "SIGNATURE_MALFORMED",
                                "SCE016",
                                t -> t.citizenCms(c -> c.extraSignedAttributes(70))),
                        new Case(
                                "certificate of 20 KB",
                                Status.Code.UNAUTHENTICATED,
                                "SIGNATURE_MALFORMED",
                                "SCE016",
                                t -> {
                                    KeyPair key = t.key();
                                    return t.hostile(key, t.lookalike(spki(key.getPublic()), 20_000), c -> c);
                                }),
                        new Case(
                                "certificate of 1 MB",
                                Status.Code.UNAUTHENTICATED,
                                "SIGNATURE_MALFORMED",
                                "SCE016",
                                t -> {
                                    KeyPair key = t.key();
                                    return t.hostile(key, t.lookalike(spki(key.getPublic()), 1_000_000), c -> c);
                                }),
                        new Case(
                                "no signed attributes",
                                Status.Code.UNAUTHENTICATED,
                                "SIGNED_ATTRIBUTES_MISSING",
                                "SCE016",
                                t -> t.citizenCms(HostileSignatures.Cms::withoutSignedAttributes)),
                        new Case(
                                "no signer certificate in the CMS",
                                Status.Code.UNAUTHENTICATED,
                                "SIGNER_CERT_MISSING",
                                "SCE016",
                                t -> t.citizenCms(c -> c.certificates(List.of()))),
                        new Case(
                                "no signature at all",
                                Status.Code.UNAUTHENTICATED,
                                "SIGNATURE_MISSING",
                                "SCE017",
                                t -> t.signed(t.content()).toBuilder()
                                        .clearSignature()
                                        .build()),
                        new Case(
                                "detached signature without content",
                                Status.Code.UNAUTHENTICATED,
                                "SIGNATURE_MALFORMED",
                                "SCE016",
                                t -> t.signed(t.content()).toBuilder()
                                        .clearContent()
                                        .build()),
                        // --- keys and algorithms, before any arithmetic -------------------------------------------
                        new Case(
                                "RSA public exponent of 3 071 bits",
                                Status.Code.UNAUTHENTICATED,
                                "ALGORITHM_UNSUPPORTED",
                                "SCE016",
                                t -> {
                                    KeyPair key = t.key();
                                    return t.hostile(
                                            key, t.lookalike(rsaSpki(oddNumber(3072), oddNumber(3071)), 0), c -> c);
                                }),
                        new Case(
                                "even RSA public exponent",
                                Status.Code.UNAUTHENTICATED,
                                "ALGORITHM_UNSUPPORTED",
                                "SCE016",
                                t -> {
                                    KeyPair key = t.key();
                                    return t.hostile(
                                            key,
                                            t.lookalike(rsaSpki(oddNumber(2048), BigInteger.valueOf(65536)), 0),
                                            c -> c);
                                }),
                        new Case(
                                "RSA public exponent 2^33 + 1 (just past the limit)",
                                Status.Code.UNAUTHENTICATED,
                                "ALGORITHM_UNSUPPORTED",
                                "SCE016",
                                t -> {
                                    KeyPair key = t.key();
                                    return t.hostile(
                                            key,
                                            t.lookalike(
                                                    rsaSpki(
                                                            oddNumber(2048),
                                                            BigInteger.ONE
                                                                    .shiftLeft(33)
                                                                    .add(BigInteger.ONE)),
                                                    0),
                                            c -> c);
                                }),
                        new Case(
                                "RSA-8192 modulus",
                                Status.Code.UNAUTHENTICATED,
                                "ALGORITHM_UNSUPPORTED",
                                "SCE016",
                                t -> {
                                    KeyPair key = t.key();
                                    return t.hostile(
                                            key,
                                            t.lookalike(rsaSpki(oddNumber(8192), BigInteger.valueOf(65537)), 0),
                                            c -> c);
                                }),
                        new Case("RSA-1024 key", Status.Code.UNAUTHENTICATED, "ALGORITHM_UNSUPPORTED", "SCE016", t -> {
                            KeyPair key = rsa(1024);
                            return t.hostile(key, t.lookalike(spki(key.getPublic()), 0), c -> c);
                        }),
                        new Case(
                                "SHA-1 with RSA",
                                Status.Code.UNAUTHENTICATED,
                                "ALGORITHM_UNSUPPORTED",
                                "SCE016",
                                t -> t.citizenCms(c -> c.algorithm("SHA1withRSA"))),
                        new Case(
                                "SHA-512 with RSA",
                                Status.Code.UNAUTHENTICATED,
                                "ALGORITHM_UNSUPPORTED",
                                "SCE016",
                                t -> t.citizenCms(c -> c.algorithm("SHA512withRSA"))),
                        // --- certificates and trust -------------------------------------------------------------
                        new Case(
                                "self-signed certificate",
                                Status.Code.UNAUTHENTICATED,
                                "CERT_UNTRUSTED",
                                "SCE016",
                                t -> {
                                    KeyPair key = t.key();
                                    X509Certificate self = certificate(
                                            t.citizen.certificate(),
                                            spki(key.getPublic()),
                                            name(t.citizen.certificate(), false),
                                            key.getPrivate(),
                                            0);
                                    return t.hostile(key, self, c -> c);
                                }),
                        new Case(
                                "forged: the CA's name, another key",
                                Status.Code.UNAUTHENTICATED,
                                "CERT_UNTRUSTED",
                                "SCE016",
                                t -> {
                                    KeyPair key = t.key();
                                    return t.hostile(key, t.lookalike(spki(key.getPublic()), 0), c -> c);
                                }),
                        new Case(
                                "certificate of an unknown CA",
                                Status.Code.UNAUTHENTICATED,
                                "CERT_UNTRUSTED",
                                "SCE016",
                                t -> t.signedBy("test-unknown-ca")),
                        new Case(
                                "expired certificate",
                                Status.Code.UNAUTHENTICATED,
                                "CERT_EXPIRED",
                                "SCE015",
                                t -> t.signedBy("test-expired")),
                        new Case(
                                "revoked certificate",
                                Status.Code.UNAUTHENTICATED,
                                "CERT_REVOKED",
                                "SCE016",
                                t -> t.signedBy("test-revoked")),
                        new Case(
                                "authentication key instead of the signing key",
                                Status.Code.UNAUTHENTICATED,
                                "CERT_NOT_FOR_SIGNING",
                                "SCE016",
                                t -> t.signedBy(Persona.CLEAN.key() + "-auth")),
                        new Case(
                                "signature over other content",
                                Status.Code.UNAUTHENTICATED,
                                "SIGNATURE_INVALID",
                                "SCE016",
                                t -> {
                                    SignedRequest good = t.signed(t.content());
                                    return good.toBuilder()
                                            .setContent(t.content().toByteString())
                                            .build();
                                }),
                        // --- the signed content's bounds ----------------------------------------------------------
                        new Case(
                                "type URL of 100 KB",
                                Status.Code.INVALID_ARGUMENT,
                                "BODY_INVALID",
                                "SCE001",
                                t -> t.signed(t.content().toBuilder()
                                        .setBody(Any.newBuilder()
                                                .setTypeUrl("type.googleapis.com/" + "x".repeat(100_000))
                                                .build())
                                        .build())),
                        new Case(
                                "control characters in the message id",
                                Status.Code.INVALID_ARGUMENT,
                                "MESSAGE_MALFORMED",
                                "SCE001",
                                t -> t.signed(t.content().toBuilder()
                                        .setMessageId("m1\n[main] INFO forged line\r\u0007")
                                        .build())),
                        new Case("33 properties", Status.Code.INVALID_ARGUMENT, "MESSAGE_MALFORMED", "SCE001", t -> {
                            RequestContent.Builder content = t.content().toBuilder();
                            for (int i = 0; i < 33; i++) {
                                content.putProperties("p" + i, "v");
                            }
                            return t.signed(content.build());
                        }),
                        new Case(
                                "property value of 5 000 bytes",
                                Status.Code.INVALID_ARGUMENT,
                                "MESSAGE_MALFORMED",
                                "SCE001",
                                t -> t.signed(t.content().toBuilder()
                                        .putProperties("channel", "x".repeat(5_000))
                                        .build())),
                        new Case(
                                "property key of 100 bytes",
                                Status.Code.INVALID_ARGUMENT,
                                "MESSAGE_MALFORMED",
                                "SCE001",
                                t -> t.signed(t.content().toBuilder()
                                        .putProperties("k".repeat(100), "v")
                                        .build())),
                        new Case(
                                "content nested 40 protobuf groups deep",
                                Status.Code.INVALID_ARGUMENT,
                                "MESSAGE_MALFORMED",
                                "SCE001",
                                t -> {
                                    byte[] content =
                                            concat(t.content().toByteArray(), HostileSignatures.nestedGroups(40));
                                    return t.env.requests.signBytes(content, List.of(t.citizen));
                                }),
                        new Case(
                                "body nested 40 protobuf groups deep",
                                Status.Code.INVALID_ARGUMENT,
                                "BODY_INVALID",
                                "SCE001",
                                t -> {
                                    Any body = t.content().getBody();
                                    Any nested = body.toBuilder()
                                            .setValue(body.getValue()
                                                    .concat(ByteString.copyFrom(HostileSignatures.nestedGroups(40))))
                                            .build();
                                    return t.signed(t.content().toBuilder()
                                            .setBody(nested)
                                            .build());
                                }))
                .map(Arguments::of);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void refusesAndKeepsServing(Case bad) {
        SignedRequest request = bad.request().apply(this);
        Refusals.Refused refused =
                assertRefused(bad.code(), bad.reason(), () -> env.client(PORTAL).call(request));
        assertEquals(bad.shepCode(), refused.shepCode(), "ШЭП code");
        // Bounded and plain, whatever the input echoed: no control character, no 100 KB detail.
        assertTrue(
                refused.description().length() < 3_000,
                () -> "description of " + refused.description().length());
        assertFalse(refused.description().chars().anyMatch(c -> c < 0x20), "no control characters in the refusal");

        SignedResponse answer = env.client(PORTAL).call(signed(content()));
        assertFalse(answer.getContent().isEmpty(), "a valid call right after is answered");
    }

    @org.junit.jupiter.api.Test
    void journalsAnUnverifiedMessageIdEscaped() {
        RequestContent content =
                content().toBuilder().setMessageId("m2\nforged").build();
        SignedRequest request = signed(content);
        assertRefused(
                Status.Code.INVALID_ARGUMENT,
                "MESSAGE_MALFORMED",
                () -> env.client(PORTAL).call(request));
        List<JournalEntry> entries = env.gateway.journal().entries(PORTAL, "m2\\u000aforged");
        assertEquals(1, entries.size(), "journaled under the escaped id");
        assertEquals("MESSAGE_MALFORMED", entries.get(0).reason());
    }
}
