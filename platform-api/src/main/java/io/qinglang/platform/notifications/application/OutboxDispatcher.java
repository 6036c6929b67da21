package io.qinglang.platform.notifications.application;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qinglang.platform.notifications.domain.Mailer;
import io.qinglang.platform.notifications.domain.Notification;
import io.qinglang.platform.notifications.domain.NotificationRepository;
import io.qinglang.platform.notifications.domain.StaffDirectory;
import io.qinglang.platform.shared.application.TenantCipher;
import io.qinglang.platform.shared.application.TenantTransactions;
import io.qinglang.platform.tenants.domain.Tenant;
import io.qinglang.platform.tenants.domain.TenantRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sends what is waiting in each tenant's outbox. A batch is claimed with {@code FOR UPDATE SKIP LOCKED} and
 * marked sent in the same transaction, so dispatchers on several nodes never send a notification twice. A
 * failed send is retried later; if one recipient of several fails, the retry goes to all of them again.
 */
@ApplicationScoped
public class OutboxDispatcher {

    private static final Logger LOG = Logger.getLogger(OutboxDispatcher.class.getName());
    static final int BATCH = 50;

    private final TenantTransactions transactions;
    private final TenantRepository tenants;
    private final NotificationRepository outbox;
    private final StaffDirectory staff;
    private final Mailer mailer;
    private final TenantCipher cipher;
    private final ObjectMapper json;

    @Inject
    public OutboxDispatcher(TenantTransactions transactions, TenantRepository tenants, NotificationRepository outbox,
                            StaffDirectory staff, Mailer mailer, TenantCipher cipher, ObjectMapper json) {
        this.transactions = transactions;
        this.tenants = tenants;
        this.outbox = outbox;
        this.staff = staff;
        this.mailer = mailer;
        this.cipher = cipher;
        this.json = json;
    }

    /** Sends everything due at {@code now}, tenant by tenant; returns how many notifications went out. */
    public int dispatch(Instant now) {
        int sent = 0;
        for (Tenant tenant : transactions.platform(tenants::list)) {
            int batch;
            do {
                batch = transactions.inTenant(tenant.id(), () -> sendBatch(tenant, now));
                sent += Math.max(batch, 0);
            } while (batch == BATCH);
        }
        return sent;
    }

    /** Returns the number claimed (sent or failed) in this batch. */
    private int sendBatch(Tenant tenant, Instant now) {
        List<Notification> due = outbox.claimDue(now, BATCH);
        for (Notification n : due) {
            try {
                Set<String> to = recipients(tenant, n);
                for (String address : to) {
                    mailer.send(address, n.subject(), n.body());
                }
                n.sent(to.size(), now);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Notification " + n.id() + " of tenant " + tenant.slug() + " not sent: "
                        + e.getMessage());
                n.failed(e.getMessage(), now);
            }
        }
        return due.size();
    }

    private Set<String> recipients(Tenant tenant, Notification n) {
        Set<String> to = new LinkedHashSet<>();
        switch (n.audience()) {
            case REPORTER -> n.sealedContact().flatMap(sealed -> reporterEmail(tenant, n, sealed)).ifPresent(to::add);
            case ASSIGNEE_AND_SUPERVISORS -> {
                n.assignee().flatMap(staff::emailOfUser).ifPresent(to::add);
                to.addAll(supervisors(tenant));
            }
            case SUPERVISORS -> to.addAll(supervisors(tenant));
            case TENANT_ADMINS -> to.addAll(members(tenant, "tenant-admin"));
        }
        return to;
    }

    private List<String> supervisors(Tenant tenant) {
        return members(tenant, "supervisor");
    }

    private List<String> members(Tenant tenant, String role) {
        return tenant.organizationId() == null ? List.of() : new ArrayList<>(staff.emailsOf(tenant.organizationId(), role));
    }

    private java.util.Optional<String> reporterEmail(Tenant tenant, Notification n, byte[] sealed) {
        try {
            JsonNode contact = json.readTree(cipher.open(tenant.id(), sealed, "contact:" + n.caseId()));
            return contact.hasNonNull("email") ? java.util.Optional.of(contact.get("email").asText())
                    : java.util.Optional.empty();
        } catch (IOException e) {
            throw new IllegalStateException("the reporter's contact of case " + n.caseId() + " is unreadable", e);
        }
    }
}
