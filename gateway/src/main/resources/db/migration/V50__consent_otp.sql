-- Issue 11 (004 annex 3 §5): an owner's consent given by SMS one-time password serves one
-- residence registration. The portal's id of the OTP exchange is recorded with the case it
-- opened, in the same transaction as the case; a second case with the same id is refused
-- (RESIDENCE_OTP_REUSED). A retry of the same message never gets here: its claim answers first.
CREATE TABLE consent_otp (
    otp_transaction_id VARCHAR(128)             NOT NULL PRIMARY KEY,
    case_id            VARCHAR(64)              NOT NULL,
    used_at            TIMESTAMP WITH TIME ZONE NOT NULL
);
