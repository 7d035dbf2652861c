package kz.shlyuz.gateway.journal;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import kz.shlyuz.gateway.config.GatewayConfig;

/**
 * Child process of {@link GroupCommitJournalTest}: appends entries from several threads through
 * the group-commit journal, says so, and halts at once (no shutdown hooks, no close), as a crash.
 */
public final class GroupCommitCrashMain {
    private GroupCommitCrashMain() {}

    public static void main(String[] args) throws Exception {
        String url = "jdbc:h2:file:" + Path.of(args[0]).resolve("journal");
        int count = Integer.parseInt(args[1]);
        HikariDataSource ds = JournalDatabase.open(new GatewayConfig.JournalSettings(url, "shlyuz", "", 4));
        GroupCommitJournal journal = new GroupCommitJournal(
                new JdbcJournal(ds, Duration.ofSeconds(20), ds), ds, url, Duration.ofSeconds(10));
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int from = t * (count / 4);
            Thread thread = new Thread(() -> {
                for (int i = from; i < from + count / 4; i++) {
                    journal.append(GroupCommitJournalTest.entry("m" + i));
                }
            });
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        System.out.println("APPENDED");
        System.out.flush();
        Runtime.getRuntime().halt(0);
    }
}
