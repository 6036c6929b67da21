package io.qinglang.benchmarks;

/**
 * A scenario that does the same for a tenant with many cases (the platform side) and one with few (the baseline
 * side) over one period: the two should cost about the same, since both read kept monthly counts.
 */
abstract class LargeAgainstSmall implements Scenario {

    private final String what;
    private final int largeCases;
    private final int smallCases;
    protected final String period;

    LargeAgainstSmall(String what, int largeCases, int smallCases, String period) {
        this.what = what;
        this.largeCases = largeCases;
        this.smallCases = smallCases;
        this.period = period;
    }

    /** e.g. "stats month", "report year". */
    @Override
    public String name() {
        return what + " " + (period.length() == 4 ? "year" : "month");
    }

    @Override
    public String platformSide() {
        return String.format("%,d cases", largeCases);
    }

    @Override
    public String baselineSide() {
        return String.format("%,d cases", smallCases);
    }
}
