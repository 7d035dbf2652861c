package kz.shlyuz.gateway.process;

import com.google.protobuf.ByteString;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import kz.shlyuz.gateway.journal.JournalException;
import kz.shlyuz.gateway.services.Services;
import kz.shlyuz.gateway.services.StepSpec;
import kz.shlyuz.proto.v1.SignedRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What the CALL rows of the outbox ask their agencies, rebuilt from the stored case. */
final class StepOrders {
    private static final Logger log = LoggerFactory.getLogger(StepOrders.class);

    private final DataSource db;
    private final CaseTransitions transitions;
    private final Services services;

    StepOrders(DataSource db, Services services, CaseTransitions transitions) {
        this.db = db;
        this.services = services;
        this.transitions = transitions;
    }

    ProcessEngine.CallOrder order(OutboxItem item) {
        return Sql.transaction(db, tx -> order(tx, item));
    }

    /**
     * The orders of the CALL rows among {@code items} (by row id), read on one connection with one
     * statement: a leased batch costs one round of reads rather than a transaction per row. A row
     * whose case cannot be read is left out (it is retried when its lease runs out).
     */
    Map<Long, ProcessEngine.CallOrder> orders(List<OutboxItem> items) {
        Map<Long, ProcessEngine.CallOrder> orders = new HashMap<>();
        if (items.stream().noneMatch(i -> i.kind() == OutboxKind.CALL)) {
            return orders;
        }
        try (Connection c = db.getConnection()) {
            Tx tx = new Tx(c);
            try {
                for (OutboxItem item : items) {
                    if (item.kind() == OutboxKind.CALL) {
                        try {
                            orders.put(item.id(), order(tx, item));
                        } catch (RuntimeException e) {
                            log.error(
                                    "outbox row {}: the order of case {} step {} cannot be built",
                                    item.id(),
                                    item.caseId(),
                                    item.stepName(),
                                    e);
                        }
                    }
                }
            } finally {
                tx.close();
            }
        } catch (SQLException e) {
            throw new JournalException("outbox orders", e);
        }
        return orders;
    }

    private ProcessEngine.CallOrder order(Tx tx, OutboxItem item) throws SQLException {
        CaseRecord row = CaseRecord.load(tx, item.caseId(), false);
        StepSpec spec = transitions.step(row, item.stepName());
        com.google.protobuf.Message body = spec.body().apply(row.facts(services));
        if (body instanceof kz.shlyuz.proto.v1.ObjectionReview review) {
            body = Hearings.complete(tx, row, review); // 001 §11 ¶5: with the objection as stored
        }
        return new ProcessEngine.CallOrder(
                spec.adapter(),
                spec.operation(),
                row.serviceId,
                row.sender,
                body,
                SignedRequest.newBuilder()
                        .setContent(ByteString.copyFrom(row.content))
                        .setSignature(ByteString.copyFrom(row.signature))
                        .build());
    }
}
