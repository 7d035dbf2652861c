/**
 * The one clock processes run on: the system clock in production, an advanceable one in tests,
 * a scaled one for the development demo (never enabled by a production configuration).
 */
package kz.shlyuz.gateway.clock;
