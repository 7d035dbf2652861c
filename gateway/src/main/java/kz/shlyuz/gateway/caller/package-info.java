/**
 * Who is calling: the sending system's id as the server bootstrap found it in the verified TLS
 * client certificate, passed on to every service in the gRPC {@link io.grpc.Context}. It depends
 * on no other capability, so the services that read it (cabinet, notices, the gateway service)
 * and the interceptor that sets it ({@code server.SenderInterceptor}) need not know each other.
 */
package kz.shlyuz.gateway.caller;
