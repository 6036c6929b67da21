package io.qinglang.platform.cases.application;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What a reporter sees of their case: its state, deadlines and the reporter-visible timeline. */
public record CaseTracking(String reference, String status, Instant receivedAt, Instant acknowledgeBy,
                           boolean calendarIncomplete, List<Entry> timeline) {

    /** One reporter-visible timeline entry with the files attached to it. */
    public record Entry(String type, Instant at, String by, String message, List<File> files) {
    }

    /** An evidence file's description (never its bytes). */
    public record File(UUID id, String name, String contentType, long size, String sha256) {
    }
}
