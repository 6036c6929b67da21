package io.qinglang.infra.persistence;

import io.qinglang.platform.notifications.domain.Notification;
import io.qinglang.platform.notifications.domain.NotificationRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The outbox of the tenant in scope; claims lock their rows until the transaction ends. */
@ApplicationScoped
public class JpaNotificationRepository implements NotificationRepository {

    private final TenantEntities entities;

    @Inject
    public JpaNotificationRepository(TenantEntities entities) {
        this.entities = entities;
    }

    @Override
    public void add(Notification notification) {
        entities.forTenant().persist(notification);
    }

    @Override
    public List<Notification> claimDue(Instant now, int limit) {
        return SkipLocked.claim(entities.forTenant(), Notification.class, "notifications", "next_attempt_at",
                "sent_at is null", now, limit);
    }

    @Override
    public Optional<Notification> find(UUID id) {
        return Optional.ofNullable(entities.forTenant().find(Notification.class, id));
    }
}
