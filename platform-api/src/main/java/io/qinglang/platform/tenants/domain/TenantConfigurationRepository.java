package io.qinglang.platform.tenants.domain;

import java.util.List;
import java.util.Optional;

/** One tenant's channels and categories; always read within that tenant's scope. */
public interface TenantConfigurationRepository {

    void add(Channel channel);

    void add(Category category);

    List<Channel> channels();

    List<Category> categories();

    Optional<Channel> channel(String code);

    Optional<Category> category(String code);
}
