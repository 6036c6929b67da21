package io.qinglang.platform.notifications.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The outbox of the tenant in scope. */
public interface NotificationRepository {

    void add(Notification notification);

    /**
     * Locks and returns up to {@code limit} notifications due for a send at {@code now}, skipping those another
     * transaction holds, so that concurrent dispatchers never take the same one.
     */
    List<Notification> claimDue(Instant now, int limit);

    Optional<Notification> find(UUID id);
}
