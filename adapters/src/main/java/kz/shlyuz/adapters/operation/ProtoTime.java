package kz.shlyuz.adapters.operation;

import com.google.protobuf.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import kz.shlyuz.proto.v1.Date;

/** Dates and instants in their {@code shlyuz.v1.Date} and {@code google.protobuf.Timestamp} forms. */
public final class ProtoTime {

    private ProtoTime() {}

    public static Timestamp timestamp(Instant instant) {
        return Timestamp.newBuilder()
                .setSeconds(instant.getEpochSecond())
                .setNanos(instant.getNano())
                .build();
    }

    public static Date date(LocalDate date) {
        return Date.newBuilder()
                .setYear(date.getYear())
                .setMonth(date.getMonthValue())
                .setDay(date.getDayOfMonth())
                .build();
    }
}
