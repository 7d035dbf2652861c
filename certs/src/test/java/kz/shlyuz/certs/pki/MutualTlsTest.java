package kz.shlyuz.certs.pki;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;

/** The TLS files work for a real mutual-TLS handshake on loopback, as gRPC will use them. */
class MutualTlsTest {
    private final DevPki pki = TestPki.shared();

    @Test
    void systemsAuthenticateEachOtherThroughTheTlsCa() throws Exception {
        SSLContext server = context(pki.tlsCertChainPem("gateway"), pki.tlsKeyPem("gateway"));
        SSLContext client = context(pki.tlsCertChainPem("egov-portal"), pki.tlsKeyPem("egov-portal"));

        ServerView view = handshake(server, client);

        assertNull(view.failure());
        assertEquals("CN=egov-portal,O=Shlyuz dev", view.clientSubject());
    }

    @Test
    void serverRefusesACitizensAuthenticationCertificateAsATlsClient() throws Exception {
        Identity citizen = pki.identity("aidar-clean-auth");
        SSLContext server = context(pki.tlsCertChainPem("gateway"), pki.tlsKeyPem("gateway"));
        SSLContext client = context(citizen.cert(), citizen.key());

        ServerView view = handshake(server, client);

        assertNull(view.clientSubject());
        assertInstanceOf(SSLHandshakeException.class, view.failure());
    }

    /** What the server saw of one handshake: the client certificate's subject, or why it failed. */
    private record ServerView(String clientSubject, Throwable failure) {}

    private static ServerView handshake(SSLContext server, SSLContext client) throws Exception {
        try (SSLServerSocket listener = (SSLServerSocket)
                server.getServerSocketFactory().createServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            listener.setNeedClientAuth(true);
            CompletableFuture<ServerView> seen = CompletableFuture.supplyAsync(() -> {
                try (SSLSocket socket = (SSLSocket) listener.accept()) {
                    socket.startHandshake();
                    X509Certificate peer = (X509Certificate) socket.getSession().getPeerCertificates()[0];
                    socket.getOutputStream().write(1);
                    return new ServerView(peer.getSubjectX500Principal().getName(), null);
                } catch (IOException e) {
                    return new ServerView(null, e);
                }
            });
            try (SSLSocket socket =
                    (SSLSocket) client.getSocketFactory().createSocket("localhost", listener.getLocalPort())) {
                socket.startHandshake();
                socket.getInputStream().read();
            } catch (IOException e) {
                // The server's view is what the tests assert; the client only learns of an alert.
            }
            return seen.get(10, TimeUnit.SECONDS);
        }
    }

    private SSLContext context(Path certChain, Path key) throws Exception {
        List<X509Certificate> chain = PemFiles.readCertificates(certChain);
        KeyStore keys = KeyStore.getInstance("PKCS12");
        keys.load(null, null);
        keys.setKeyEntry("me", PemFiles.readPrivateKey(key), new char[0], chain.toArray(Certificate[]::new));
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(keys, new char[0]);

        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        List<X509Certificate> anchors = PemFiles.readCertificates(pki.tlsTrustPem());
        for (int i = 0; i < anchors.size(); i++) {
            trust.setCertificateEntry("ca" + i, anchors.get(i));
        }
        TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trustManagers.init(trust);

        SSLContext context = SSLContext.getInstance("TLSv1.3");
        context.init(keyManagers.getKeyManagers(), trustManagers.getTrustManagers(), null);
        return context;
    }
}
