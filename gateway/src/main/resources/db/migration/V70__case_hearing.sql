-- Shlyuz, version 70: the right to be heard before a refusal (001 §11), for the consular
-- permanent-stay service. Portable SQL: runs unchanged on H2 and PostgreSQL 15.

-- One row per case that reached a preliminary refusal. The draft refusal's delivery is the
-- consulate's signed report (DraftRefusalDelivery); the objection window runs from delivered_on.
CREATE TABLE case_hearing (
    case_id               VARCHAR(40)              NOT NULL PRIMARY KEY,
    -- When internal affairs' preliminary refusal reached the gateway (the fan-in with grounds).
    grounds_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    -- The consulate's latest time to deliver the draft and the hearing notice: 5 wd from the
    -- grounds, and at least 3 wd before the service's term ends.
    notice_due_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    -- The day the applicant received the draft (ISO date, Astana), as the consulate reported it.
    delivered_on          VARCHAR(10),
    delivery_method       VARCHAR(32),
    delivery_recorded_at  TIMESTAMP WITH TIME ZONE,
    -- 2 wd from delivered_on (also in process_case.objection_due_at, which the engine reads).
    objection_due_at      TIMESTAMP WITH TIME ZONE,
    objected_at           TIMESTAMP WITH TIME ZONE,
    -- The objection's reasons and its materials (document references, one per line), sent to
    -- internal affairs with the re-decision's order.
    objection_reasons     VARCHAR(4000),
    objection_materials   VARCHAR(4000)
);
