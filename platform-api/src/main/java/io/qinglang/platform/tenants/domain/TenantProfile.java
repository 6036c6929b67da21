package io.qinglang.platform.tenants.domain;

import java.time.ZoneId;

/** How a tenant presents itself: its URL slug, names in Chinese and English, time zone and contact. */
public record TenantProfile(String slug, String nameZh, String nameEn, ZoneId timeZone, String contactEmail,
                            String contactPhone) {
}
