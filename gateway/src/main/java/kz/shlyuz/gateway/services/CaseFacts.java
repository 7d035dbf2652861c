package kz.shlyuz.gateway.services;

import com.google.protobuf.Message;

/**
 * What steps build their agency orders from.
 *
 * @param body the service's typed request body as submitted
 * @param citizenIin the applicant whose cabinet shows the case
 * @param relatedIin a second person (dwelling owner, employer), or null
 */
public record CaseFacts(
        String caseId, String serviceId, String sender, Message body, String citizenIin, String relatedIin) {}
