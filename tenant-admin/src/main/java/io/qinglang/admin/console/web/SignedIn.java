package io.qinglang.admin.console.web;

import io.qinglang.admin.console.application.ConsoleSession;
import io.qinglang.platform.shared.domain.DomainException;
import io.qinglang.platform.shared.web.pages.Csrf;
import jakarta.enterprise.context.RequestScoped;

/**
 * The member of staff this console request is for, as {@link ConsoleGate} found their session. Every page reads the
 * tenant from here, never from the address.
 */
@RequestScoped
public class SignedIn {

    private ConsoleSession session;
    private String key;

    void set(ConsoleSession session, String key) {
        this.session = session;
        this.key = key;
    }

    public ConsoleSession session() {
        if (session == null) {
            throw new IllegalStateException("a console page ran without a session");
        }
        return session;
    }

    String key() {
        return key;
    }

    public String tenant() {
        return session().tenant();
    }

    /** Refuses unless the member of staff holds one of these roles. */
    public ConsoleSession require(String... roles) {
        if (!session().hasAny(roles)) {
            throw new RoleRequired();
        }
        return session;
    }

    /** Refuses a form whose CSRF field does not repeat the session's token. */
    public void checkForm(String csrfField) {
        Csrf.check(session().csrfToken(), csrfField);
    }

    /** The member of staff lacks the role a page or step needs. */
    public static final class RoleRequired extends DomainException {
        RoleRequired() {
            super("ROLE_REQUIRED", Kind.FORBIDDEN, "Your role does not allow this.");
        }
    }
}
