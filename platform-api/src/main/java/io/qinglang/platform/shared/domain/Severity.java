package io.qinglang.platform.shared.domain;

/** How grave a case is: ordinary (一般), serious (严重) or critical (特别严重); the last two alert supervisors at once. */
public enum Severity {
    ORDINARY, SERIOUS, CRITICAL;

    public boolean major() {
        return this != ORDINARY;
    }
}
