package io.qinglang.platform.cases.domain;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A referral to another body on the platform: the receiving tenant and its name, the category the case takes
 * there, whether the reporter's identity goes along (only with their consent), and the deadline the sending
 * (e.g. superior) body sets, if any.
 */
public record Referral(UUID tenantId, String bodyName, String categoryCode, boolean withIdentity, LocalDate dueBy) {
}
