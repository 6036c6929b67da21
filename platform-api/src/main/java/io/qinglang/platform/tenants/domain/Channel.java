package io.qinglang.platform.tenants.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A way reports reach one tenant (web form, hotline, letter…), configured by its admin. */
@Entity
@Table(name = "channels")
public class Channel {

    @Id
    private String code;
    @Column(name = "name_zh")
    private String nameZh;
    @Column(name = "name_en")
    private String nameEn;
    @Enumerated(EnumType.STRING)
    private ChannelKind kind;
    private String contact;
    private boolean active;

    protected Channel() {
    }

    public Channel(String code, String nameZh, String nameEn, ChannelKind kind, String contact) {
        this.code = code;
        this.nameZh = nameZh;
        this.nameEn = nameEn;
        this.kind = kind;
        this.contact = contact;
        this.active = true;
    }

    /** Whether reporters may use this channel through the public intake API themselves. */
    public boolean acceptsPublicIntake() {
        return active && (kind == ChannelKind.WEB || kind == ChannelKind.APP);
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

    public ChannelKind kind() {
        return kind;
    }

    public String contact() {
        return contact;
    }

    public boolean active() {
        return active;
    }
}
