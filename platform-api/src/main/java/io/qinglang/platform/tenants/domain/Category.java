package io.qinglang.platform.tenants.domain;

import io.qinglang.platform.shared.domain.Severity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A kind of report one tenant handles (e.g. fraud, food safety). Urgent categories (child abuse,
 * terrorism, self-harm…) are flagged at intake so supervisors are alerted at once. Categories form a tree
 * ({@code parentCode}); a retired category ({@code active} false) takes no new reports but keeps its cases and
 * statistics. A new case starts at the category's default severity.
 */
@Entity
@Table(name = "categories")
public class Category {

    @Id
    private String code;
    @Column(name = "name_zh")
    private String nameZh;
    @Column(name = "name_en")
    private String nameEn;
    private boolean urgent;
    private boolean active;
    @Column(name = "sort_order")
    private int sortOrder;
    @Column(name = "parent_code")
    private String parentCode;
    @Column(name = "description_zh")
    private String descriptionZh;
    @Column(name = "description_en")
    private String descriptionEn;
    @Enumerated(EnumType.STRING)
    @Column(name = "default_severity")
    private Severity defaultSeverity = Severity.ORDINARY;
    @Column(name = "legal_basis")
    private String legalBasis;
    @Version
    private long version;

    protected Category() {
    }

    public Category(String code, String nameZh, String nameEn, boolean urgent, int sortOrder) {
        this.code = code;
        this.nameZh = nameZh;
        this.nameEn = nameEn;
        this.urgent = urgent;
        this.active = true;
        this.sortOrder = sortOrder;
    }

    /** Replaces everything an admin configures about the category; its code stays. */
    public void revise(String nameZh, String nameEn, String descriptionZh, String descriptionEn, String parentCode,
                       Severity defaultSeverity, boolean urgent, String legalBasis, int sortOrder, boolean active) {
        this.nameZh = nameZh;
        this.nameEn = nameEn;
        this.descriptionZh = descriptionZh;
        this.descriptionEn = descriptionEn;
        this.parentCode = parentCode;
        this.defaultSeverity = defaultSeverity;
        this.urgent = urgent;
        this.legalBasis = legalBasis;
        this.sortOrder = sortOrder;
        this.active = active;
    }

    public String code() {
        return code;
    }

    public String nameZh() {
        return nameZh;
    }

    public String nameEn() {
        return nameEn;
    }

    public boolean urgent() {
        return urgent;
    }

    public boolean active() {
        return active;
    }

    public int sortOrder() {
        return sortOrder;
    }

    public String parentCode() {
        return parentCode;
    }

    public String descriptionZh() {
        return descriptionZh;
    }

    public String descriptionEn() {
        return descriptionEn;
    }

    public Severity defaultSeverity() {
        return defaultSeverity == null ? Severity.ORDINARY : defaultSeverity;
    }

    public String legalBasis() {
        return legalBasis;
    }

    public long version() {
        return version;
    }
}
