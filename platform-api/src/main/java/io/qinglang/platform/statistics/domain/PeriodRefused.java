package io.qinglang.platform.statistics.domain;

import io.qinglang.platform.shared.domain.FieldError;
import io.qinglang.platform.shared.domain.InvalidInput;

import java.util.List;

/** A period that is not one, or that is not closed yet, so nothing is published for it. */
public class PeriodRefused extends InvalidInput {

    private PeriodRefused(String code, String pointer, String detail) {
        super(code, Kind.INVALID, List.of(new FieldError(pointer, detail)));
    }

    public static PeriodRefused because(String pointer, String expected) {
        return new PeriodRefused("PERIOD_INVALID", pointer, "expected " + expected);
    }

    public static PeriodRefused notClosed(String pointer, Period period) {
        return new PeriodRefused("PERIOD_NOT_CLOSED", pointer, "period " + period
                + " is not over yet; statistics are published for closed periods only");
    }
}
