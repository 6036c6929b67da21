package io.qinglang.infra.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.function.Supplier;

/** Runs work in a JTA transaction (joining one already open); any exception rolls it back. */
@ApplicationScoped
public class TransactionBoundary {

    @Transactional(value = Transactional.TxType.REQUIRED, rollbackOn = Exception.class)
    public <T> T required(Supplier<T> work) {
        return work.get();
    }
}
