package io.qinglang.platform.cases.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A page of cases, newest first, and the position after its last case. Positions are stable: cases
 * received while paging do not shift later pages.
 */
public record CasePage(List<Case> cases, Position next) {

    /** Where a page ends: the last case's receipt time and id (the sort key). */
    public record Position(Instant receivedAt, UUID id) {
    }
}
