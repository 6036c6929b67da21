package io.qinglang.platform.shared.domain;

/**
 * A refusal the domain states as a fact ("tenant suspended", "receipt not found"). It carries a stable
 * code clients can rely on and a {@link Kind}; the HTTP edge maps the kind to a status in one place,
 * so no resource ever builds an error response by hand.
 */
public abstract class DomainException extends RuntimeException {

    /** What sort of refusal this is; the edge turns it into a status code. */
    public enum Kind { INVALID, NOT_FOUND, CONFLICT, PRECONDITION_REQUIRED, FORBIDDEN, TOO_MANY_REQUESTS, PAYLOAD_TOO_LARGE, UNSUPPORTED_MEDIA_TYPE, UNAVAILABLE }

    private final String code;
    private final Kind kind;

    protected DomainException(String code, Kind kind, String message) {
        super(message);
        this.code = code;
        this.kind = kind;
    }

    public String code() {
        return code;
    }

    public Kind kind() {
        return kind;
    }

    /** A short human title for the problem document; defaults to the code in words. */
    public String title() {
        String words = code.replace('_', ' ').toLowerCase(java.util.Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
