package kz.shlyuz.gateway.evidence;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import kz.shlyuz.gateway.seal.AnswerSeals;
import kz.shlyuz.gateway.signature.SignatureVerifier;
import kz.shlyuz.gateway.signature.VerifiedSigner;
import kz.shlyuz.gateway.status.Refusal;
import kz.shlyuz.proto.v1.SignedResponse;

/**
 * {@code evidence verify}: checks an exported container with nothing but trust anchors. The
 * record's content gives its digest, the links lead from it to a time-stamped head, the stamp
 * holds; every signature holds with its certificate judged at its signing time (its time-stamp
 * when it has one); and every signer the gateway checked is shown not revoked at that time by the
 * OCSP response or CRL kept with the record, signed by its CA or the CA's OCSP responder. A
 * revocation after the signing time does not undo a signature.
 *
 * <p>For a refused message, what is proved is the refusal: the record and its stamp must hold;
 * signature problems are reported (they may be why it was refused) but do not fail the check.
 */
public final class ContainerVerifier {
    private final SignatureVerifier verifier;

    /** @param verifier an archive-mode verifier over the trust anchors (no signing-time window, no OCSP) */
    public ContainerVerifier(SignatureVerifier verifier) {
        this.verifier = verifier;
    }

    /** What was found: lines for a person, and whether everything holds. */
    public record Result(boolean holds, List<String> lines) {}

    public Result verify(Path file) throws IOException {
        List<String> lines = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        Map<String, byte[]> entries = read(file, failures);
        byte[] props = entries.get("record.properties");
        if (props == null) {
            failures.add("no record.properties");
            return done(lines, failures);
        }
        Properties p = new Properties();
        p.load(new java.io.InputStreamReader(new ByteArrayInputStream(props), StandardCharsets.UTF_8));
        boolean refused = "REFUSED".equals(p.getProperty("outcome"));
        lines.add("Record " + p.getProperty("node_id") + "#" + p.getProperty("seq") + ": " + p.getProperty("kind") + " "
                + p.getProperty("service_id") + " message " + p.getProperty("message_id") + " from "
                + p.getProperty("sender") + ", " + p.getProperty("outcome")
                + (p.getProperty("reason") == null ? "" : " (" + p.getProperty("reason") + ")") + ", received "
                + p.getProperty("received_at") + ", finished " + p.getProperty("finished_at"));
        checkChain(p, entries, lines, failures);
        checkBodies(p, entries, failures);
        List<RevocationBlob.Entry> revocation = RevocationBlob.decode(entries.get("revocation/revocation.bin"));
        Map<String, byte[]> crls = new HashMap<>();
        entries.forEach((k, v) -> {
            if (k.startsWith("revocation/crl-")) {
                crls.put(Digests.hex(v), v);
            }
        });
        List<String> signing = new ArrayList<>();
        if (entries.containsKey("request/signature.p7s")) {
            byte[] content = entries.get("request/content.bin");
            signers(
                    "request",
                    content == null || content.length == 0 ? null : content,
                    entries.get("request/signature.p7s"),
                    revocation,
                    crls,
                    lines,
                    refused ? signing : failures,
                    false);
        }
        if (entries.containsKey("answer/signature.p7s")) {
            signers(
                    "answer",
                    entries.get("answer/content.bin"),
                    entries.get("answer/signature.p7s"),
                    revocation,
                    crls,
                    lines,
                    refused ? signing : failures,
                    true);
        }
        if (entries.containsKey("answer/seal-signature.p7s")) {
            try {
                AnswerSeals.VerifiedSeal seal =
                        AnswerSeals.verify(SignedResponse.parseFrom(entries.get("answer/answer.pb")), verifier);
                lines.add("answer: batch seal " + seal.manifest().getSealId() + " of "
                        + seal.manifest().getLeafCount()
                        + " answers, signed by " + who(seal.gateway()) + " at " + when(seal.gateway())
                        + "; the answer's Merkle path leads to its root");
            } catch (Refusal r) {
                (refused ? signing : failures).add("answer seal: " + r.reason() + " " + r.detail());
            }
        }
        signing.forEach(s -> lines.add("note (the message was refused): " + s));
        return done(lines, failures);
    }

    private static Result done(List<String> lines, List<String> failures) {
        failures.forEach(f -> lines.add("FAILED: " + f));
        lines.add(
                failures.isEmpty()
                        ? "Result: the evidence holds (exit 0)"
                        : "Result: the evidence does NOT hold (exit 1)");
        return new Result(failures.isEmpty(), lines);
    }

    private static Map<String, byte[]> read(Path file, List<String> failures) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (InputStream in = Files.newInputStream(file);
                ZipInputStream zip = new ZipInputStream(in)) {
            ZipEntry entry;
            boolean first = true;
            while ((entry = zip.getNextEntry()) != null) {
                byte[] data = zip.readNBytes(64 << 20);
                if (first) {
                    if (!entry.getName().equals("mimetype")
                            || entry.getMethod() != ZipEntry.STORED
                            || !EvidenceExporter.MIMETYPE.equals(new String(data, StandardCharsets.US_ASCII))) {
                        failures.add("not an ASiC-E container: the first entry must be mimetype, stored, "
                                + EvidenceExporter.MIMETYPE);
                    }
                    first = false;
                }
                entries.put(entry.getName(), data);
            }
        }
        if (!entries.containsKey("META-INF/manifest.xml")) {
            failures.add("no META-INF/manifest.xml");
        }
        return entries;
    }

    private void checkChain(Properties p, Map<String, byte[]> entries, List<String> lines, List<String> failures) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String name : EvidenceRecord.FIELD_NAMES) {
            fields.put(name, p.getProperty(name));
        }
        String contentHash = HexFormat.of().formatHex(EvidenceRecord.contentHash(fields));
        String prev = p.getProperty("prev_digest");
        String digest = Digests.link(prev, HexFormat.of().parseHex(contentHash));
        if (!digest.equals(p.getProperty("digest"))) {
            failures.add("the record's content does not give its digest (changed)");
        }
        byte[] linksFile = entries.get("chain/links.txt");
        byte[] head = entries.get("chain/head.bin");
        byte[] token = entries.get("chain/stamp.tst");
        if (linksFile == null || head == null || token == null) {
            failures.add("chain links or time-stamp missing");
            return;
        }
        String[] links = new String(linksFile, StandardCharsets.UTF_8).trim().split("\n");
        String running = links[0].startsWith("prev ") ? links[0].substring(5) : null;
        if (!prev.equals(running)) {
            failures.add("chain/links.txt does not start at the record's previous digest");
        }
        long seq = Long.parseLong(p.getProperty("seq"));
        for (int i = 1; i < links.length; i++) {
            String[] l = links[i].split(" ");
            if (Long.parseLong(l[0]) != seq + i - 1) {
                failures.add("chain link " + l[0] + " out of order");
            }
            if (i == 1 && !l[1].equals(contentHash)) {
                failures.add("the first chain link is not this record");
            }
            running = Digests.link(running, HexFormat.of().parseHex(l[1]));
            if (!running.equals(l[2])) {
                failures.add("chain link " + l[0] + " does not follow from the one before");
            }
        }
        if (!running.equals(HexFormat.of().formatHex(head))) {
            failures.add("the chain does not lead to the stamped head");
        }
        try {
            String stamp = verifier.verifyTimeStamp(token, head);
            lines.add("chain: the record is link 1 of " + (links.length - 1) + " up to head " + p.getProperty("node_id")
                    + "#" + (seq + links.length - 2) + ", time-stamped " + stamp);
        } catch (Refusal r) {
            failures.add("the time-stamp over the chain head does not hold: " + r.detail());
        }
    }

    private static void checkBodies(Properties p, Map<String, byte[]> entries, List<String> failures) {
        String[][] parts = {
            {"request/content.bin", "request_sha256"},
            {"request/signature.p7s", "request_cms_sha256"},
            {"answer/answer.pb", "answer_sha256"},
            {"revocation/revocation.bin", "revocation_sha256"}
        };
        for (String[] part : parts) {
            byte[] data = entries.get(part[0]);
            String recorded = p.getProperty(part[1]);
            if (data == null && recorded != null && "FULL".equals(p.getProperty("mode"))) {
                failures.add(part[0] + " is missing");
            } else if (data != null && !Digests.hex(data).equals(recorded)) {
                failures.add(part[0] + " is not what the record holds");
            }
        }
        if (entries.containsKey("answer/content.bin") && entries.containsKey("answer/answer.pb")) {
            try {
                SignedResponse response = SignedResponse.parseFrom(entries.get("answer/answer.pb"));
                if (!java.util.Arrays.equals(response.getContent().toByteArray(), entries.get("answer/content.bin"))) {
                    failures.add("answer/content.bin is not the recorded answer's content");
                }
            } catch (com.google.protobuf.InvalidProtocolBufferException e) {
                failures.add("answer/answer.pb unreadable");
            }
        }
    }

    private void signers(
            String part,
            byte[] content,
            byte[] cms,
            List<RevocationBlob.Entry> revocation,
            Map<String, byte[]> crls,
            List<String> lines,
            List<String> failures,
            boolean gatewayMayBeUnchecked) {
        List<SignatureVerifier.SignerOutcome> outcomes;
        try {
            outcomes = verifier.inspect(content, cms);
        } catch (Refusal r) {
            failures.add(part + ": not a verifiable CMS: " + r.reason() + " " + r.detail());
            return;
        }
        int unchecked = 0;
        for (SignatureVerifier.SignerOutcome o : outcomes) {
            if (o.refusal() != null) {
                failures.add(part + " signer " + o.index() + ": " + o.refusal().reason() + " "
                        + o.refusal().detail());
                continue;
            }
            VerifiedSigner s = o.signer();
            String serial = s.certificate().getSerialNumber().toString(16);
            RevocationBlob.Entry evidence = revocation.stream()
                    .filter(e -> e.part().equals(part) && e.serialHex().equals(serial))
                    .findFirst()
                    .orElse(null);
            String status;
            if (evidence == null || (evidence.ocsp() == null && evidence.crl() == null)) {
                if (gatewayMayBeUnchecked && evidence == null && ++unchecked == 1) {
                    status = "the gateway's own signature (not revocation-checked by the gateway; " + s.revocation()
                            + ")";
                } else {
                    failures.add(part + " signer " + o.index() + " (" + who(s) + "): no revocation evidence kept");
                    continue;
                }
            } else {
                try {
                    status = evidence.ocsp() != null
                            ? RevocationAtSigning.ocsp(evidence.ocsp().toByteArray(), s)
                            : RevocationAtSigning.crl(evidence.crl(), crls, s);
                } catch (IllegalStateException e) {
                    failures.add(part + " signer " + o.index() + " (" + who(s)
                            + "): revocation evidence does not hold: " + e.getMessage());
                    continue;
                }
            }
            lines.add(part + ": signed by " + who(s) + " at " + when(s) + " with " + s.algorithm() + "; " + status);
        }
    }

    private static String who(VerifiedSigner s) {
        return s.holder().commonName() + " — " + s.describe();
    }

    private static String when(VerifiedSigner s) {
        return s.timeStamp().isEmpty()
                ? s.signingTime() + " (signing-time)"
                : s.signingTime() + " (time-stamp " + s.timeStamp() + ")";
    }
}
