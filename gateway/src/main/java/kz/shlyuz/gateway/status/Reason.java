package kz.shlyuz.gateway.status;

import io.grpc.Status;

/**
 * Every reason the gateway refuses a call: the gRPC code it is sent with, the nearest ШЭП error
 * code (SCE…) for engineers who know ШЭП, and what a person should do, in Kazakh and Russian.
 * Messages may contain one {@code %s}, filled with a detail that carries no personal data. They
 * are in {@code reasons.properties} beside this class ({@code NAME.kk}, {@code NAME.ru}), so that a
 * reviewer of the texts reads and edits them in one place without touching code.
 */
public enum Reason {
    MESSAGE_MALFORMED(Status.Code.INVALID_ARGUMENT, "SCE001"),
    REQUEST_TOO_LARGE(Status.Code.RESOURCE_EXHAUSTED, "SCE001"),
    SENDER_NOT_ALLOWED(Status.Code.PERMISSION_DENIED, "SCE003"),
    SENDER_MISMATCH(Status.Code.UNAUTHENTICATED, "SCE003"),
    SERVICE_UNKNOWN(Status.Code.INVALID_ARGUMENT, "SCE004"),
    SERVICE_NOT_ALLOWED(Status.Code.PERMISSION_DENIED, "SCE003"),
    SERVICE_IS_ASYNCHRONOUS(Status.Code.FAILED_PRECONDITION, "SCE004"),
    BODY_INVALID(Status.Code.INVALID_ARGUMENT, "SCE001"),
    IIN_INVALID(Status.Code.INVALID_ARGUMENT, "SCE001"),
    BIN_INVALID(Status.Code.INVALID_ARGUMENT, "SCE001"),
    MESSAGE_STALE(Status.Code.INVALID_ARGUMENT, "SCE015"),
    REPLAY_MISMATCH(Status.Code.ALREADY_EXISTS, "SCE001"),
    REQUEST_IN_PROGRESS(Status.Code.ABORTED, "SCE001"),
    SIGNATURE_MISSING(Status.Code.UNAUTHENTICATED, "SCE017"),
    SIGNATURE_MALFORMED(Status.Code.UNAUTHENTICATED, "SCE016"),
    SIGNATURE_INVALID(Status.Code.UNAUTHENTICATED, "SCE016"),
    SIGNED_ATTRIBUTES_MISSING(Status.Code.UNAUTHENTICATED, "SCE016"),
    ALGORITHM_UNSUPPORTED(Status.Code.UNAUTHENTICATED, "SCE016"),
    SIGNER_CERT_MISSING(Status.Code.UNAUTHENTICATED, "SCE016"),
    CERT_UNTRUSTED(Status.Code.UNAUTHENTICATED, "SCE016"),
    CERT_REVOKED(Status.Code.UNAUTHENTICATED, "SCE016"),
    CERT_EXPIRED(Status.Code.UNAUTHENTICATED, "SCE015"),
    CERT_NOT_FOR_SIGNING(Status.Code.UNAUTHENTICATED, "SCE016"),
    REVOCATION_UNKNOWN(Status.Code.UNAVAILABLE, "SCE016"),
    SIGNER_MISMATCH(Status.Code.PERMISSION_DENIED, "SCE016"),
    SUBJECT_NOT_FOUND(Status.Code.NOT_FOUND, "SCE004"),
    AGENCY_UNAVAILABLE(Status.Code.UNAVAILABLE, "SCE909"),
    AGENCY_TIMEOUT(Status.Code.DEADLINE_EXCEEDED, "SCE909"),
    AGENCY_SIGNATURE_INVALID(Status.Code.UNAVAILABLE, "SCE909"),
    AGENCY_REFUSED(Status.Code.FAILED_PRECONDITION, "SCE909"),
    // --- Residence registration and deregistration, 004 annexes 3 and 4 (issue 11, res11) -------
    RESIDENCE_OWNER_CONSENT_MISSING(Status.Code.FAILED_PRECONDITION, "SCE016"),
    RESIDENCE_SMS_CONSENT_INVALID(Status.Code.FAILED_PRECONDITION, "SCE016"),
    RESIDENCE_OTP_REUSED(Status.Code.ALREADY_EXISTS, "SCE016"),
    RESIDENCE_STATE_CORPORATION_ONLY(Status.Code.FAILED_PRECONDITION, "SCE004"),
    DEREGISTRATION_OWNER_APPLICATION_ONLY(Status.Code.FAILED_PRECONDITION, "SCE004"),
    DEREGISTRATION_COURT_DECISION_MISSING(Status.Code.FAILED_PRECONDITION, "SCE001"),
    // Asynchronous services, cabinet and completion notices (issue 3).
    SERVICE_IS_SYNCHRONOUS(Status.Code.FAILED_PRECONDITION, "SCE004"),
    CASE_NOT_FOUND(Status.Code.NOT_FOUND, "SCE004"),
    OBJECTION_NOT_EXPECTED(Status.Code.FAILED_PRECONDITION, "SCE004"),
    // --- 001 consular permanent stay: the right to be heard and annex 3 line 9 (issue 11) ----------
    DRAFT_DELIVERY_NOT_EXPECTED(Status.Code.FAILED_PRECONDITION, "SCE004"),
    PERSONAL_DATA_CONSENT_MISSING(Status.Code.FAILED_PRECONDITION, "SCE004"),
    APPLICANT_DATA_UNRELIABLE(Status.Code.FAILED_PRECONDITION, "SCE004"),
    REQUIREMENTS_NOT_MET(Status.Code.FAILED_PRECONDITION, "SCE004"),
    PORTAL_REASON_NOT_ACCEPTED(Status.Code.FAILED_PRECONDITION, "SCE004"),
    CABINET_NOT_ALLOWED(Status.Code.PERMISSION_DENIED, "SCE003"),
    CURSOR_INVALID(Status.Code.INVALID_ARGUMENT, "SCE001"),
    NOTICE_NOT_FOUND(Status.Code.NOT_FOUND, "SCE004"),
    // --- National-CA signatures: holder roles and operators (issue 4) ---------------------------
    SIGNER_ROLE_NOT_ALLOWED(Status.Code.PERMISSION_DENIED, "SCE016"),
    OPERATOR_NOT_ENTITLED(Status.Code.PERMISSION_DENIED, "SCE016"),
    TIMESTAMP_INVALID(Status.Code.UNAUTHENTICATED, "SCE016"),
    ANSWER_FORM_NOT_ALLOWED(Status.Code.PERMISSION_DENIED, "SCE003"),
    INTERNAL_ERROR(Status.Code.INTERNAL, "SCE909"),
    // --- The edge: identity, limits, stalled and overlong calls (issue 9) -------------------------
    SENDER_CERT_INVALID(Status.Code.UNAUTHENTICATED, "SCE003"),
    RATE_LIMITED(Status.Code.RESOURCE_EXHAUSTED, "SCE020"),
    QUOTA_EXCEEDED(Status.Code.RESOURCE_EXHAUSTED, "SCE021"),
    REQUEST_INCOMPLETE(Status.Code.DEADLINE_EXCEEDED, "SCE001"),
    CALL_TOO_LONG(Status.Code.DEADLINE_EXCEEDED, "SCE909"),
    CONNECTION_LIMITED(Status.Code.RESOURCE_EXHAUSTED, "SCE022"),
    // --- Exit for permanent residence, 002 §4 (issue 11, exit11) ----------------------------------
    APPLICANT_UNDER_AGE(Status.Code.FAILED_PRECONDITION, "SCE001"),
    CHILD_CONSENT_MISSING(Status.Code.FAILED_PRECONDITION, "SCE001"),
    CHILD_OPINION_MISSING(Status.Code.FAILED_PRECONDITION, "SCE001"),
    // --- Evidence archive (issue 13) ---------------------------------------------------------------
    TIMESTAMP_UNAVAILABLE(Status.Code.UNAVAILABLE, "SCE909"),
    // --- Operations (issue 12) ---------------------------------------------------------------------
    MAINTENANCE(Status.Code.UNAVAILABLE, "SCE909"),
    // --- Labour-migrant permit, the request's own sense (issue 11, seed 003) -----------------------
    LABOUR_PERMIT_MONTHS_INVALID(Status.Code.INVALID_ARGUMENT, "SCE001"),
    LABOUR_PERMIT_NUMBER_MISSING(Status.Code.INVALID_ARGUMENT, "SCE001"),
    LABOUR_PERMIT_EMPLOYER_MISSING(Status.Code.INVALID_ARGUMENT, "SCE001"),
    LABOUR_PERMIT_CONSENT_MISSING(Status.Code.FAILED_PRECONDITION, "SCE004");

    private final Status.Code code;
    private final String shepCode;
    private final String kazakh;
    private final String russian;

    Reason(Status.Code code, String shepCode) {
        this.code = code;
        this.shepCode = shepCode;
        this.kazakh = ReasonTexts.text(name(), "kk");
        this.russian = ReasonTexts.text(name(), "ru");
    }

    public Status.Code code() {
        return code;
    }

    /** The nearest ШЭП error code, sent as ErrorInfo metadata {@code shep_code}. */
    public String shepCode() {
        return shepCode;
    }

    public String kazakh(String detail) {
        return kazakh.contains("%s") ? kazakh.formatted(detail) : kazakh;
    }

    public String russian(String detail) {
        return russian.contains("%s") ? russian.formatted(detail) : russian;
    }
}
