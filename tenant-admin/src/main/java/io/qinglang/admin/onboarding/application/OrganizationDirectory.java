package io.qinglang.admin.onboarding.application;

import java.util.Set;

/**
 * The identity provider's view of tenants: one organization per tenant, its staff as members with realm
 * roles. Implemented over Keycloak's admin API in infra.
 */
public interface OrganizationDirectory {

    /** Creates the organization; refuses with {@link TenantSlugTaken} when the alias exists. Returns its id. */
    String createOrganization(String alias, String name);

    /**
     * Creates (or finds) the user by e-mail, adds them to the organization with the roles; returns the user id. A field
     * the identity provider refuses is named by {@link AccountFields.Refused}.
     */
    String addMember(String organizationId, String email, String firstName, String lastName, Set<String> roles);

    /** E-mails the user the required actions (verify e-mail, set password) that complete the invitation. */
    void invite(String userId);

    void deleteOrganization(String organizationId);

    /** The user ids of the organization's members. */
    java.util.List<String> memberIds(String organizationId);

    void deleteUser(String userId);
}
