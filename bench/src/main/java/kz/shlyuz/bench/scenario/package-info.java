/**
 * Scenarios: which requests each column sends. A scenario names its columns by role (direct,
 * proxy, Shlyuz) so the ratios c/a and c/b are computed the same way for every scenario.
 */
package kz.shlyuz.bench.scenario;
