package kz.shlyuz.gateway.admission;

import java.util.List;
import java.util.TreeSet;
import kz.shlyuz.certs.identity.Iin;
import kz.shlyuz.gateway.config.SenderPolicy;
import kz.shlyuz.gateway.config.SignerRules;
import kz.shlyuz.gateway.services.Applicants;
import kz.shlyuz.gateway.signature.VerifiedSigner;
import kz.shlyuz.gateway.status.Reason;
import kz.shlyuz.gateway.status.Refusal;

/**
 * Whether the signers of a request are its applicants, in a holder role the service allows: every
 * applicant must have signed in a holder role allowed for the service, or an operator of an
 * organisation entitled for this sender (e.g. the State Corporation for {@code hkko}) must have
 * signed for them in an allowed operator role. Refusals say which of these failed.
 */
final class ApplicantSignatures {
    private ApplicantSignatures() {}

    static void require(
            SignerRules.Roles roles,
            Applicants applicants,
            List<VerifiedSigner> signers,
            SenderPolicy policy,
            String sender,
            String serviceId) {
        List<VerifiedSigner> operators =
                signers.stream().filter(s -> isEntitledOperator(s, policy)).toList();
        if (!operators.isEmpty()) {
            for (VerifiedSigner operator : operators) {
                if (!roles.operator().contains(operator.holder().role())) {
                    throw new Refusal(
                            Reason.SIGNER_ROLE_NOT_ALLOWED,
                            "operator role " + operator.holder().role() + " may not sign " + serviceId + " (allowed: "
                                    + roles.operator() + ")");
                }
            }
            return;
        }
        for (String iin : applicants.iins()) {
            List<VerifiedSigner> own =
                    signers.stream().filter(s -> iin.equals(s.holder().iin())).toList();
            if (own.isEmpty()) {
                throw notSigned(signers, policy, sender, "applicant " + Iin.mask(iin) + " has not signed");
            }
            if (own.stream()
                    .noneMatch(
                            s -> roles.individualApplicant().contains(s.holder().role()))) {
                throw new Refusal(
                        Reason.SIGNER_ROLE_NOT_ALLOWED,
                        "applicant " + Iin.mask(iin) + " signed as "
                                + own.get(0).holder().role() + ", " + serviceId + " needs "
                                + roles.individualApplicant());
            }
        }
        if (applicants.bin() != null) {
            List<VerifiedSigner> own = signers.stream()
                    .filter(s -> applicants.bin().equals(s.holder().bin())
                            && s.holder().legalEntity())
                    .toList();
            if (own.isEmpty()) {
                throw notSigned(signers, policy, sender, "no employee of BIN " + applicants.bin() + " has signed");
            }
            if (own.stream()
                    .noneMatch(s ->
                            roles.legalEntityApplicant().contains(s.holder().role()))) {
                throw new Refusal(
                        Reason.SIGNER_ROLE_NOT_ALLOWED,
                        "BIN " + applicants.bin() + " signed by "
                                + own.get(0).holder().role() + ", " + serviceId + " needs "
                                + roles.legalEntityApplicant());
            }
        }
    }

    /**
     * Through an operator channel (a sender with operator BINs), a legal-entity signer who is not
     * the applicant is an operator of the wrong organisation: say so. Elsewhere, the applicant
     * simply has not signed.
     */
    private static Refusal notSigned(List<VerifiedSigner> signers, SenderPolicy policy, String sender, String detail) {
        if (!policy.operatorBins().isEmpty()) {
            for (VerifiedSigner signer : signers) {
                if (signer.holder().legalEntity() && signer.holder().bin() != null) {
                    return new Refusal(
                            Reason.OPERATOR_NOT_ENTITLED,
                            "BIN " + signer.holder().bin()
                                    + " may not sign for applicants through " + sender + " (entitled: "
                                    + String.join(", ", new TreeSet<>(policy.operatorBins())) + ")");
                }
            }
        }
        return new Refusal(Reason.SIGNER_MISMATCH, detail);
    }

    private static boolean isEntitledOperator(VerifiedSigner signer, SenderPolicy policy) {
        String bin = signer.holder().bin();
        return bin != null
                && policy.operatorBins().contains(bin)
                && signer.holder().legalEntity();
    }
}
