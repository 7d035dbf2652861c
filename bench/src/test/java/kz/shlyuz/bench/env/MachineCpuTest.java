package kz.shlyuz.bench.env;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MachineCpuTest {
    @Test
    void idleAndIoWaitAreNotBusyAndGuestTimeIsNotCountedTwice() {
        // user nice system idle iowait irq softirq steal guest guest_nice
        MachineCpu cpu = MachineCpu.parse("cpu  100 5 50 800 20 1 2 3 40 0");

        assertEquals(161, cpu.busyTicks());
        assertEquals(981, cpu.totalTicks());
    }

    @Test
    void theShareIsOfTheTicksBetweenTwoReadings() {
        MachineCpu earlier = MachineCpu.parse("cpu 100 0 0 100 0 0 0 0");
        MachineCpu later = MachineCpu.parse("cpu 250 0 0 150 0 0 0 0");

        assertEquals(0.75, later.since(earlier).busyShare(), 1e-9);
        assertTrue(Double.isNaN(new MachineCpu(0, 0).busyShare()), "nothing measured has no share");
    }

    @Test
    void aPerCoreLineIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> MachineCpu.parse("cpu0 1 2 3 4 5 6 7 8"));
    }
}
