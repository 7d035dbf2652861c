package kz.shlyuz.gateway.console.data;

import java.time.Instant;

/** Completion notices a sender has not acknowledged yet: how many, and the oldest one's time. */
public record PendingNotices(String sender, long count, Instant oldest) {}
