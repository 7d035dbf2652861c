/**
 * The gateway's configuration: one immutable {@link kz.shlyuz.gateway.config.GatewayConfig} built
 * at start-up from the shipped defaults or an operator's file. Nothing reads configuration later.
 */
package kz.shlyuz.gateway.config;
