package io.qinglang.platform.tenants.domain;

import java.util.List;
import java.util.Optional;

/** Departments and staff profiles of the tenant in scope. */
public interface StaffRepository {

    List<Department> departments();

    Optional<Department> department(String code);

    void add(Department department);

    List<StaffProfile> profiles();

    Optional<StaffProfile> profile(String userId);

    void add(StaffProfile profile);

    /** Whether the account was deactivated at this tenant (one indexed lookup; every staff request asks). */
    boolean deactivated(String userId);

    void flush();
}
