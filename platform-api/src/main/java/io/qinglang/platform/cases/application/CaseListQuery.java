package io.qinglang.platform.cases.application;

import io.qinglang.platform.cases.domain.CaseFilter;
import io.qinglang.platform.cases.domain.CasePage;
import io.qinglang.platform.cases.domain.CaseStatus;
import io.qinglang.platform.shared.domain.InputErrors;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A handler's case list request as it arrives in query parameters; {@link #filter()} and friends refuse
 * anything malformed, naming the parameter ({@code /query/<name>}).
 */
public record CaseListQuery(List<String> status, String category, String channel, String urgent,
                            String receivedFrom, String receivedBefore, String text, String limit, String cursor) {

    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 100;

    /** The validated parts of the query. */
    public record Parsed(CaseFilter filter, CasePage.Position after, int limit) {
    }

    public Parsed parse() {
        InputErrors errors = new InputErrors().optionalText("/query/text", text, 200)
                .optionalText("/query/category", category, 40).optionalText("/query/channel", channel, 40);
        Set<CaseStatus> statuses = statuses(errors);
        Boolean urgency = urgent == null ? null : switch (urgent) {
            case "true" -> true;
            case "false" -> false;
            default -> {
                errors.add("/query/urgent", "must be true or false");
                yield null;
            }
        };
        Instant from = instant(errors, "/query/receivedFrom", receivedFrom);
        Instant before = instant(errors, "/query/receivedBefore", receivedBefore);
        int size = limit(errors);
        CasePage.Position after = position(errors);
        errors.throwIfAny();
        return new Parsed(new CaseFilter(statuses, category, channel, urgency, from, before,
                text == null || text.isBlank() ? null : text.strip()), after, size);
    }

    /** The opaque cursor of the page after {@code position}. */
    public static String cursorOf(CasePage.Position position) {
        if (position == null) {
            return null;
        }
        String raw = position.receivedAt() + "|" + position.id();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    private Set<CaseStatus> statuses(InputErrors errors) {
        Set<CaseStatus> statuses = EnumSet.noneOf(CaseStatus.class);
        for (String s : status == null ? List.<String>of() : status) {
            try {
                statuses.add(CaseStatus.valueOf(s));
            } catch (IllegalArgumentException e) {
                errors.add("/query/status", "must be one of " + List.of(CaseStatus.values()));
            }
        }
        return statuses;
    }

    private static Instant instant(InputErrors errors, String pointer, String value) {
        try {
            return value == null ? null : Instant.parse(value);
        } catch (DateTimeParseException e) {
            errors.add(pointer, "must be an ISO-8601 instant such as 2026-03-01T00:00:00Z");
            return null;
        }
    }

    private int limit(InputErrors errors) {
        try {
            int size = limit == null ? DEFAULT_LIMIT : Integer.parseInt(limit);
            if (size >= 1 && size <= MAX_LIMIT) {
                return size;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        errors.add("/query/limit", "must be a whole number from 1 to " + MAX_LIMIT);
        return DEFAULT_LIMIT;
    }

    private CasePage.Position position(InputErrors errors) {
        if (cursor == null) {
            return null;
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|");
            return new CasePage.Position(Instant.parse(parts[0]), UUID.fromString(parts[1]));
        } catch (RuntimeException e) {
            errors.add("/query/cursor", "is not a cursor this list gave out");
            return null;
        }
    }
}
