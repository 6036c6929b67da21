package io.qinglang.platform.tenants.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What one tenant publishes: which statistics, the small-cell threshold k (a published count below it is shown as
 * "&lt; k"; never below {@value #MINIMUM_K}), the periods of its disclosure reports, and its branding on the portal.
 * A tenant that never changed them publishes everything monthly and yearly with k = {@value #DEFAULT_K}.
 */
@Entity
@Table(name = "disclosure_settings")
public class DisclosureSettings {

    public static final int MINIMUM_K = 5;
    public static final int DEFAULT_K = 10;
    public static final int MAX_LOGO_BYTES = 256 * 1024;

    /** One row per tenant: the key is the tenant (added by the ORM) and this constant. */
    @Id
    private short id = 1;
    @Column(name = "public_statistics")
    private String publicStatistics;
    @Column(name = "small_cell_k")
    private int smallCellK;
    @Column(name = "report_periods")
    private String reportPeriods;
    @Column(name = "display_name_zh")
    private String displayNameZh;
    @Column(name = "display_name_en")
    private String displayNameEn;
    private byte[] logo;
    @Column(name = "logo_content_type")
    private String logoContentType;
    @Version
    private long version;

    protected DisclosureSettings() {
    }

    /** The settings of a tenant that never changed them. */
    public static DisclosureSettings defaults() {
        DisclosureSettings s = new DisclosureSettings();
        s.revise(EnumSet.allOf(PublicStatistic.class), DEFAULT_K, EnumSet.of(ReportPeriod.MONTHLY, ReportPeriod.YEARLY),
                null, null);
        return s;
    }

    public void revise(Set<PublicStatistic> statistics, int k, Set<ReportPeriod> periods, String displayNameZh,
                       String displayNameEn) {
        if (k < MINIMUM_K) {
            throw new IllegalArgumentException("k must be at least " + MINIMUM_K);
        }
        this.publicStatistics = join(statistics);
        this.smallCellK = k;
        this.reportPeriods = join(periods);
        this.displayNameZh = displayNameZh;
        this.displayNameEn = displayNameEn;
    }

    public void replaceLogo(byte[] image, String contentType) {
        if (image != null && image.length > MAX_LOGO_BYTES) {
            throw new IllegalArgumentException("logo too large");
        }
        this.logo = image == null ? null : image.clone();
        this.logoContentType = image == null ? null : contentType;
    }

    public Set<PublicStatistic> publicStatistics() {
        return split(publicStatistics, PublicStatistic.class, PublicStatistic::valueOf);
    }

    public int smallCellK() {
        return smallCellK;
    }

    public Set<ReportPeriod> reportPeriods() {
        return split(reportPeriods, ReportPeriod.class, ReportPeriod::valueOf);
    }

    public String displayNameZh() {
        return displayNameZh;
    }

    public String displayNameEn() {
        return displayNameEn;
    }

    public byte[] logo() {
        return logo == null ? null : logo.clone();
    }

    public String logoContentType() {
        return logoContentType;
    }

    public long version() {
        return version;
    }

    private static String join(Collection<? extends Enum<?>> values) {
        return values.stream().sorted().map(Enum::name).collect(Collectors.joining(","));
    }

    private static <E extends Enum<E>> Set<E> split(String joined, Class<E> type, Function<String, E> parse) {
        Set<E> set = EnumSet.noneOf(type);
        if (joined != null && !joined.isBlank()) {
            Arrays.stream(joined.split(",")).map(parse).forEach(set::add);
        }
        return set;
    }
}
