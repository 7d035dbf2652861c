package kz.shlyuz.certs.tsa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import kz.shlyuz.certs.gost.GostKeys;
import kz.shlyuz.certs.gost.GostOperators;
import kz.shlyuz.certs.identity.NcaOids;
import kz.shlyuz.certs.pki.DevPki;
import kz.shlyuz.certs.pki.TestPki;
import org.bouncycastle.asn1.cmp.PKIStatus;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.DefaultCMSSignatureAlgorithmNameGenerator;
import org.bouncycastle.cms.SignerInformationVerifier;
import org.bouncycastle.operator.DefaultSignatureAlgorithmIdentifierFinder;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampToken;
import org.junit.jupiter.api.Test;

/** The dev TSA over HTTP, as a client of the national CA's TSA would use it. */
class TimeStampServerTest {
    private final DevPki pki = TestPki.shared();

    @Test
    void gostTsaGrantsAStampUnderTheGost2015PolicyOverHttp() throws Exception {
        TimeStampAuthority authority =
                new TimeStampAuthority(pki.newTimeStampingKey("GOST2015-512"), Clock.systemUTC());
        try (TimeStampServer server = TimeStampServer.start(new InetSocketAddress("127.0.0.1", 0), authority)) {
            byte[] imprint = MessageDigest.getInstance("SHA-256").digest("document".getBytes(StandardCharsets.UTF_8));
            TimeStampRequestGenerator generator = new TimeStampRequestGenerator();
            generator.setCertReq(true);
            TimeStampRequest request = generator.generate(NISTObjectIdentifiers.id_sha256, imprint, BigInteger.TEN);
            HttpResponse<byte[]> reply = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(server.uri())
                                    .timeout(Duration.ofSeconds(5))
                                    .header("Content-Type", "application/timestamp-query")
                                    .POST(HttpRequest.BodyPublishers.ofByteArray(request.getEncoded()))
                                    .build(),
                            HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(
                    "application/timestamp-reply",
                    reply.headers().firstValue("Content-Type").orElse(""));
            TimeStampResponse response = new TimeStampResponse(reply.body());
            response.validate(request);
            assertEquals(PKIStatus.GRANTED, response.getStatus());
            TimeStampToken token = response.getTimeStampToken();
            assertEquals(
                    NcaOids.TSA_POLICY_GOST2015_512, token.getTimeStampInfo().getPolicy());
            X509CertificateHolder tsa = (X509CertificateHolder) token.getCertificates()
                    .getMatches(token.getSID())
                    .iterator()
                    .next();
            assertTrue(GostKeys.isGost(tsa.getSubjectPublicKeyInfo()));
            var verifiers = GostOperators.contentVerifierProvider(tsa);
            token.validate(
                    new SignerInformationVerifier(
                            new DefaultCMSSignatureAlgorithmNameGenerator(),
                            new DefaultSignatureAlgorithmIdentifierFinder(),
                            verifiers,
                            GostOperators.digestCalculatorProvider()) {
                        @Override
                        public org.bouncycastle.operator.ContentVerifier getContentVerifier(
                                org.bouncycastle.asn1.x509.AlgorithmIdentifier signing,
                                org.bouncycastle.asn1.x509.AlgorithmIdentifier digest)
                                throws org.bouncycastle.operator.OperatorCreationException {
                            return verifiers.get(signing);
                        }
                    });
        }
    }

    @Test
    void malformedRequestIsRejectedNotDropped() throws Exception {
        TimeStampAuthority authority = new TimeStampAuthority(pki.newTimeStampingKey("GOST2004"), Clock.systemUTC());
        TimeStampResponse response = new TimeStampResponse(authority.respond(new byte[] {1, 2, 3}));
        assertEquals(PKIStatus.REJECTION, response.getStatus());
        assertNotNull(response.getFailInfo());
    }
}
