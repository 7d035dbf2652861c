package kz.shlyuz.gateway.console;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.sql.DataSource;
import kz.shlyuz.certs.tls.TlsFiles;
import kz.shlyuz.gateway.config.ConsoleSettings;
import kz.shlyuz.gateway.config.GatewayConfig;
import kz.shlyuz.gateway.console.audit.AuditLog;
import kz.shlyuz.gateway.console.auth.Accounts;
import kz.shlyuz.gateway.console.auth.DevAccounts;
import kz.shlyuz.gateway.console.data.CaseList;
import kz.shlyuz.gateway.console.data.Deliveries;
import kz.shlyuz.gateway.console.data.JournalSearch;
import kz.shlyuz.gateway.console.data.MessageDetails;
import kz.shlyuz.gateway.console.data.TrafficRing;
import kz.shlyuz.gateway.console.web.ConsoleServer;
import kz.shlyuz.gateway.console.web.ConsoleServices;
import kz.shlyuz.gateway.evidence.BodyCipher;
import kz.shlyuz.gateway.evidence.EvidenceExporter;
import kz.shlyuz.gateway.evidence.JdbcBodyAccessAudit;
import kz.shlyuz.gateway.ops.Operations;
import kz.shlyuz.gateway.ops.admin.AdminTls;
import kz.shlyuz.gateway.process.ProcessEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operator console and management API of one gateway node (issue 14): its accounts (the
 * configured ones, or in development one per role written to {@code accounts.txt}), its audit log,
 * and its HTTPS listener with the gateway's TLS certificate unless {@code console.certificateChain}
 * names another.
 */
public final class Console implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Console.class);

    private final ConsoleServer server;
    private final ConsoleSettings settings;
    private final Path accountsFile;

    private Console(ConsoleServer server, ConsoleSettings settings, Path accountsFile) {
        this.server = server;
        this.settings = settings;
        this.accountsFile = accountsFile;
    }

    /**
     * Starts the console when {@code console.enabled}.
     *
     * @param traffic the ring the journal feeds
     * @param processClock the clock of terms and due dates
     * @return null when the console is off
     */
    public static Console start(
            GatewayConfig config,
            TlsFiles tls,
            DataSource db,
            Operations ops,
            ProcessEngine engine,
            TrafficRing traffic,
            Clock processClock) {
        ConsoleSettings settings = config.console();
        if (!settings.enabled()) {
            return null;
        }
        Path file = null;
        List<ConsoleSettings.Account> accounts = settings.accounts();
        if (accounts.isEmpty()) {
            if (!settings.devAccounts()) {
                throw new IllegalArgumentException(
                        "console.accounts: none configured (and console.devAccounts is off); "
                                + "add accounts with bcrypt hashes, or turn the console off");
            }
            file = config.dataDir().resolve(DevAccounts.FILE);
            accounts = DevAccounts.accounts(DevAccounts.ensure(config.dataDir()));
            log.warn(
                    "console: development accounts, one per role, in {}",
                    file.toAbsolutePath().normalize());
        }
        BodyCipher cipher = BodyCipher.open(config.evidence().encryption());
        Clock wall = Clock.systemUTC();
        ConsoleServices services = new ConsoleServices(
                new AuditLog(db, wall),
                new JournalSearch(db),
                new MessageDetails(db, cipher),
                new CaseList(db, processClock),
                new Deliveries(db, wall),
                traffic,
                engine,
                ops,
                new EvidenceExporter(db, cipher, new JdbcBodyAccessAudit(db), wall),
                wall);
        SSLContext context = AdminTls.context(
                settings.certificateChain() == null
                        ? tls
                        : new TlsFiles(settings.certificateChain(), settings.privateKey(), tls.trust()));
        ConsoleServer server = ConsoleServer.start(settings, context, new Accounts(accounts), services);
        Console console = new Console(server, settings, file);
        log.info("console on {}", console.url());
        return console;
    }

    public int port() {
        return server.port();
    }

    /** The console's address, e.g. {@code https://127.0.0.1:8444/}. */
    public String url() {
        return "https://" + settings.host() + ":" + port() + "/";
    }

    /** Where the development accounts are, or null when the accounts come from the configuration. */
    public Path accountsFile() {
        return accountsFile;
    }

    @Override
    public void close() {
        server.close();
    }
}
