package io.qinglang.admin.onboarding.application;

import io.qinglang.platform.shared.domain.InputErrors;
import io.qinglang.platform.shared.domain.InvalidInput;

import java.util.regex.Pattern;

/**
 * The fields of a staff account (a tenant's first admin, an invited member) as the identity provider will take them,
 * checked before it is asked, so that a name it refuses is a bad field here rather than its 400 passed on as an
 * outage. Keycloak's default user profile refuses in first and last names the characters of its
 * {@code person-name-prohibited-characters} validator (markup, shell and path characters, brackets, line breaks and
 * control characters); what it refuses beyond that is still named, by {@link Refused}.
 */
public final class AccountFields {

    /** Keycloak 26's {@code PersonNameProhibitedCharactersValidator} pattern, without its 255-character limit. */
    private static final Pattern PERSON_NAME = Pattern.compile("[^<>&\"\\v$%!#?§;*~/\\\\|^=\\[\\]{}()\\p{Cntrl}]+");
    private static final int MAX_NAME = 100;

    private AccountFields() {
    }

    /** Checks an account's address and names, reporting them under {@code at} ({@code ""} or e.g. {@code /admin}). */
    public static InputErrors check(InputErrors errors, String at, String email, String firstName, String lastName) {
        errors.text(at + "/email", email, 254).email(at + "/email", email);
        personName(errors, at + "/firstName", firstName);
        personName(errors, at + "/lastName", lastName);
        return errors;
    }

    private static void personName(InputErrors errors, String pointer, String name) {
        errors.text(pointer, name, MAX_NAME);
        if (!errors.has(pointer)) {
            errors.matches(pointer, name.strip(), PERSON_NAME,
                    "must be one line without any of < > & \" $ % ! # ? § ; * ~ / \\ | ^ = [ ] { } ( )");
        }
    }

    /** The identity provider refused a field of a new account ({@code field}: email, firstName, lastName or null). */
    public static final class Refused extends RuntimeException {
        private final String field;

        public Refused(String field, String reason) {
            super(reason);
            this.field = field;
        }

        /** The refusal as a bad field of a request whose account fields are under {@code at}. */
        public InvalidInput at(String at) {
            return InvalidInput.of(field == null ? at : at + "/" + field,
                    "is not accepted by the identity provider (" + getMessage() + ")");
        }
    }
}
