package io.qinglang.platform.tenants.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

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
    private String hours;
    @Column(name = "description_zh")
    private String descriptionZh;
    @Column(name = "description_en")
    private String descriptionEn;
    private boolean active;
    @Version
    private long version;

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

    /** Replaces everything an admin configures about the channel; its code stays. */
    public void revise(String nameZh, String nameEn, ChannelKind kind, String contact, String hours,
                       String descriptionZh, String descriptionEn, boolean active) {
        this.nameZh = nameZh;
        this.nameEn = nameEn;
        this.kind = kind;
        this.contact = contact;
        this.hours = hours;
        this.descriptionZh = descriptionZh;
        this.descriptionEn = descriptionEn;
        this.active = active;
    }

    /** Whether reporters may use this channel through the public intake API themselves. */
    public boolean acceptsPublicIntake() {
        return active && kind.selfService();
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

    public String hours() {
        return hours;
    }

    public String descriptionZh() {
        return descriptionZh;
    }

    public String descriptionEn() {
        return descriptionEn;
    }

    public boolean active() {
        return active;
    }

    public long version() {
        return version;
    }
}
