package io.qinglang.infra.identity;

import io.qinglang.admin.onboarding.application.OrganizationDirectory;
import io.qinglang.platform.notifications.domain.StaffDirectory;
import io.qinglang.admin.onboarding.application.TenantSlugTaken;
import io.qinglang.admin.staff.application.StaffAccounts;
import io.qinglang.infra.http.OutgoingTraceFilter;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.core.Response;
import org.keycloak.OAuth2Constants;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.MemberRepresentation;
import org.keycloak.representations.idm.OrganizationDomainRepresentation;
import org.keycloak.representations.idm.OrganizationRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Tenants as Keycloak organizations (alias = tenant slug, which tokens carry in their {@code organization}
 * claim) and staff as organization members with realm roles, through keycloak-admin-client.
 */
@ApplicationScoped
public class KeycloakOrganizationDirectory implements OrganizationDirectory, StaffDirectory, StaffAccounts {

    static final List<String> INVITATION_ACTIONS = List.of("VERIFY_EMAIL", "UPDATE_PASSWORD");
    /** Page size for admin listings, which Keycloak otherwise cuts short (members: 10 by default). */
    static final int PAGE = 100;

    private final KeycloakSettings settings;
    private volatile Keycloak keycloak;

    @Inject
    public KeycloakOrganizationDirectory(KeycloakSettings settings) {
        this.settings = settings;
    }

    @Override
    public String createOrganization(String alias, String name) {
        OrganizationRepresentation organization = new OrganizationRepresentation();
        organization.setAlias(alias);
        organization.setName(alias);
        organization.setDescription(name);
        organization.setEnabled(true);
        organization.addDomain(new OrganizationDomainRepresentation(alias + ".tenants.qinglang.invalid"));
        return call("create the organization", () -> {
            try (Response response = realm().organizations().create(organization)) {
                if (response.getStatus() == Response.Status.CONFLICT.getStatusCode()
                        || response.getStatus() >= 500 && organizationExists(alias)) {
                    throw new TenantSlugTaken(alias);
                }
                return CreatedResponseUtil.getCreatedId(response);
            }
        });
    }

    /** Keycloak answers the loser of two creations of one alias at once with a 500; the alias then exists. */
    private boolean organizationExists(String alias) {
        return realm().organizations().search(alias, true, 0, 1).stream().anyMatch(o -> alias.equals(o.getAlias()));
    }

    @Override
    public String addMember(String organizationId, String email, String firstName, String lastName, Set<String> roles) {
        return call("add the organization member", () -> {
            String userId = findOrCreateUser(email, firstName, lastName);
            try (Response response = realm().organizations().get(organizationId).members().addMember(userId)) {
                expectSuccess(response, "add the organization member");
            }
            List<RoleRepresentation> realmRoles = roles.stream().map(r -> realm().roles().get(r).toRepresentation()).toList();
            realm().users().get(userId).roles().realmLevel().add(realmRoles);
            return userId;
        });
    }

    @Override
    public String createMember(String organizationId, String email, String firstName, String lastName, Set<String> roles) {
        return call("create a member of staff", () -> {
            String userId;
            try (Response response = realm().users().create(newUser(email, firstName, lastName))) {
                if (response.getStatus() == Response.Status.CONFLICT.getStatusCode()) {
                    throw new AccountExists();
                }
                userId = createdId(response);
            }
            try {
                try (Response response = realm().organizations().get(organizationId).members().addMember(userId)) {
                    expectSuccess(response, "add the organization member");
                }
                replaceStaffRoles(userId, roles);
                return userId;
            } catch (RuntimeException e) {
                realm().users().delete(userId).close(); // created just now: leave nothing half-made
                throw e;
            }
        });
    }

    @Override
    public void invite(String userId) {
        call("send the invitation e-mail", () -> {
            realm().users().get(userId).executeActionsEmail(INVITATION_ACTIONS);
            return null;
        });
    }

    @Override
    public List<String> emailsOf(String organizationId, String role) {
        return call("list the organization's " + role + "s", () -> {
            Set<String> members = new HashSet<>();
            pages(first -> realm().organizations().get(organizationId).members().list(first, PAGE))
                    .forEach(m -> members.add(m.getId()));
            return pages(first -> realm().roles().get(role).getUserMembers(true, first, PAGE)).stream()
                    .filter(u -> members.contains(u.getId()) && Boolean.TRUE.equals(u.isEnabled()) && u.getEmail() != null)
                    .map(UserRepresentation::getEmail).sorted().toList();
        });
    }

    @Override
    public Optional<Member> member(String organizationId, String username) {
        return call("look up a member of staff", () -> realm().organizations().get(organizationId).members()
                .search(username, true, 0, 10).stream()
                .filter(m -> username.equalsIgnoreCase(m.getUsername()))
                .findFirst()
                .map(this::withRoles));
    }

    @Override
    public List<Member> members(String organizationId) {
        return call("list the organization's staff", () -> {
            Map<String, Set<String>> roles = new HashMap<>();
            for (String role : STAFF_ROLES) {
                pages(first -> realm().roles().get(role).getUserMembers(true, first, PAGE))
                        .forEach(u -> roles.computeIfAbsent(u.getId(), k -> new HashSet<>()).add(role));
            }
            return pages(first -> realm().organizations().get(organizationId).members().list(first, PAGE)).stream()
                    .map(m -> new Member(m.getId(), m.getUsername(), m.getEmail(), m.getFirstName(), m.getLastName(),
                            Boolean.TRUE.equals(m.isEnabled()), roles.getOrDefault(m.getId(), Set.of())))
                    .sorted(java.util.Comparator.comparing(Member::username)).toList();
        });
    }

    @Override
    public Optional<Member> memberById(String organizationId, String userId) {
        return call("look up a member of staff", () -> {
            MemberRepresentation member;
            try {
                member = realm().organizations().get(organizationId).members().member(userId).toRepresentation();
            } catch (NotFoundException e) {
                return Optional.empty();
            }
            return Optional.of(withRoles(member));
        });
    }

    @Override
    public Optional<String> userIdByEmail(String email) {
        return call("look up a user", () -> realm().users().searchByEmail(email, true).stream()
                .map(UserRepresentation::getId).findFirst());
    }


    @Override
    public void replaceStaffRoles(String userId, Set<String> roles) {
        call("change a member's roles", () -> {
            var mappings = realm().users().get(userId).roles().realmLevel();
            List<RoleRepresentation> held = mappings.listAll();
            List<RoleRepresentation> drop = held.stream()
                    .filter(r -> STAFF_ROLES.contains(r.getName()) && !roles.contains(r.getName())).toList();
            Set<String> heldNames = held.stream().map(RoleRepresentation::getName).collect(Collectors.toSet());
            List<RoleRepresentation> add = roles.stream().filter(r -> !heldNames.contains(r))
                    .map(r -> realm().roles().get(r).toRepresentation()).toList();
            if (!drop.isEmpty()) {
                mappings.remove(drop);
            }
            if (!add.isEmpty()) {
                mappings.add(add);
            }
            return null;
        });
    }

    @Override
    public void setEnabled(String userId, boolean enabled) {
        call(enabled ? "enable an account" : "disable an account", () -> {
            var user = realm().users().get(userId);
            UserRepresentation representation = user.toRepresentation();
            representation.setEnabled(enabled);
            user.update(representation);
            if (!enabled) {
                user.logout();
            }
            return null;
        });
    }

    private Member withRoles(UserRepresentation user) {
        Set<String> roles = realm().users().get(user.getId()).roles().realmLevel().listAll().stream()
                .map(RoleRepresentation::getName).filter(STAFF_ROLES::contains).collect(Collectors.toSet());
        return new Member(user.getId(), user.getUsername(), user.getEmail(), user.getFirstName(), user.getLastName(),
                Boolean.TRUE.equals(user.isEnabled()), roles);
    }

    /** Every element of a paged admin listing, page by page until a short page. */
    private static <T> List<T> pages(IntFunction<List<T>> page) {
        List<T> all = new ArrayList<>();
        for (int first = 0; ; first += PAGE) {
            List<T> chunk = page.apply(first);
            all.addAll(chunk);
            if (chunk.size() < PAGE) {
                return all;
            }
        }
    }

    @Override
    public List<String> memberIds(String organizationId) {
        return call("list the organization's members", () -> pages(first -> realm().organizations().get(organizationId)
                .members().list(first, PAGE)).stream().map(m -> m.getId()).toList());
    }

    @Override
    public void deleteOrganization(String organizationId) {
        call("delete the organization", () -> {
            realm().organizations().get(organizationId).delete().close();
            return null;
        });
    }

    @Override
    public void deleteUser(String userId) {
        call("delete the user", () -> {
            realm().users().delete(userId).close();
            return null;
        });
    }

    /** Where Keycloak sends its mail (the invitations): the realm's SMTP server as host:port, if one is set. */
    public Optional<String> mailServer() {
        return call("read the realm's mail settings", () -> {
            Map<String, String> smtp = realm().toRepresentation().getSmtpServer();
            if (smtp == null || smtp.get("host") == null || smtp.get("host").isBlank()) {
                return Optional.<String>empty();
            }
            String port = smtp.getOrDefault("port", "");
            return Optional.of(smtp.get("host") + ":" + (port == null || port.isBlank() ? "25" : port));
        });
    }

    private String findOrCreateUser(String email, String firstName, String lastName) {
        List<UserRepresentation> existing = realm().users().searchByEmail(email, true);
        if (!existing.isEmpty()) {
            return existing.getFirst().getId();
        }
        try (Response response = realm().users().create(newUser(email, firstName, lastName))) {
            return createdId(response);
        }
    }

    /** The new user's id; a field Keycloak refused (its 400, e.g. a name its user profile forbids) is named. */
    private static String createdId(Response response) {
        if (response.getStatus() == Response.Status.BAD_REQUEST.getStatusCode()) {
            throw KeycloakRefusal.of(response.readEntity(String.class));
        }
        return CreatedResponseUtil.getCreatedId(response);
    }

    /** An enabled account whose user name is its e-mail address. */
    private static UserRepresentation newUser(String email, String firstName, String lastName) {
        UserRepresentation user = new UserRepresentation();
        user.setUsername(email);
        user.setEmail(email);
        user.setFirstName(firstName);
        user.setLastName(lastName);
        user.setEnabled(true);
        return user;
    }

    private static void expectSuccess(Response response, String action) {
        if (response.getStatus() >= 300) {
            throw new IdentityProviderUnavailable(action, response.getStatus());
        }
    }

    private <T> T call(String action, Supplier<T> work) {
        try {
            return work.get();
        } catch (WebApplicationException e) {
            throw new IdentityProviderUnavailable(action, e.getResponse().getStatus());
        } catch (ProcessingException e) {
            throw new IdentityProviderUnavailable(action, 0);
        }
    }

    private RealmResource realm() {
        return client().realm(settings.realm());
    }

    private Keycloak client() {
        Keycloak current = keycloak;
        if (current == null) {
            synchronized (this) {
                if (keycloak == null) {
                    Client http = Keycloak.getClientProvider().newRestEasyClient(null, null, false)
                            .register(new OutgoingTraceFilter());
                    keycloak = KeycloakBuilder.builder().serverUrl(settings.url()).realm(settings.realm())
                            .grantType(OAuth2Constants.CLIENT_CREDENTIALS).clientId(settings.clientId())
                            .clientSecret(settings.clientSecret()).resteasyClient(http).build();
                }
                current = keycloak;
            }
        }
        return current;
    }

    @PreDestroy
    void close() {
        if (keycloak != null) {
            keycloak.close();
        }
    }
}
