package kz.shlyuz.bench.env;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.MessageDigest;
import org.junit.jupiter.api.Test;

class ProcessCpuTest {
    @Test
    void thisJvmsCpuTimeGrowsWhileItWorks() throws Exception {
        long before = ProcessCpu.nanos(ProcessHandle.current(), false);
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        byte[] block = new byte[1 << 16];
        long end = System.nanoTime() + 300_000_000L;
        while (System.nanoTime() < end) {
            block = java.util.Arrays.copyOf(sha.digest(block), 1 << 16);
        }
        long after = ProcessCpu.nanos(ProcessHandle.current(), false);
        assertTrue(before >= 0, "no /proc? " + before);
        assertTrue(after - before >= 100_000_000L, "used " + (after - before) + " ns in 300 ms of hashing");
    }
}
