package io.qinglang.platform.notifications.domain;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Staff of a tenant's organization, as the identity provider knows them. */
public interface StaffDirectory {

    /** The roles a member of staff can hold on the platform. */
    Set<String> STAFF_ROLES = Set.of("tenant-admin", "supervisor", "handler");

    /** A member of an organization: user name, address, whether the account is enabled and the staff roles held. */
    record Member(String userId, String username, String email, String firstName, String lastName, boolean enabled,
                  Set<String> roles) {

        public Member {
            roles = Set.copyOf(roles);
        }

        /** Enabled and holding at least one of {@code anyOf}. */
        public boolean active(Set<String> anyOf) {
            return enabled && roles.stream().anyMatch(anyOf::contains);
        }
    }

    /** E-mail addresses of the enabled members of the organization who hold the role, however many there are. */
    List<String> emailsOf(String organizationId, String role);

    /** The member of the organization with this user name, if there is one; never a user of another organization. */
    Optional<Member> member(String organizationId, String username);

    /** The member with this account id, if they belong to the organization. */
    Optional<Member> memberById(String organizationId, String userId);

    /** Every member of the organization, with their staff roles. */
    List<Member> members(String organizationId);
}
