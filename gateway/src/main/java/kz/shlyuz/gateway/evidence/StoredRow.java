package kz.shlyuz.gateway.evidence;

import com.google.protobuf.ByteString;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A record with its stored bodies (encrypted when the record names a key), as in the database
 * and in archive files. Rows are read in pages by sequence number, so that walking a chain of
 * any length holds one page at a time.
 */
public record StoredRow(
        EvidenceRecord record,
        ByteString requestContent,
        ByteString requestCms,
        ByteString answer,
        ByteString revocation) {

    static final int PAGE = 500;

    /** Calls {@code each} for the rows of {@code nodeId} with seq in (after, upTo], in order. */
    static void stream(Connection c, String nodeId, long after, long upTo, Consumer<StoredRow> each)
            throws SQLException {
        long from = after;
        while (true) {
            List<StoredRow> page = new ArrayList<>(PAGE);
            try (PreparedStatement s = c.prepareStatement("SELECT " + EvidenceRecord.COLUMNS
                    + ", request_content, request_cms, answer, revocation FROM evidence_record "
                    + "WHERE node_id = ? AND seq > ? AND seq <= ? ORDER BY node_id, seq LIMIT " + PAGE)) {
                s.setString(1, nodeId);
                s.setLong(2, from);
                s.setLong(3, upTo);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        page.add(new StoredRow(
                                EvidenceRecord.read(rs),
                                Blobs.wrap(rs.getBytes("request_content")),
                                Blobs.wrap(rs.getBytes("request_cms")),
                                Blobs.wrap(rs.getBytes("answer")),
                                Blobs.wrap(rs.getBytes("revocation"))));
                    }
                }
            }
            for (StoredRow row : page) {
                each.accept(row);
            }
            if (page.size() < PAGE) {
                return;
            }
            from = page.get(page.size() - 1).record().seq();
        }
    }

    /** One row of an archive file's {@code records} entry. */
    void write(DataOutputStream out) throws IOException {
        EvidenceRecord r = record;
        out.writeByte(1);
        out.writeLong(r.seq());
        for (String v : new String[] {
            r.nodeId(),
            r.kind(),
            r.mode(),
            r.sender(),
            r.messageId(),
            r.serviceId(),
            r.caseId(),
            r.outcome(),
            r.reason(),
            r.decision(),
            r.receivedAt().toString(),
            r.finishedAt().toString(),
            r.retainUntil().toString(),
            r.requestSha256(),
            r.requestCmsSha256(),
            r.answerSha256(),
            r.revocationSha256(),
            r.keyId(),
            r.prevDigest(),
            r.digest()
        }) {
            writeString(out, v);
        }
        out.writeLong(r.verifyMicros());
        out.writeLong(r.agencyMicros());
        out.writeLong(r.totalMicros());
        writeBytes(out, Blobs.array(requestContent));
        writeBytes(out, Blobs.array(requestCms));
        writeBytes(out, Blobs.array(answer));
        writeBytes(out, Blobs.array(revocation));
    }

    /** The next row of an archive's {@code records} entry, or null at its end. */
    static StoredRow read(DataInputStream in) throws IOException {
        int marker;
        try {
            marker = in.readByte();
        } catch (EOFException e) {
            return null;
        }
        if (marker == 0) {
            return null;
        }
        long seq = in.readLong();
        String[] v = new String[20];
        for (int i = 0; i < v.length; i++) {
            v[i] = readString(in);
        }
        long verify = in.readLong();
        long agency = in.readLong();
        long total = in.readLong();
        EvidenceRecord r = new EvidenceRecord(
                v[0],
                seq,
                v[1],
                v[2],
                v[3],
                v[4],
                v[5],
                v[6],
                v[7],
                v[8],
                v[9],
                Instant.parse(v[10]),
                Instant.parse(v[11]),
                verify,
                agency,
                total,
                Instant.parse(v[12]),
                v[13],
                v[14],
                v[15],
                v[16],
                v[17],
                v[18],
                v[19]);
        return new StoredRow(
                r,
                Blobs.wrap(readBytes(in)),
                Blobs.wrap(readBytes(in)),
                Blobs.wrap(readBytes(in)),
                Blobs.wrap(readBytes(in)));
    }

    static void writeString(DataOutputStream out, String s) throws IOException {
        out.writeBoolean(s != null);
        if (s != null) {
            out.writeUTF(s);
        }
    }

    static String readString(DataInputStream in) throws IOException {
        return in.readBoolean() ? in.readUTF() : null;
    }

    static void writeBytes(DataOutputStream out, byte[] b) throws IOException {
        out.writeInt(b == null ? -1 : b.length);
        if (b != null) {
            out.write(b);
        }
    }

    static byte[] readBytes(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < -1 || n > (64 << 20)) {
            throw new IOException("bad length " + n);
        }
        return n < 0 ? null : in.readNBytes(n);
    }
}
