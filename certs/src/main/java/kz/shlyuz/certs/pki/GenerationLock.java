package kz.shlyuz.certs.pki;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Serialises generation of one PKI folder across processes and threads: the gateway and the
 * adapters often start together on a fresh checkout, and two interleaved generations would leave
 * certificates that do not match their keys. A file lock guards other processes; a JVM-wide lock
 * guards threads, since a JVM may hold only one file lock per file.
 */
final class GenerationLock implements AutoCloseable {
    private static final ReentrantLock IN_THIS_JVM = new ReentrantLock();

    private final FileChannel channel;
    private final FileLock lock;

    private GenerationLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    static GenerationLock acquire(PkiLayout layout) {
        IN_THIS_JVM.lock();
        try {
            Files.createDirectories(layout.dir());
            FileChannel channel =
                    FileChannel.open(layout.generationLock(), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            try {
                return new GenerationLock(channel, channel.lock());
            } catch (IOException | RuntimeException e) {
                channel.close();
                throw e;
            }
        } catch (IOException e) {
            IN_THIS_JVM.unlock();
            throw new UncheckedIOException("cannot lock " + layout.generationLock(), e);
        } catch (RuntimeException e) {
            IN_THIS_JVM.unlock();
            throw e;
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot release the PKI generation lock", e);
        } finally {
            IN_THIS_JVM.unlock();
        }
    }
}
