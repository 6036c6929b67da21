package io.qinglang.platform.tenants.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A kind of report one tenant handles (e.g. fraud, food safety). Urgent categories (child abuse,
 * terrorism, self-harm…) are flagged at intake so supervisors are alerted at once.
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
}
