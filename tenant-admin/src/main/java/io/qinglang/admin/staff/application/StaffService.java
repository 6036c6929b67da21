package io.qinglang.admin.staff.application;

import io.qinglang.admin.configuration.application.ConfigurationChange;
import io.qinglang.admin.onboarding.application.AccountFields;
import io.qinglang.admin.onboarding.application.OrganizationDirectory;
import io.qinglang.platform.audit.application.AuditTrail;
import io.qinglang.platform.notifications.domain.StaffDirectory.Member;
import io.qinglang.platform.notifications.domain.StaffDirectory;
import io.qinglang.platform.shared.application.TenantTransactions;
import io.qinglang.platform.shared.domain.ConcurrentUpdate;
import io.qinglang.platform.shared.domain.DomainException;
import io.qinglang.platform.shared.domain.InputErrors;
import io.qinglang.platform.shared.domain.NotFound;
import io.qinglang.platform.tenants.application.TenantDirectory;
import io.qinglang.platform.tenants.domain.Department;
import io.qinglang.platform.tenants.domain.StaffProfile;
import io.qinglang.platform.tenants.domain.StaffRepository;
import io.qinglang.platform.tenants.domain.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * A tenant admin's staff administration: invitations (an account in the tenant's organization with its roles,
 * and an e-mail to set a password), role changes (in force from the member's next token), deactivation (refused
 * at once, tokens already issued included) and departments. Accounts live in Keycloak; departments and
 * deactivations here. Every change is audited; an admin cannot lock themselves out.
 */
@ApplicationScoped
public class StaffService {

    /** An account's id at the identity provider (Keycloak's are UUIDs). */
    private static final java.util.regex.Pattern ACCOUNT_ID = java.util.regex.Pattern.compile("[0-9a-fA-F-]{1,64}");

    private static final Logger LOG = Logger.getLogger(StaffService.class.getName());

    private final TenantTransactions transactions;
    private final TenantDirectory tenants;
    private final StaffRepository staff;
    private final StaffAccounts accounts;
    private final OrganizationDirectory organizations;
    private final AuditTrail audit;
    private final Clock clock;

    @Inject
    public StaffService(TenantTransactions transactions, TenantDirectory tenants, StaffRepository staff,
                        StaffAccounts accounts, OrganizationDirectory organizations, AuditTrail audit,
                        Clock clock) {
        this.transactions = transactions;
        this.tenants = tenants;
        this.staff = staff;
        this.accounts = accounts;
        this.organizations = organizations;
        this.audit = audit;
        this.clock = clock;
    }

    /** A member of staff as the admin sees them. */
    public record StaffView(String userId, String username, String email, String firstName, String lastName,
                            boolean enabled, List<String> roles, List<String> departments, Instant deactivatedAt) {
        static StaffView of(Member m, StaffProfile profile) {
            return new StaffView(m.userId(), m.username(), m.email(), m.firstName(), m.lastName(), m.enabled(),
                    new TreeSet<>(m.roles()).stream().toList(), profile == null ? List.of() : profile.departments(),
                    profile == null ? null : profile.deactivatedAt().orElse(null));
        }
    }

    /** A department and who belongs to it. */
    public record DepartmentView(String code, String nameZh, String nameEn, boolean active, long version,
                                 List<String> members) {
    }

    /** Someone to invite. */
    public record Invitation(String email, String firstName, String lastName, List<String> roles,
                             List<String> departments) {
        void validate(InputErrors errors) {
            AccountFields.check(errors, "", email, firstName, lastName);
            StaffService.roles(errors, "/roles", roles);
            codes(errors, "/departments", departments);
        }
    }

    /** A department's settings. */
    public record DepartmentSettings(String nameZh, String nameEn, Boolean active) {
        void validate(InputErrors errors) {
            errors.text("/nameZh", nameZh, 200).text("/nameEn", nameEn, 200);
        }
    }

    static void roles(InputErrors errors, String at, List<String> roles) {
        errors.required(at, roles);
        if (roles == null) {
            return;
        }
        if (roles.isEmpty()) {
            errors.add(at, "must name at least one of handler, supervisor, tenant-admin");
        }
        for (int i = 0; i < roles.size(); i++) {
            if (roles.get(i) == null || !StaffDirectory.STAFF_ROLES.contains(roles.get(i))) {
                errors.add(at + "/" + i, "must be one of handler, supervisor, tenant-admin");
            } else if (roles.indexOf(roles.get(i)) != i) {
                errors.add(at + "/" + i, "is listed twice");
            }
        }
    }

    static void codes(InputErrors errors, String at, List<String> codes) {
        if (codes == null) {
            return;
        }
        if (codes.size() > 20) {
            errors.add(at, "must name at most 20 departments");
        }
        for (int i = 0; i < codes.size(); i++) {
            errors.text(at + "/" + i, codes.get(i), 40);
        }
    }

    public List<StaffView> list(String slug) {
        Tenant tenant = tenants.require(slug);
        Map<String, StaffProfile> profiles = transactions.inTenant(tenant.id(), () -> staff.profiles().stream()
                .collect(Collectors.toMap(StaffProfile::userId, Function.identity())));
        return accounts.members(organization(tenant)).stream()
                .map(m -> StaffView.of(m, profiles.get(m.userId()))).toList();
    }

    public StaffView invite(String slug, Invitation invitation, String actor) {
        InputErrors errors = new InputErrors();
        invitation.validate(errors);
        errors.throwIfAny();
        Tenant tenant = tenants.require(slug);
        String organization = organization(tenant);
        List<String> departments = invitation.departments() == null ? List.of() : invitation.departments();
        transactions.inTenant(tenant.id(), () -> requireDepartments(departments));
        String email = invitation.email().strip().toLowerCase(java.util.Locale.ROOT);
        if (accounts.userIdByEmail(email).map(id -> accounts.memberById(organization, id).isPresent()).orElse(false)) {
            throw new StaffConflict("STAFF_ALREADY_MEMBER", email + " is already on the staff of " + slug + ".");
        }
        Set<String> roles = Set.copyOf(invitation.roles());
        String userId;
        try {
            userId = accounts.createMember(organization, email, invitation.firstName().strip(),
                    invitation.lastName().strip(), roles);
        } catch (AccountFields.Refused e) {
            throw e.at("");
        } catch (StaffAccounts.AccountExists e) {
            // an existing account is never adopted: it may be another body's staff or the platform's operator,
            // and realm roles are not per organization
            throw new StaffConflict("ACCOUNT_EXISTS", email + " already has an account on the platform; invite an "
                    + "address of your own organization that has none.");
        }
        try {
            transactions.inTenant(tenant.id(), () -> {
                StaffProfile profile = new StaffProfile(userId, email);
                profile.placeIn(departments);
                staff.add(profile);
                record(tenant, actor, "STAFF_INVITED", userId, details("email", email, "roles", new TreeSet<>(roles),
                        "departments", departments));
            });
        } catch (RuntimeException e) {
            organizations.deleteUser(userId); // nothing recorded here: the account goes too
            throw e;
        }
        sendInvitation(userId);
        return view(tenant, userId);
    }

    /**
     * Sends the invitation e-mail (again): set a password, verify the address. Not to a deactivated account, which
     * could not sign in with it (and which the identity provider refuses to mail).
     */
    public StaffView resendInvitation(String slug, String userId, String actor) {
        Tenant tenant = tenants.require(slug);
        requireMember(tenant, userId);
        if (transactions.inTenant(tenant.id(), () -> staff.profile(userId).map(StaffProfile::deactivated).orElse(false))) {
            throw new StaffConflict("STAFF_DEACTIVATED", "The account is deactivated; reactivate it before inviting again.");
        }
        organizations.invite(userId);
        transactions.inTenant(tenant.id(), () -> record(tenant, actor, "STAFF_INVITATION_SENT", userId, Map.of()));
        return view(tenant, userId);
    }

    /** The account exists and is recorded; a mail server that fails now is not a reason to undo that. */
    private void sendInvitation(String userId) {
        try {
            organizations.invite(userId);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "The invitation e-mail to staff account " + userId + " was not sent; the admin can "
                    + "send it again", e);
        }
    }

    public StaffView changeRoles(String slug, String userId, List<String> roles, String actor, String actorUserId) {
        return changeRoles(slug, userId, roles, actor, actorUserId, null);
    }

    /**
     * Replaces a member's roles as above, refused (409) if they no longer hold the roles {@code seen} lists: another
     * admin changed them since this one looked ({@code null}: no check).
     */
    public StaffView changeRoles(String slug, String userId, List<String> roles, String actor, String actorUserId,
                                 Set<String> seen) {
        InputErrors errors = new InputErrors();
        roles(errors, "/roles", roles);
        errors.throwIfAny();
        Tenant tenant = tenants.require(slug);
        Member member = requireMember(tenant, userId);
        if (seen != null && !seen.equals(Set.copyOf(member.roles()))) {
            throw new io.qinglang.platform.shared.domain.ConcurrentUpdate("roles of " + member.username(), 0, 0);
        }
        if (userId.equals(actorUserId) && !roles.contains("tenant-admin")) {
            throw new StaffConflict("CANNOT_LOCK_YOURSELF_OUT", "You cannot take the tenant-admin role from yourself; "
                    + "ask another tenant admin.");
        }
        accounts.replaceStaffRoles(userId, Set.copyOf(roles));
        transactions.inTenant(tenant.id(), () -> record(tenant, actor, "STAFF_ROLES_CHANGED", userId,
                details("from", new TreeSet<>(member.roles()), "to", new TreeSet<>(roles))));
        return view(tenant, userId);
    }

    public StaffView deactivate(String slug, String userId, String actor, String actorUserId) {
        Tenant tenant = tenants.require(slug);
        requireMember(tenant, userId);
        if (userId.equals(actorUserId)) {
            throw new StaffConflict("CANNOT_LOCK_YOURSELF_OUT", "You cannot deactivate your own account.");
        }
        // recorded here first: from this commit on, the account's tokens are refused even if Keycloak lags
        transactions.inTenant(tenant.id(), () -> {
            profileOf(userId, tenant).deactivate(actor, now());
            record(tenant, actor, "STAFF_DEACTIVATED", userId, Map.of());
        });
        accounts.setEnabled(userId, false);
        return view(tenant, userId);
    }

    public StaffView reactivate(String slug, String userId, String actor) {
        Tenant tenant = tenants.require(slug);
        requireMember(tenant, userId);
        accounts.setEnabled(userId, true);
        transactions.inTenant(tenant.id(), () -> {
            profileOf(userId, tenant).reactivate();
            record(tenant, actor, "STAFF_REACTIVATED", userId, Map.of());
        });
        return view(tenant, userId);
    }

    public StaffView placeInDepartments(String slug, String userId, List<String> departments, String actor) {
        InputErrors errors = new InputErrors();
        errors.required("/departments", departments);
        codes(errors, "/departments", departments);
        errors.throwIfAny();
        Tenant tenant = tenants.require(slug);
        requireMember(tenant, userId);
        transactions.inTenant(tenant.id(), () -> {
            requireDepartments(departments);
            profileOf(userId, tenant).placeIn(departments);
            record(tenant, actor, "STAFF_DEPARTMENTS_SET", userId, details("departments", departments));
        });
        return view(tenant, userId);
    }

    // Departments

    public List<DepartmentView> departments(String slug) {
        Tenant tenant = tenants.require(slug);
        return transactions.inTenant(tenant.id(), this::departmentViews);
    }

    public DepartmentView putDepartment(String slug, String code, DepartmentSettings settings, Long expectedVersion,
                                       String actor) {
        ConfigurationChange.requireCode("/code", code);
        InputErrors errors = new InputErrors();
        settings.validate(errors);
        errors.throwIfAny();
        Tenant tenant = tenants.require(slug);
        return transactions.inTenant(tenant.id(), () -> {
            Department department = staff.department(code).orElse(null);
            ConcurrentUpdate.check("department " + code, expectedVersion, department == null ? null : department.version());
            if (department == null) {
                department = new Department(code, settings.nameZh().strip(), settings.nameEn().strip());
                staff.add(department);
            }
            department.revise(settings.nameZh().strip(), settings.nameEn().strip(),
                    settings.active() == null || settings.active());
            record(tenant, actor, "DEPARTMENT_SAVED", code, settings);
            staff.flush();
            String saved = department.code();
            return departmentViews().stream().filter(d -> d.code().equals(saved)).findFirst().orElseThrow();
        });
    }

    private List<DepartmentView> departmentViews() {
        List<StaffProfile> profiles = staff.profiles();
        return staff.departments().stream().map(d -> new DepartmentView(d.code(), d.nameZh(), d.nameEn(), d.active(),
                d.version(), profiles.stream().filter(p -> p.departments().contains(d.code()) && !p.deactivated())
                .map(StaffProfile::username).toList())).toList();
    }

    // Shared

    private void requireDepartments(List<String> codes) {
        InputErrors errors = new InputErrors();
        for (int i = 0; i < codes.size(); i++) {
            String code = codes.get(i);
            if (staff.department(code).filter(Department::active).isEmpty()) {
                errors.add("/departments/" + i, "is not an active department of this tenant");
            }
        }
        errors.throwIfAny();
    }

    private Member requireMember(Tenant tenant, String userId) {
        if (userId == null || !ACCOUNT_ID.matcher(userId).matches()) {
            throw notOnStaff(tenant); // nothing that is not an account's id is passed on to the identity provider
        }
        return accounts.memberById(organization(tenant), userId).orElseThrow(() -> notOnStaff(tenant));
    }

    private static NotFound notOnStaff(Tenant tenant) {
        return new NotFound("STAFF_NOT_FOUND", "No such member of staff at " + tenant.slug() + ".");
    }

    private StaffProfile profileOf(String userId, Tenant tenant) {
        return staff.profile(userId).orElseGet(() -> {
            Member member = accounts.memberById(organization(tenant), userId).orElseThrow(() -> notOnStaff(tenant));
            StaffProfile created = new StaffProfile(userId, member.username());
            staff.add(created);
            return created;
        });
    }

    private StaffView view(Tenant tenant, String userId) {
        Member member = requireMember(tenant, userId);
        StaffProfile profile = transactions.inTenant(tenant.id(), () -> staff.profile(userId).orElse(null));
        return StaffView.of(member, profile);
    }

    private static String organization(Tenant tenant) {
        if (tenant.organizationId() == null) {
            throw new StaffConflict("NO_ORGANIZATION", "Tenant " + tenant.slug() + " has no identity organization.");
        }
        return tenant.organizationId();
    }

    private void record(Tenant tenant, String actor, String action, String subjectId, Object details) {
        audit.recordStaffChange(tenant.id(), actor, action, "STAFF", subjectId, details);
    }

    private static Map<String, Object> details(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /** A staff change that conflicts with who is already where. */
    public static final class StaffConflict extends DomainException {
        StaffConflict(String code, String message) {
            super(code, Kind.CONFLICT, message);
        }
    }
}
