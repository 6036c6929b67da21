package io.qinglang.admin.staff.application;

import io.qinglang.platform.notifications.domain.StaffDirectory.Member;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Staff accounts as the identity provider keeps them: members of the tenant's organization with realm roles.
 * Implemented over Keycloak's admin API in infra.
 */
public interface StaffAccounts {

    /** Every member of the organization, with their staff roles. */
    List<Member> members(String organizationId);

    /** The member with this account id, if they belong to the organization. */
    Optional<Member> memberById(String organizationId, String userId);

    /**
     * Creates a new account for {@code email}, makes it a member of the organization and gives it the roles;
     * returns its id. Never adopts an existing account (whoever holds it, with whatever roles): if the address
     * already has one, throws {@link AccountExists} and changes nothing; if the identity provider refuses a field,
     * throws {@link io.qinglang.admin.onboarding.application.AccountFields.Refused} naming it and changes nothing.
     */
    String createMember(String organizationId, String email, String firstName, String lastName, Set<String> roles);

    /** The address already has an account on the platform. */
    final class AccountExists extends RuntimeException {
        public AccountExists() {
            super("an account with this address exists");
        }
    }

    /** The account id of the user with this e-mail address, if there is one in the realm. */
    Optional<String> userIdByEmail(String email);

    /** Makes the account's staff roles exactly {@code roles}; other roles it holds are left alone. */
    void replaceStaffRoles(String userId, Set<String> roles);

    /** Enables or disables the account; disabling also ends its sessions, so no refresh token works. */
    void setEnabled(String userId, boolean enabled);
}
