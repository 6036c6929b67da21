package io.qinglang.platform.shared.domain;

import java.util.List;

/** A request that names fields the domain cannot accept; every offending field is listed. */
public class InvalidInput extends DomainException {

    private final List<FieldError> errors;

    public InvalidInput(List<FieldError> errors) {
        this("INVALID_INPUT", Kind.INVALID, errors);
    }

    protected InvalidInput(String code, Kind kind, List<FieldError> errors) {
        super(code, kind, describe(errors));
        this.errors = List.copyOf(errors);
    }

    public static InvalidInput of(String pointer, String detail) {
        return new InvalidInput(List.of(new FieldError(pointer, detail)));
    }

    public List<FieldError> errors() {
        return errors;
    }

    private static String describe(List<FieldError> errors) {
        return errors.stream().map(e -> (e.pointer().isEmpty() ? "body" : e.pointer()) + ": " + e.detail())
                .reduce((a, b) -> a + "; " + b).orElse("invalid input");
    }
}
