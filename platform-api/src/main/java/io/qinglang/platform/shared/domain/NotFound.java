package io.qinglang.platform.shared.domain;

/** Something the caller named does not exist — or belongs to another tenant, which must look the same. */
public class NotFound extends DomainException {

    public NotFound(String code, String message) {
        super(code, Kind.NOT_FOUND, message);
    }
}
