/**
 * What each of the ten agencies is: its titles, the operations it serves over which registers,
 * and whose keys sign its answers ({@link kz.shlyuz.adapters.agency.AgencyDefinition}), assembled
 * from the fixtures by {@link kz.shlyuz.adapters.agency.AgencyCatalog}.
 */
package kz.shlyuz.adapters.agency;
