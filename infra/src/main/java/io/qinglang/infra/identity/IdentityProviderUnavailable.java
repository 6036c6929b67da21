package io.qinglang.infra.identity;

import io.qinglang.platform.shared.domain.DomainException;

/** Keycloak refused or did not answer an admin call the platform needed. */
public class IdentityProviderUnavailable extends DomainException {

    public IdentityProviderUnavailable(String action, int status) {
        super("IDENTITY_PROVIDER_UNAVAILABLE", Kind.UNAVAILABLE,
                "The identity provider could not " + action + (status > 0 ? " (HTTP " + status + ")" : "") + ".");
    }
}
