package io.qinglang.platform.cases.application;

import io.qinglang.platform.cases.domain.CaseFilter;
import io.qinglang.platform.cases.domain.CasePage;
import io.qinglang.platform.cases.domain.CaseStatus;
import io.qinglang.platform.shared.domain.InputErrors;
import io.qinglang.platform.shared.domain.Severity;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * A handler's case list request as it arrives in query parameters; {@link #parse} refuses anything malformed,
 * naming the parameter ({@code /query/<name>}). {@code overdue=true} finds cases with a running stage past its
 * deadline, {@code dueWithinHours=N} those with one falling due in the next N hours; {@code open}, {@code assigned},
 * {@code waiting}, {@code major}, {@code extensionPending} and {@code rewardPending} ({@code true} or {@code false})
 * are the properties of {@link CaseFilter}; {@code sort} is {@code -receivedAt} (newest first, the default) or
 * {@code receivedAt}. {@link #of} and {@link #queryString} turn query parameters into a query and back.
 */
public record CaseListQuery(List<String> status, List<String> severity, String category, String channel,
                            String urgent, String department, String assignee, String overdue, String dueWithinHours,
                            String receivedFrom, String receivedBefore, String text, String sort, String limit,
                            String cursor, String open, String assigned, String waiting, String major,
                            String extensionPending, String rewardPending) {

    static final int MAX_DUE_HOURS = 24 * 366;

    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 100;

    /** The validated parts of the query. */
    public record Parsed(CaseFilter filter, CasePage.Position after, int limit) {
    }

    /** The query in these parameters (as a page's or a resource's query parameters); absent ones are null. */
    public static CaseListQuery of(Map<String, List<String>> parameters) {
        Function<String, String> one = name -> parameters.getOrDefault(name, List.of()).stream().findFirst().orElse(null);
        return new CaseListQuery(parameters.get("status"), parameters.get("severity"), one.apply("category"),
                one.apply("channel"), one.apply("urgent"), one.apply("department"), one.apply("assignee"),
                one.apply("overdue"), one.apply("dueWithinHours"), one.apply("receivedFrom"),
                one.apply("receivedBefore"), one.apply("q"), one.apply("sort"), one.apply("limit"), one.apply("cursor"),
                one.apply("open"), one.apply("assigned"), one.apply("waiting"), one.apply("major"),
                one.apply("extensionPending"), one.apply("rewardPending"));
    }

    /** The parameters of this query that are present, in a fixed order: what {@link #of} reads back. */
    public Map<String, List<String>> parameters() {
        Map<String, List<String>> named = new LinkedHashMap<>();
        BiConsumer<String, String> one = (name, value) -> {
            if (value != null) {
                named.put(name, List.of(value));
            }
        };
        if (status != null && !status.isEmpty()) {
            named.put("status", List.copyOf(status));
        }
        if (severity != null && !severity.isEmpty()) {
            named.put("severity", List.copyOf(severity));
        }
        one.accept("category", category);
        one.accept("channel", channel);
        one.accept("urgent", urgent);
        one.accept("major", major);
        one.accept("department", department);
        one.accept("assignee", assignee);
        one.accept("assigned", assigned);
        one.accept("open", open);
        one.accept("waiting", waiting);
        one.accept("overdue", overdue);
        one.accept("dueWithinHours", dueWithinHours);
        one.accept("extensionPending", extensionPending);
        one.accept("rewardPending", rewardPending);
        one.accept("receivedFrom", receivedFrom);
        one.accept("receivedBefore", receivedBefore);
        one.accept("q", text);
        one.accept("sort", sort);
        one.accept("limit", limit);
        one.accept("cursor", cursor);
        return named;
    }

    /** {@link #parameters()} as a URL's query, each value encoded ({@code status=RECEIVED&assigned=false}). */
    public String queryString() {
        StringJoiner query = new StringJoiner("&");
        parameters().forEach((name, values) -> values.forEach(value ->
                query.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8))));
        return query.toString();
    }

    public Parsed parse(Instant now) {
        InputErrors errors = new InputErrors().optionalText("/query/text", text, 200)
                .optionalText("/query/category", category, 40).optionalText("/query/channel", channel, 40)
                .optionalText("/query/department", department, 80).optionalText("/query/assignee", assignee, 255)
                .oneOf("/query/sort", sort, List.of("-receivedAt", "receivedAt"));
        Set<CaseStatus> statuses = values(errors, "/query/status", status, CaseStatus.class);
        Set<Severity> severities = values(errors, "/query/severity", severity, Severity.class);
        Boolean urgency = bool(errors, "/query/urgent", urgent);
        Boolean isOpen = bool(errors, "/query/open", open);
        Boolean isAssigned = bool(errors, "/query/assigned", assigned);
        Boolean isWaiting = bool(errors, "/query/waiting", waiting);
        Boolean isMajor = bool(errors, "/query/major", major);
        Boolean extension = bool(errors, "/query/extensionPending", extensionPending);
        Boolean reward = bool(errors, "/query/rewardPending", rewardPending);
        Boolean late = bool(errors, "/query/overdue", overdue);
        Integer hours = dueHours(errors);
        if (Boolean.TRUE.equals(late) && hours != null) {
            errors.add("/query/dueWithinHours", "cannot be combined with overdue=true");
        }
        Instant dueFrom = hours == null ? null : now;
        Instant dueBefore = hours != null ? now.plusSeconds(3600L * hours) : Boolean.TRUE.equals(late) ? now : null;
        Instant from = instant(errors, "/query/receivedFrom", receivedFrom);
        Instant before = instant(errors, "/query/receivedBefore", receivedBefore);
        int size = limit(errors);
        CasePage.Position after = position(errors);
        errors.throwIfAny();
        return new Parsed(new CaseFilter(statuses, severities, category, channel, urgency, department, assignee, from,
                before, dueFrom, dueBefore, text == null || text.isBlank() ? null : text.strip(), isOpen, isAssigned,
                isWaiting, isMajor, extension, reward, "receivedAt".equals(sort)), after, size);
    }

    private static Boolean bool(InputErrors errors, String pointer, String value) {
        return value == null ? null : switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> {
                errors.add(pointer, "must be true or false");
                yield null;
            }
        };
    }

    private Integer dueHours(InputErrors errors) {
        if (dueWithinHours == null) {
            return null;
        }
        try {
            int hours = Integer.parseInt(dueWithinHours);
            if (hours >= 1 && hours <= MAX_DUE_HOURS) {
                return hours;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        errors.add("/query/dueWithinHours", "must be a whole number of hours from 1 to " + MAX_DUE_HOURS);
        return null;
    }

    /** The opaque cursor of the page after {@code position}. */
    public static String cursorOf(CasePage.Position position) {
        if (position == null) {
            return null;
        }
        String raw = position.receivedAt() + "|" + position.id();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    private static <E extends Enum<E>> Set<E> values(InputErrors errors, String pointer, List<String> given,
                                                     Class<E> type) {
        Set<E> values = EnumSet.noneOf(type);
        for (String s : given == null ? List.<String>of() : given) {
            try {
                values.add(Enum.valueOf(type, s));
            } catch (IllegalArgumentException e) {
                errors.add(pointer, "must be one of " + List.of(type.getEnumConstants()));
            }
        }
        return values;
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
