package io.qinglang.platform.audit.domain;

import io.qinglang.platform.shared.domain.FieldError;
import io.qinglang.platform.shared.domain.InvalidInput;

import java.util.List;

/** An event number asked of a tenant's chain that names no event: not a number from 1, or past the head. */
public class ChainSeqRefused extends InvalidInput {

    private ChainSeqRefused(String code, String pointer, String detail) {
        super(code, Kind.INVALID, List.of(new FieldError(pointer, detail)));
    }

    public static ChainSeqRefused invalid(String pointer) {
        return new ChainSeqRefused("SEQ_INVALID", pointer, "must be a whole number from 1");
    }

    public static ChainSeqRefused beyondHead(String pointer, long head) {
        return new ChainSeqRefused("SEQ_BEYOND_HEAD", pointer, head == 0 ? "names no event: the chain has none yet"
                : "names no event yet: the chain's head is event " + head);
    }
}
