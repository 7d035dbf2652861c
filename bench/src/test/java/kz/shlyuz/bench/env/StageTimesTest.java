package kz.shlyuz.bench.env;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class StageTimesTest {
    @Test
    void whatANodeRepliesReadsBackAsTheSameTimers() {
        StageTimes times = StageTimes.NONE.with("seal", 4, 8_000_000).with("agency", 2, 3_000_000);

        StageTimes read = StageTimes.parse(" " + times.format());

        assertEquals(times, read);
        assertEquals("agency=2:3000000 seal=4:8000000", read.format());
    }

    @Test
    void aWindowIsTheLaterReadingLessTheEarlierAndNodesAddUp() {
        StageTimes before = StageTimes.parse("seal=10:20000000");
        StageTimes after = StageTimes.parse("seal=14:30000000 journal=2:4000000");
        StageTimes otherNode = StageTimes.parse("seal=1:500000");

        StageTimes window = after.minus(before).plus(otherNode);

        assertEquals(new StageTimes.Timed(5, 10_500_000), window.stages().get("seal"));
        assertEquals(2.1, window.stages().get("seal").meanMillis(), 1e-9);
        assertEquals(2.0, window.stages().get("journal").meanMillis(), 1e-9);
    }
}
