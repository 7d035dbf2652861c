package kz.shlyuz.gateway.registers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The CSV cells of a register export: RFC 4180 quoting, and no cell a spreadsheet would run as a formula. */
class CsvCellsTest {
    @Test
    void quotesCellsWithCommasQuotesAndLineBreaks() {
        assertEquals("plain", RegisterExport.quoted("plain"));
        assertEquals("\"Фамилия, имя\"", RegisterExport.quoted("Фамилия, имя"));
        assertEquals("\"ООО \"\"Ромашка\"\"\"", RegisterExport.quoted("ООО \"Ромашка\""));
        assertEquals("\"a\nb\"", RegisterExport.quoted("a\nb"));
    }

    @Test
    void keepsFormulaLikeCellsFromBeingEvaluated() {
        assertEquals("'=HYPERLINK(1)", RegisterExport.quoted("=HYPERLINK(1)"));
        assertEquals("'+77011234567", RegisterExport.quoted("+77011234567"));
        assertEquals("'@SUM(A1)", RegisterExport.quoted("@SUM(A1)"));
    }

    @Test
    void notesTheOutcomeNationalSecuritysSilenceAndTheDestructionAct() {
        assertEquals(
                "бас тартылды / отказано (TAX_DEBT); ҰҚК мерзімінде жауап бермеді (Нұсқаулықтың 12-т.) / КНБ не ответил в срок"
                        + " (п. 12 Инструкции);"
                        + " іс жойылды, акт ACT-2031-000001 / дело уничтожено, акт ACT-2031-000001",
                RegisterExport.exitNote("NO_ANSWER", "REFUSED", "TAX_DEBT", "ACT-2031-000001"));
    }
}
