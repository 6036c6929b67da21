package io.qinglang.infra.identity;

import io.qinglang.infra.dev.QinglangRealm;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.Config;
import org.keycloak.OAuth2Constants;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;
import org.keycloak.admin.client.resource.ClientResource;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.ClientScopeRepresentation;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.ProtocolMapperRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.util.JsonSerialization;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Sets up a Keycloak realm for production from the realm template ({@link QinglangRealm}), or completes one that
 * exists: organizations on, the four roles, the platform's client with the configured secret and its service account's
 * rights, the console client with its scopes, mappers and the public URL among its redirect URIs, and — when
 * {@code QINGLANG_OPERATOR_EMAIL} and {@code _PASSWORD} are given — a first platform operator. Idempotent: a second run
 * changes nothing and says so. What is already there and differs from the template (a realm's mail settings, an
 * operator's password) is left as it is. It signs in to Keycloak's master realm as {@code QINGLANG_KEYCLOAK_ADMIN_USER}.
 */
public final class RealmProvisioning {

    private final Config config;
    private final Consumer<String> say;
    private final List<String> changes = new ArrayList<>();

    public RealmProvisioning(Config config, Consumer<String> say) {
        this.config = config;
        this.say = say;
    }

    /** Creates or completes the realm; returns the changes made (none on a second run). */
    public List<String> run() {
        String url = required("qinglang.keycloak.url");
        String realmName = required("qinglang.keycloak.realm");
        String publicUrl = value("qinglang.public-url").or(() -> value("qinglang.console.public-url"))
                .orElseThrow(() -> new IllegalArgumentException("QINGLANG_PUBLIC_URL is not set: the address staff open "
                        + "the console at, e.g. https://qinglang.example.org (the console client's redirect URI)"));
        RealmRepresentation template = template(realmName, publicUrl.replaceAll("/+$", "") + "/*");
        try (Keycloak keycloak = KeycloakBuilder.builder().serverUrl(url).realm("master").clientId("admin-cli")
                .username(required("qinglang.keycloak.admin-user")).password(required("qinglang.keycloak.admin-password"))
                .grantType(OAuth2Constants.PASSWORD).build()) {
            boolean exists = keycloak.realms().findAll().stream().anyMatch(r -> r.getRealm().equals(realmName));
            if (!exists) {
                keycloak.realms().create(template);
                changed("realm " + realmName + " created from the template");
            } else {
                complete(keycloak.realm(realmName), template);
            }
        }
        say.accept(changes.isEmpty() ? "realm " + realmName + " at " + url + " has everything Qinglang needs; nothing changed"
                : "realm " + realmName + " at " + url + ": " + changes.size() + " change(s)");
        return List.copyOf(changes);
    }

    private void complete(RealmResource realm, RealmRepresentation template) {
        RealmRepresentation current = realm.toRepresentation();
        if (!Boolean.TRUE.equals(current.isOrganizationsEnabled())) {
            current.setOrganizationsEnabled(true);
            realm.update(current);
            changed("organizations enabled");
        }
        Set<String> roles = realm.roles().list().stream().map(RoleRepresentation::getName).collect(Collectors.toSet());
        for (RoleRepresentation role : template.getRoles().getRealm()) {
            if (!roles.contains(role.getName())) {
                realm.roles().create(role);
                changed("realm role " + role.getName() + " created");
            }
        }
        for (ClientRepresentation client : template.getClients()) {
            List<ClientRepresentation> found = realm.clients().findByClientId(client.getClientId());
            if (found.isEmpty()) {
                try (Response created = realm.clients().create(client)) {
                    CreatedResponseUtil.getCreatedId(created);
                }
                changed("client " + client.getClientId() + " created");
            } else {
                completeClient(realm, realm.clients().get(found.getFirst().getId()), found.getFirst(), client);
            }
        }
        for (UserRepresentation user : template.getUsers()) {
            if (user.getServiceAccountClientId() != null) {
                serviceAccountRights(realm, user);
            } else {
                operator(realm, user);
            }
        }
    }

    private void completeClient(RealmResource realm, ClientResource resource, ClientRepresentation current,
                                ClientRepresentation wanted) {
        String id = wanted.getClientId();
        if (wanted.getSecret() != null && !wanted.getSecret().equals(resource.getSecret().getValue())) {
            current.setSecret(wanted.getSecret());
            resource.update(current);
            changed("client " + id + ": secret set to QINGLANG_KEYCLOAK_CLIENT_SECRET");
        }
        if (wanted.getRedirectUris() != null) {
            List<String> uris = new ArrayList<>(current.getRedirectUris() == null ? List.of() : current.getRedirectUris());
            for (String uri : wanted.getRedirectUris()) {
                if (!uris.contains(uri)) {
                    uris.add(uri);
                    current.setRedirectUris(uris);
                    resource.update(current);
                    changed("client " + id + ": redirect URI " + uri + " added");
                }
            }
        }
        if (wanted.getDefaultClientScopes() != null) {
            List<String> has = resource.getDefaultClientScopes().stream().map(s -> s.getName()).toList();
            Map<String, String> scopeIds = realm.clientScopes().findAll().stream()
                    .collect(Collectors.toMap(ClientScopeRepresentation::getName, ClientScopeRepresentation::getId));
            for (String scope : wanted.getDefaultClientScopes()) {
                if (!has.contains(scope) && scopeIds.containsKey(scope)) {
                    resource.addDefaultClientScope(scopeIds.get(scope));
                    changed("client " + id + ": default client scope " + scope + " added");
                }
            }
        }
        if (wanted.getProtocolMappers() != null) {
            Set<String> mappers = resource.getProtocolMappers().getMappers().stream()
                    .map(ProtocolMapperRepresentation::getName).collect(Collectors.toSet());
            for (ProtocolMapperRepresentation mapper : wanted.getProtocolMappers()) {
                if (!mappers.contains(mapper.getName())) {
                    try (Response created = resource.getProtocolMappers().createMapper(mapper)) {
                        CreatedResponseUtil.getCreatedId(created);
                    }
                    changed("client " + id + ": protocol mapper \"" + mapper.getName() + "\" added");
                }
            }
        }
    }

    /** The platform client's service account holds the realm-management rights the template gives it. */
    private void serviceAccountRights(RealmResource realm, UserRepresentation template) {
        ClientRepresentation client = realm.clients().findByClientId(template.getServiceAccountClientId()).getFirst();
        UserRepresentation account = realm.clients().get(client.getId()).getServiceAccountUser();
        template.getClientRoles().forEach((clientId, roleNames) -> {
            ClientRepresentation owner = realm.clients().findByClientId(clientId).getFirst();
            Set<String> held = realm.users().get(account.getId()).roles().clientLevel(owner.getId()).listEffective()
                    .stream().map(RoleRepresentation::getName).collect(Collectors.toSet());
            List<RoleRepresentation> missing = roleNames.stream().filter(r -> !held.contains(r))
                    .map(r -> realm.clients().get(owner.getId()).roles().get(r).toRepresentation()).toList();
            if (!missing.isEmpty()) {
                realm.users().get(account.getId()).roles().clientLevel(owner.getId()).add(missing);
                changed("service account of " + client.getClientId() + ": " + clientId + " roles "
                        + missing.stream().map(RoleRepresentation::getName).collect(Collectors.joining(", ")) + " added");
            }
        });
    }

    /**
     * The first platform operator, when one is asked for: created when no user of that name exists (its password is
     * then never changed here), and given the role platform-admin if it lacks it (a run stopped half-way).
     */
    private void operator(RealmResource realm, UserRepresentation template) {
        List<UserRepresentation> found = realm.users().searchByUsername(template.getUsername(), true);
        String id;
        if (found.isEmpty()) {
            try (Response created = realm.users().create(template)) {
                id = CreatedResponseUtil.getCreatedId(created);
            }
            changed("platform operator " + template.getUsername() + " created");
        } else {
            id = found.getFirst().getId();
        }
        boolean isAdmin = realm.users().get(id).roles().realmLevel().listEffective().stream()
                .anyMatch(r -> r.getName().equals("platform-admin"));
        if (!isAdmin) {
            realm.users().get(id).roles().realmLevel().add(List.of(realm.roles().get("platform-admin").toRepresentation()));
            changed("platform operator " + template.getUsername() + ": role platform-admin given");
        }
    }

    /** The template, filled from the configuration, named as configured; its demo operator only when one is asked for. */
    private RealmRepresentation template(String realmName, String redirectUri) {
        Optional<String> email = value("qinglang.operator.email");
        Optional<String> password = value("qinglang.operator.password");
        if (email.isPresent() != password.isPresent()) {
            throw new IllegalArgumentException("QINGLANG_OPERATOR_EMAIL and QINGLANG_OPERATOR_PASSWORD go together: "
                    + "set both for a first platform operator, or neither");
        }
        String json = new QinglangRealm(value("qinglang.mail.host").orElse("localhost"),
                port(value("qinglang.mail.port").orElse("25")), required("qinglang.keycloak.client-secret"),
                password.orElseGet(RealmProvisioning::unusable), redirectUri).toJson();
        RealmRepresentation realm;
        try {
            realm = JsonSerialization.readValue(json, RealmRepresentation.class);
        } catch (IOException e) {
            throw new UncheckedIOException("the realm template does not read as a realm", e);
        }
        realm.setRealm(realmName);
        value("qinglang.mail.from").ifPresent(from -> realm.getSmtpServer().put("from", from));
        List<UserRepresentation> users = new ArrayList<>();
        for (UserRepresentation user : realm.getUsers()) {
            if (user.getServiceAccountClientId() != null) {
                users.add(user);
            } else if (email.isPresent()) {
                user.setUsername(email.get());
                user.setEmail(email.get());
                CredentialRepresentation credential = user.getCredentials().getFirst();
                credential.setValue(password.get());
                users.add(user);
            }
        }
        realm.setUsers(users);
        return realm;
    }

    private static int port(String value) {
        if (!value.matches("[0-9]{1,5}")) {
            throw new IllegalArgumentException("QINGLANG_MAIL_PORT must be a port number, not \"" + value + "\"");
        }
        return Integer.parseInt(value);
    }

    private static String unusable() {
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        return Base64.getEncoder().encodeToString(random);
    }

    private void changed(String change) {
        changes.add(change);
        say.accept(change);
    }

    private String required(String key) {
        return value(key).orElseThrow(() -> new IllegalArgumentException(
                key.toUpperCase(java.util.Locale.ROOT).replace('.', '_').replace('-', '_') + " is not set (" + key + ")"));
    }

    private Optional<String> value(String key) {
        return config.getOptionalValue(key, String.class).map(String::strip).filter(v -> !v.isEmpty());
    }
}
