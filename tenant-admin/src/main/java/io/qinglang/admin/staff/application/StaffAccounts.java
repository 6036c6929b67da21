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

    /** The account id of the user with this e-mail address, if there is one in the realm. */
    Optional<String> userIdByEmail(String email);

    /** The aliases of the organizations the account belongs to. */
    List<String> organizationsOf(String userId);

    /** Makes the account's staff roles exactly {@code roles}; other roles it holds are left alone. */
    void replaceStaffRoles(String userId, Set<String> roles);

    /** Enables or disables the account; disabling also ends its sessions, so no refresh token works. */
    void setEnabled(String userId, boolean enabled);
}
