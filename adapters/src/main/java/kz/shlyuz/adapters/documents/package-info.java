/**
 * Identity documents: {@code DOCUMENTS_LOOKUP} at ХҚТ ТП АЖ (the passports and ID cards issued to
 * a person) and {@code DOCUMENT_STATUS} at "АӨО" РМК (where a document in manufacture stands,
 * 004 annex 1).
 */
package kz.shlyuz.adapters.documents;
