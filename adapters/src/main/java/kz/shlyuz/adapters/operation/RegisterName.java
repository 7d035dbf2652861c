package kz.shlyuz.adapters.operation;

import java.util.Objects;

/**
 * How a register is called in refusals, e.g. {@code ЖТ МДБ} / {@code ГБД ФЛ}.
 *
 * @param agency the adapter's short name, e.g. gbd-fl
 */
public record RegisterName(String agency, String kk, String ru) {

    public RegisterName {
        Objects.requireNonNull(agency, "agency");
        Objects.requireNonNull(kk, "kk");
        Objects.requireNonNull(ru, "ru");
    }

    /** The register has no record for a person identified by IIN. */
    public RefusalException noSuchPerson() {
        return Refusals.subjectNotFound(agency, kk, ru, "көрсетілген ЖСН", "указанному ИИН")
                .exception();
    }

    /** The register has no record for a legal entity identified by BIN. */
    public RefusalException noSuchEntity() {
        return Refusals.subjectNotFound(agency, kk, ru, "көрсетілген БСН", "указанному БИН")
                .exception();
    }

    /** The register has no record of a document with this number. */
    public RefusalException noSuchDocument() {
        return Refusals.subjectNotFound(agency, kk, ru, "көрсетілген құжат нөмірі", "указанному номеру документа")
                .exception();
    }
}
