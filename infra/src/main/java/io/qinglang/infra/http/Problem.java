package io.qinglang.infra.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.qinglang.platform.shared.domain.FieldError;

import java.util.List;
import java.util.Locale;

/** An RFC 9457 problem document, with Qinglang's stable {@code code}, a trace id and per-field errors. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String code, String traceId,
                      List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static Problem of(int status, String code, String title, String detail, String traceId,
                             List<FieldError> errors) {
        String slug = code.toLowerCase(Locale.ROOT).replace('_', '-');
        return new Problem("https://qinglang.io/problems/" + slug, title, status, detail, code, traceId,
                errors == null || errors.isEmpty() ? null : errors);
    }
}
