package io.qinglang.platform.statistics.domain;

import io.qinglang.platform.shared.domain.NotFound;

/**
 * A period whose figures would give a small count away however many cells were hidden (a body with a handful
 * of cases spread one by one): nothing is published for it.
 */
public class StatisticsWithheld extends NotFound {

    public StatisticsWithheld(Period period) {
        super("STATISTICS_WITHHELD", "The statistics for " + period + " are withheld: with so few cases, "
                + "any figure would let a reporter be singled out.");
    }
}
