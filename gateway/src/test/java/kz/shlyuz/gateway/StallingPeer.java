package kz.shlyuz.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A loopback HTTP peer that never finishes: {@link Mode#SILENT} accepts and says nothing;
 * {@link Mode#HEADERS_THEN_STALL} reads the request, sends a 200 with a body length it never
 * delivers (a few bytes, then nothing). Sockets stay open until {@link #close()}.
 */
public final class StallingPeer implements AutoCloseable {
    /** How the peer fails to answer. */
    public enum Mode {
        SILENT,
        HEADERS_THEN_STALL
    }

    private final ServerSocket socket;
    private final Thread acceptor;
    private final List<Socket> held = new ArrayList<>();

    public StallingPeer(Mode mode) throws IOException {
        socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        acceptor = new Thread(
                () -> {
                    try {
                        while (true) {
                            Socket connection = socket.accept();
                            synchronized (held) {
                                held.add(connection);
                            }
                            if (mode == Mode.HEADERS_THEN_STALL) {
                                Thread answer = new Thread(() -> halfAnswer(connection), "stalling-peer-answer");
                                answer.setDaemon(true);
                                answer.start();
                            }
                        }
                    } catch (IOException closed) {
                        // closed by the test
                    }
                },
                "stalling-peer");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private static void halfAnswer(Socket connection) {
        try {
            InputStream in = connection.getInputStream();
            // Read the request head and its body (the client sends Content-Length): enough to answer.
            byte[] buffer = new byte[8192];
            int read = in.read(buffer);
            if (read <= 0) {
                return;
            }
            OutputStream out = connection.getOutputStream();
            out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\nContent-Length: 4096\r\n\r\n"
                            + "0123456789")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush(); // and then nothing more
        } catch (IOException closed) {
            // closed by the test or the client
        }
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + socket.getLocalPort() + path);
    }

    @Override
    public void close() throws Exception {
        socket.close();
        acceptor.join(5_000);
        synchronized (held) {
            for (Socket connection : held) {
                connection.close();
            }
        }
    }
}
