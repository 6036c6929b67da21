package io.qinglang.platform.tenants.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * What the platform keeps of a member of a tenant's staff (the account itself is the identity provider's):
 * the departments they belong to, and whether a tenant admin deactivated them, so that their tokens are refused
 * at once rather than when they expire.
 */
@Entity
@Table(name = "staff_profiles")
public class StaffProfile {

    @Id
    @Column(name = "user_id")
    private String userId;
    private String username;
    private String departments = "";
    @Column(name = "deactivated_at")
    private Instant deactivatedAt;
    @Column(name = "deactivated_by")
    private String deactivatedBy;
    @Version
    private long version;

    protected StaffProfile() {
    }

    public StaffProfile(String userId, String username) {
        this.userId = userId;
        this.username = username;
    }

    public void placeIn(List<String> departmentCodes) {
        departments = String.join(",", departmentCodes.stream().distinct().sorted().toList());
    }

    public void deactivate(String by, Instant now) {
        deactivatedAt = now;
        deactivatedBy = by;
    }

    public void reactivate() {
        deactivatedAt = null;
        deactivatedBy = null;
    }

    public String userId() {
        return userId;
    }

    public String username() {
        return username;
    }

    public List<String> departments() {
        return departments.isEmpty() ? List.of() : Arrays.asList(departments.split(","));
    }

    public Optional<Instant> deactivatedAt() {
        return Optional.ofNullable(deactivatedAt);
    }

    public boolean deactivated() {
        return deactivatedAt != null;
    }
}
