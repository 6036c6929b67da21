package io.qinglang.platform.cases.application;

import io.qinglang.platform.notifications.domain.StaffDirectory;
import io.qinglang.platform.notifications.domain.StaffDirectory.Member;
import io.qinglang.platform.shared.application.TenantTransactions;
import io.qinglang.platform.shared.domain.InputErrors;
import io.qinglang.platform.shared.domain.InvalidInput;
import io.qinglang.platform.tenants.application.TenantDirectory;
import io.qinglang.platform.tenants.domain.Department;
import io.qinglang.platform.tenants.domain.StaffProfile;
import io.qinglang.platform.tenants.domain.StaffRepository;
import io.qinglang.platform.tenants.domain.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Whom and where a tenant's cases can be assigned: the enabled handlers and supervisors of its organization that no
 * tenant admin deactivated, and — once the tenant has set up departments — its active departments. A page offers
 * exactly these ({@link #options}); an assignment names a member by account id or user name, and the case keeps the
 * user name, which tokens carry as {@code upn} and so what "my cases" compare with.
 */
@ApplicationScoped
public class Assignees {

    static final Set<String> CASE_STAFF = Set.of("handler", "supervisor");

    /** A member of staff a case can be assigned to; {@code departments} are codes. */
    public record Assignee(String userId, String username, String displayName, List<String> roles,
                           List<String> departments) {
        static Assignee of(Member m, StaffProfile profile) {
            String name = Stream.of(m.firstName(), m.lastName()).filter(s -> s != null && !s.isBlank())
                    .collect(Collectors.joining(" "));
            return new Assignee(m.userId(), m.username(), name.isEmpty() ? m.username() : name,
                    List.copyOf(new TreeSet<>(m.roles())), profile == null ? List.of() : profile.departments());
        }
    }

    /** An active department a case can be routed to. */
    public record DepartmentOption(String code, String nameZh, String nameEn) {
    }

    /** What an assignment form offers; with no departments set up, any department code is accepted. */
    public record Options(List<Assignee> staff, List<DepartmentOption> departments) {
    }

    private final TenantTransactions transactions;
    private final TenantDirectory tenants;
    private final StaffDirectory directory;
    private final StaffRepository staff;

    @Inject
    public Assignees(TenantTransactions transactions, TenantDirectory tenants, StaffDirectory directory,
                     StaffRepository staff) {
        this.transactions = transactions;
        this.tenants = tenants;
        this.directory = directory;
        this.staff = staff;
    }

    /** The staff and departments of the tenant a case can be assigned to, staff by user name. */
    public Options options(String tenantSlug) {
        Tenant tenant = tenants.require(tenantSlug);
        List<Member> members = tenant.organizationId() == null ? List.of() : directory.members(tenant.organizationId());
        return transactions.inTenant(tenant.id(), () -> {
            Map<String, StaffProfile> profiles = staff.profiles().stream()
                    .collect(Collectors.toMap(StaffProfile::userId, Function.identity()));
            List<Assignee> assignable = members.stream().filter(m -> m.active(CASE_STAFF))
                    .filter(m -> profiles.get(m.userId()) == null || !profiles.get(m.userId()).deactivated())
                    .map(m -> Assignee.of(m, profiles.get(m.userId()))).toList();
            List<DepartmentOption> departments = staff.departments().stream().filter(Department::active)
                    .map(d -> new DepartmentOption(d.code(), d.nameZh(), d.nameEn())).toList();
            return new Options(assignable, departments);
        });
    }

    /**
     * The user name of the member of case staff that {@code identifier} names, by account id (as the staff list
     * leads with) or by user name; refused, naming {@code /assignee}, if it names no one {@link #options} offers.
     */
    String username(Tenant tenant, String identifier) {
        String wanted = identifier.strip();
        Optional<Member> member = Optional.ofNullable(tenant.organizationId()).flatMap(organization ->
                (accountId(wanted) ? directory.memberById(organization, wanted) : Optional.<Member>empty())
                        .or(() -> directory.member(organization, wanted)));
        return member.filter(m -> m.active(CASE_STAFF))
                .filter(m -> !transactions.inTenant(tenant.id(), () -> staff.deactivated(m.userId())))
                .map(Member::username)
                .orElseThrow(() -> InvalidInput.of("/assignee", "is not an active handler or supervisor of this "
                        + "organization"));
    }

    /**
     * Once a tenant admin has set up departments, a case goes only to an active one of them; a tenant without any
     * names departments freely. In the tenant's scope.
     */
    void requireDepartment(String code) {
        List<Department> known = staff.departments();
        if (!known.isEmpty() && known.stream().noneMatch(d -> d.active() && d.code().equals(code))) {
            new InputErrors().add("/department", "is not an active department of this tenant").throwIfAny();
        }
    }

    private static boolean accountId(String identifier) {
        try {
            return UUID.fromString(identifier).toString().equalsIgnoreCase(identifier);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
