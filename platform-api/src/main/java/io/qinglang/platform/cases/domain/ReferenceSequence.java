package io.qinglang.platform.cases.domain;

/** Hands out the next reference number of the tenant in scope for a year, without gaps from races. */
public interface ReferenceSequence {

    long next(int year);
}
