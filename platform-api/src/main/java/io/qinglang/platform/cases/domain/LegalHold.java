package io.qinglang.platform.cases.domain;

import java.time.Instant;

/** A supervisor's hold on a case: it is kept whole, whatever its age, until the hold is released. */
public record LegalHold(String reason, String by, Instant since) {
}
