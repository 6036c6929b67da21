package io.qinglang.platform.notifications.domain;

import java.util.List;
import java.util.Optional;

/** Staff addresses, as the identity provider knows them. */
public interface StaffDirectory {

    /** E-mail addresses of the enabled members of the organization who hold the role. */
    List<String> emailsOf(String organizationId, String role);

    /** The e-mail address of an enabled user by user name. */
    Optional<String> emailOfUser(String username);
}
