package kz.shlyuz.gateway.admission;

import com.google.protobuf.Message;

/** One operation to ask of one agency adapter. */
public record AgencyCall(String adapter, String operation, Message body) {}
