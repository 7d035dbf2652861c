package kz.shlyuz.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import kz.shlyuz.certs.identity.CertificateHolder;
import kz.shlyuz.certs.identity.CheckDigit;
import kz.shlyuz.certs.identity.HolderRole;
import kz.shlyuz.certs.identity.Iin;
import kz.shlyuz.certs.pki.DevPki;
import kz.shlyuz.gateway.config.ConfigLoader;
import kz.shlyuz.gateway.config.GatewayConfig;
import kz.shlyuz.gateway.signature.OcspSettings;
import kz.shlyuz.gateway.signature.SignatureVerifier;
import kz.shlyuz.gateway.signature.TrustDirectory;
import kz.shlyuz.gateway.signature.TrustMaterial;
import kz.shlyuz.gateway.signature.TrustSource;
import kz.shlyuz.gateway.signature.VerificationPolicy;
import kz.shlyuz.gateway.signature.VerifiedSigner;
import kz.shlyuz.gateway.status.Refusal;
import org.bouncycastle.asn1.x500.X500Name;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ./shlyuz verify}: what an operator reaches for when a citizen asks why a request was
 * refused. Verifies any CMS (attached, or detached with {@code --data}; DER or base64) against the
 * configured trust or the CA certificates in {@code --trust} folders, judging each certificate at
 * the signature's signing time, and prints every signer: identity, role, algorithm, chain,
 * revocation and time-stamp result, and why a signer is not acceptable.
 *
 * <p>Exit status: 0 only when every signature holds and every signer is acceptable as a signer
 * (a signing certificate of a known holder role whose IIN/BIN pass the check digit); 1 when any
 * does not; 2 when the file cannot be read as a CMS at all, or there is no usable trust.
 */
@Command(
        name = "verify",
        mixinStandardHelpOptions = true,
        description = "Verify a CMS signature (attached or detached, DER or base64) and explain every signer.")
final class VerifyCommand implements Callable<Integer> {
    static final int OK = 0;
    static final int NOT_ACCEPTABLE = 1;
    static final int UNREADABLE = 2;
    private static final long MAX_FILE_BYTES = 64L << 20;

    @Parameters(index = "0", paramLabel = "FILE", description = "The CMS SignedData: DER, base64 or PEM.")
    Path file;

    @Option(names = "--data", paramLabel = "FILE", description = "The signed content, for a detached signature.")
    Path data;

    @Option(
            names = "--trust",
            paramLabel = "DIR",
            description = "Folder of CA certificates (.crt .cer .pem .der) and CRLs (.crl); repeatable. "
                    + "Default: the configuration's trust (dev PKI under --data-dir, and trust.dirs).")
    List<Path> trust;

    @Option(names = "--config", description = "Gateway configuration whose trust to use (default: the shipped one).")
    Path config;

    @Option(
            names = "--data-dir",
            defaultValue = "data",
            description = "Data directory holding pki/ (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(
            names = "--revocation",
            defaultValue = "require",
            paramLabel = "require|soft-fail",
            description = "When no CRL answers for a signer: refuse (require, the default) or report it and go on.")
    String revocation;

    @Option(
            names = "--ocsp",
            defaultValue = "aia",
            paramLabel = "aia|off|URL",
            description = "OCSP before the CRLs: the responder in each certificate's AIA (aia, the default), "
                    + "none (off), or this responder URL.")
    String ocsp;

    @Option(
            names = "--allow-test-numbers",
            description = "Accept IINs/BINs that fail the check digit (the national CA's test certificates).")
    boolean allowTestNumbers;

    @Option(names = "--show-iin", description = "Print IINs in full (default: masked after the date of birth).")
    boolean showIin;

    private final PrintStream out;

    VerifyCommand() {
        this(System.out);
    }

    VerifyCommand(PrintStream out) {
        this.out = out;
    }

    @Override
    public Integer call() throws IOException {
        if (!revocation.equals("require") && !revocation.equals("soft-fail")) {
            out.println("--revocation: " + revocation + " (expected: require or soft-fail)");
            return UNREADABLE;
        }
        byte[] signature = read(file);
        byte[] content = data == null ? null : read(data);
        Clock clock = Clock.systemUTC();
        OcspSettings ocspSettings;
        if (ocsp.equals("off")) {
            ocspSettings = OcspSettings.off();
        } else if (ocsp.equals("aia")) {
            ocspSettings = OcspSettings.defaults();
        } else if (ocsp.startsWith("http://") || ocsp.startsWith("https://")) {
            ocspSettings = OcspSettings.defaults().withResponder(java.net.URI.create(ocsp));
        } else {
            out.println("--ocsp: " + ocsp + " (expected: aia, off or an http(s) URL)");
            return UNREADABLE;
        }
        VerificationPolicy policy = new VerificationPolicy(
                null,
                revocation.equals("soft-fail")
                        ? VerificationPolicy.RevocationMode.SOFT_FAIL
                        : VerificationPolicy.RevocationMode.REQUIRE,
                ocspSettings);
        TrustSource trustSource;
        try {
            trustSource = trustSource(clock);
        } catch (IllegalArgumentException | IllegalStateException e) {
            out.println("No usable trust: " + e.getMessage());
            return UNREADABLE;
        }
        SignatureVerifier verifier = new SignatureVerifier(trustSource, clock, policy);

        List<SignatureVerifier.SignerOutcome> outcomes;
        try {
            outcomes = verifier.inspect(content, signature);
        } catch (Refusal refusal) {
            out.println("Not a verifiable CMS: " + refusal.reason() + " — " + refusal.detail());
            out.println("  " + refusal.reason().russian(refusal.detail()));
            return UNREADABLE;
        }
        out.println("CMS " + file + ": " + (content == null ? "attached content" : "detached over " + data) + ", "
                + outcomes.size() + " signer(s); certificates judged at each signature's signing time");
        boolean allGood = true;
        for (SignatureVerifier.SignerOutcome outcome : outcomes) {
            allGood &= describe(outcome);
        }
        out.println(
                allGood
                        ? "Result: every signature holds and every signer is acceptable (exit 0)"
                        : "Result: NOT acceptable (exit 1)");
        return allGood ? OK : NOT_ACCEPTABLE;
    }

    private boolean describe(SignatureVerifier.SignerOutcome outcome) {
        if (outcome.refusal() != null) {
            Refusal refusal = outcome.refusal();
            out.println("Signer " + outcome.index() + ": REFUSED " + refusal.reason() + " — " + refusal.detail());
            out.println("  ru: " + refusal.reason().russian(refusal.detail()));
            out.println("  kk: " + refusal.reason().kazakh(refusal.detail()));
            if (outcome.holder() != null) {
                identity(outcome.holder());
            }
            return false;
        }
        VerifiedSigner signer = outcome.signer();
        List<String> problems = acceptability(signer.holder());
        out.println("Signer " + outcome.index() + ": signature VALID, signer "
                + (problems.isEmpty() ? "acceptable" : "NOT acceptable: " + String.join("; ", problems)));
        identity(signer.holder());
        out.println("  algorithm    " + signer.algorithm());
        out.println("  signed at    " + signer.signingTime() + " (signing-time attribute)");
        out.println("  chain");
        List<X509Certificate> chain = signer.chain();
        for (int i = 0; i < chain.size(); i++) {
            X509Certificate c = chain.get(i);
            String what = i == 0 ? "signer" : i == chain.size() - 1 ? "trust anchor" : "intermediate";
            // The signer's subject holds the IIN: name it by CN and serial number instead.
            String name = i == 0
                    ? "CN=" + signer.holder().commonName() + ", serial "
                            + c.getSerialNumber().toString(16)
                    : X500Name.getInstance(c.getSubjectX500Principal().getEncoded())
                            .toString();
            out.println("    " + what + ": " + name + " (valid "
                    + c.getNotBefore().toInstant() + " … " + c.getNotAfter().toInstant() + ")");
        }
        out.println("  revocation   " + signer.revocation());
        out.println("  time-stamp   "
                + (signer.timeStamp().isEmpty()
                        ? "none (no signatureTimeStampToken; the signing-time attribute is the signer's claim)"
                        : signer.timeStamp() + " — certificate judged at this time"));
        return problems.isEmpty();
    }

    private void identity(CertificateHolder holder) {
        out.println("  holder       " + holder.commonName() + ", role " + holder.role()
                + (holder.signingCertificate() ? ", signing certificate" : "")
                + (holder.authenticationCertificate() ? ", authentication certificate" : ""));
        if (holder.iin() != null) {
            out.println("  IIN          " + (showIin ? holder.iin() : Iin.mask(holder.iin())));
        }
        if (holder.organisation() != null || holder.bin() != null) {
            out.println("  organisation " + holder.organisation() + ", BIN " + holder.bin());
        }
    }

    /** Why a signer whose signature holds is still not acceptable; empty when acceptable. */
    private List<String> acceptability(CertificateHolder holder) {
        List<String> problems = new ArrayList<>();
        if (holder.role() == HolderRole.UNKNOWN) {
            problems.add("the certificate names no national-CA holder role");
        }
        if (!allowTestNumbers) {
            if (holder.iin() != null && !CheckDigit.holds(holder.iin())) {
                problems.add("IIN fails the check digit (national CA test material? use --allow-test-numbers)");
            }
            if (holder.bin() != null && !CheckDigit.holds(holder.bin())) {
                problems.add("BIN fails the check digit (national CA test material? use --allow-test-numbers)");
            }
        }
        return problems;
    }

    private TrustSource trustSource(Clock clock) {
        if (trust != null && !trust.isEmpty()) {
            return new TrustDirectory(trust, List.of(), clock, Duration.ZERO);
        }
        GatewayConfig cfg = config == null ? ConfigLoader.defaults(dataDir) : ConfigLoader.load(config, dataDir);
        List<TrustMaterial> fixed = new ArrayList<>();
        Path pkiDir = dataDir.resolve("pki");
        if (cfg.signerRules().devPkiTrust() && Files.isRegularFile(pkiDir.resolve("index.json"))) {
            DevPki pki = DevPki.load(pkiDir);
            fixed.add(new TrustMaterial(pki.signingTrustAnchors(), pki.signingIntermediates(), pki.crls()));
        }
        if (cfg.signerRules().trustDirs().isEmpty()) {
            if (fixed.isEmpty()) {
                throw new IllegalArgumentException("no trust: pass --trust DIR, or run './shlyuz serve' once to create "
                        + pkiDir + ", or configure trust.dirs");
            }
            return fixed.get(0);
        }
        return new TrustDirectory(cfg.signerRules().trustDirs(), fixed, clock, Duration.ZERO);
    }

    private static byte[] read(Path path) throws IOException {
        if (Files.size(path) > MAX_FILE_BYTES) {
            throw new IOException(path + ": larger than " + MAX_FILE_BYTES + " bytes");
        }
        return Files.readAllBytes(path);
    }
}
