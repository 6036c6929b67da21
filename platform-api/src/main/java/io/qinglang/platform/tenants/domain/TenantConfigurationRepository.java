package io.qinglang.platform.tenants.domain;

import java.util.List;
import java.util.Optional;

/** One tenant's channels, categories and disclosure settings; always read within that tenant's scope. */
public interface TenantConfigurationRepository {

    void add(Channel channel);

    void add(Category category);

    List<Channel> channels();

    List<Category> categories();

    Optional<Channel> channel(String code);

    Optional<Category> category(String code);

    /** The tenant's disclosure settings, or its defaults (not yet stored) if it never changed them. */
    DisclosureSettings disclosure();

    /** Stores settings obtained from {@link #disclosure()} if they were the unstored defaults. */
    void save(DisclosureSettings settings);
}
