package io.qinglang.infra.http;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.util.Locale;

/** Errors raised by JAX-RS itself (unknown path, wrong method, unsupported media type…) as problems. */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    @Override
    public Response toResponse(WebApplicationException e) {
        Response original = e.getResponse();
        Response.StatusType status = original.getStatusInfo();
        String code = status.getReasonPhrase().toUpperCase(Locale.ROOT).replace(' ', '_').replace("-", "_");
        Problem problem = Problem.of(status.getStatusCode(), code, status.getReasonPhrase(), describe(status.getStatusCode()),
                Problems.traceId(), null);
        Response.ResponseBuilder response = Problems.response(problem);
        original.getHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Content-Type") && !name.equalsIgnoreCase("Content-Length")) {
                values.forEach(v -> response.header(name, v));
            }
        });
        return response.build();
    }

    static String describe(int status) {
        return switch (status) {
            case 400 -> "The request could not be read: its request line, a header or its encoding is malformed.";
            case 401 -> "A valid bearer token is required.";
            case 403 -> "Your account may not do this.";
            case 404 -> "There is nothing at this address.";
            case 405 -> "This address does not accept this method.";
            case 406 -> "The requested media type cannot be produced.";
            case 413 -> "The request is larger than the server accepts.";
            case 414 -> "The request's address is longer than the server accepts.";
            case 415 -> "The request's Content-Type is not accepted here.";
            case 431 -> "The request's headers are larger than the server accepts.";
            default -> "The request could not be processed.";
        };
    }
}
