package io.qinglang.platform.tenants.domain;

/**
 * How a report reaches the tenant. Reporters use {@link #WEB}, {@link #APP} and {@link #API} channels through
 * the public intake API themselves; staff register what arrives by the others.
 */
public enum ChannelKind {
    WEB, APP, API, HOTLINE, EMAIL, POST, IN_PERSON, TRANSFER_IN;

    /** Whether reporters submit through this kind of channel themselves. */
    public boolean selfService() {
        return this == WEB || this == APP || this == API;
    }
}
