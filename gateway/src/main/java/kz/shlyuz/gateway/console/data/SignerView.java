package kz.shlyuz.gateway.console.data;

import java.time.Instant;
import java.util.List;

/**
 * One signer of a message as the console shows it.
 *
 * @param iin masked unless the viewer may see it in full (and that view was audited)
 * @param chain the subjects from the signer's certificate up to its issuer chain's end
 * @param timeStamp the signature time-stamp's time, or null when the signature carries none
 */
public record SignerView(
        String name,
        String iin,
        String bin,
        String holderRole,
        String serialNumber,
        Instant notAfter,
        List<String> chain,
        Instant timeStamp) {}
