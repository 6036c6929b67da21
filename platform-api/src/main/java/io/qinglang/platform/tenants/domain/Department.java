package io.qinglang.platform.tenants.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A unit of a tenant's staff that cases are routed to (e.g. 价格监管科); a retired one keeps its history. */
@Entity
@Table(name = "departments")
public class Department {

    @Id
    private String code;
    @Column(name = "name_zh")
    private String nameZh;
    @Column(name = "name_en")
    private String nameEn;
    private boolean active = true;
    @Version
    private long version;

    protected Department() {
    }

    public Department(String code, String nameZh, String nameEn) {
        this.code = code;
        revise(nameZh, nameEn, true);
    }

    public void revise(String nameZh, String nameEn, boolean active) {
        this.nameZh = nameZh;
        this.nameEn = nameEn;
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

    public boolean active() {
        return active;
    }

    public long version() {
        return version;
    }
}
