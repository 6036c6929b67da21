package io.qinglang.platform.retention.domain;

import java.util.UUID;

/** An ended case whose retention is over, claimed for the purge. */
public record PurgeCandidate(UUID caseId, String reference) {
}
