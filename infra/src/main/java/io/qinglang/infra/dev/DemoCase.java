package io.qinglang.infra.dev;

import java.time.Instant;
import java.util.UUID;

/**
 * One report of the demo body's year as the seeding follows it: what the reporter sent, and — once registered — the
 * case, its receipt code and claim secret (the reporter's, used for their reply, appeal and reward claim) and the
 * version it was last seen at.
 */
final class DemoCase {

    final int number;
    final Instant receivedAt;
    final String channel;
    final String category;
    UUID id;
    String receiptCode;
    String claimSecret;
    long version;

    DemoCase(int number, Instant receivedAt, String channel, String category) {
        this.number = number;
        this.receivedAt = receivedAt;
        this.channel = channel;
        this.category = category;
    }

    /** Whether the reporter used an online channel (the public form or the app) rather than staff taking it down. */
    boolean online() {
        return channel.equals("web") || channel.equals("app");
    }

    /** A documentation address (RFC 5737) per reporter, so the public endpoints' per-address limits see many people. */
    String address() {
        return "203.0.113." + (number % 250 + 1);
    }
}
