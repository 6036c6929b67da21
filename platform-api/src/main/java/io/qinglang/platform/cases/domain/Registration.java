package io.qinglang.platform.cases.domain;

import io.qinglang.platform.shared.domain.Severity;
import java.time.Instant;

/**
 * What registration fixes on a new case: the report as the reporter gave it, the secrets' hashes, the
 * sealed identity and contact (null when not given) and the acknowledgement deadline computed at intake.
 */
public record Registration(String channelCode, String categoryCode, Subject subject, String description,
                           Anonymity anonymity, boolean urgent, Severity severity, Instant acknowledgeDueAt,
                           boolean calendarIncomplete, byte[] receiptHash, byte[] claimSecretHash,
                           byte[] sealedIdentity, byte[] sealedContact) {
}
