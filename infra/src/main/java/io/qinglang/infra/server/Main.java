package io.qinglang.infra.server;

/**
 * Starts the Qinglang server: one Helidon MP process that assembles every enabled module.
 * Configuration comes from MicroProfile Config (environment variables override properties).
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        io.helidon.Main.main(args);
    }
}
