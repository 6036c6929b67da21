package io.qinglang.platform.notifications.application;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qinglang.platform.notifications.domain.Audience;
import io.qinglang.platform.notifications.domain.Mailer;
import io.qinglang.platform.notifications.domain.Notification;
import io.qinglang.platform.notifications.domain.NotificationRepository;
import io.qinglang.platform.notifications.domain.StaffDirectory;
import io.qinglang.platform.notifications.domain.StaffDirectory.Member;
import io.qinglang.platform.shared.application.TenantCipher;
import io.qinglang.platform.shared.application.TenantTransactions;
import io.qinglang.platform.tenants.domain.Tenant;
import io.qinglang.platform.tenants.domain.TenantRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sends what is waiting in each tenant's outbox. A batch is claimed with {@code FOR UPDATE SKIP LOCKED} and leased
 * in one short transaction, sent with no transaction open, and the outcome recorded in another, so a slow mail
 * server never holds a transaction (or its locks) open, and dispatchers on several nodes never take the same
 * notification. Each outcome is recorded as soon as it is known. Delivery is at least once: a dispatcher that dies
 * between sending a notification and recording it leaves that one to be sent again when its lease ends, with the same
 * Message-ID, so that its receiver can tell the repeat. A failed send is retried later; if one recipient of several
 * fails, the retry goes to all of them again.
 */
@ApplicationScoped
public class OutboxDispatcher {

    private static final Logger LOG = Logger.getLogger(OutboxDispatcher.class.getName());
    static final int BATCH = 50;
    /** How long a claimed notification is left to its dispatcher; a batch stops sending after half of it. */
    static final Duration LEASE = Duration.ofMinutes(10);

    private final TenantTransactions transactions;
    private final TenantRepository tenants;
    private final NotificationRepository outbox;
    private final StaffDirectory staff;
    private final Mailer mailer;
    private final TenantCipher cipher;
    private final ObjectMapper json;
    private final Clock clock;

    @Inject
    public OutboxDispatcher(TenantTransactions transactions, TenantRepository tenants, NotificationRepository outbox,
                            StaffDirectory staff, Mailer mailer, TenantCipher cipher, ObjectMapper json, Clock clock) {
        this.transactions = transactions;
        this.tenants = tenants;
        this.outbox = outbox;
        this.staff = staff;
        this.mailer = mailer;
        this.cipher = cipher;
        this.json = json;
        this.clock = clock;
    }

    /** Sends everything due at {@code now}, tenant by tenant; returns how many notifications went out. */
    public int dispatch(Instant now) {
        int sent = 0;
        for (Tenant tenant : transactions.platform(tenants::list)) {
            List<Leased> batch;
            do {
                batch = transactions.inTenant(tenant.id(), () -> lease(tenant, now));
                sent += send(tenant, batch);
            } while (batch.size() == BATCH);
        }
        return sent;
    }

    /** A claimed notification as its dispatcher needs it with no transaction open, and until when it holds it. */
    private record Leased(UUID id, Audience audience, Optional<String> assignee,
                          Optional<String> reporterEmail, String subject, String body, Instant until) {
    }

    private List<Leased> lease(Tenant tenant, Instant due) {
        Instant leasedAt = now();
        Instant until = leasedAt.plus(LEASE);
        List<Leased> leased = new ArrayList<>();
        for (Notification n : outbox.claimDue(due, BATCH)) {
            Optional<String> reporter;
            try {
                reporter = n.audience() == Audience.REPORTER
                        ? n.sealedContact().flatMap(sealed -> reporterEmail(tenant, n, sealed)) : Optional.empty();
            } catch (RuntimeException e) {
                // an unreadable contact fails this notification alone, never the batch or the other tenants
                failed(tenant, n, e.getClass().getSimpleName(), leasedAt);
                continue;
            }
            n.leaseUntil(until);
            leased.add(new Leased(n.id(), n.audience(), n.assignee(), reporter, n.subject(), n.body(), until));
        }
        return leased;
    }

    /**
     * Sends a leased batch, stopping halfway through the lease, and records each outcome as soon as it is known —
     * only where the lease is still this dispatcher's (one that ran out may have been taken by another) — so that a
     * node that stops mid-batch leaves at most the notification it was sending to be sent again (with the same
     * Message-ID); returns how many went out.
     */
    private int send(Tenant tenant, List<Leased> batch) {
        int sent = 0;
        List<Leased> untried = new ArrayList<>();
        for (Leased n : batch) {
            if (!untried.isEmpty() || clock.instant().isAfter(n.until().minus(LEASE.dividedBy(2)))) {
                untried.add(n); // given back below, due again at once
                continue;
            }
            int to = 0;
            String failure = null;
            try {
                Set<String> recipients = recipients(tenant, n);
                for (String address : recipients) {
                    mailer.send(n.id().toString(), address, n.subject(), n.body());
                }
                to = recipients.size();
            } catch (Mailer.MailNotSent e) {
                // the mailer's message names the failure without the recipient's address
                failure = e.getMessage();
            } catch (RuntimeException e) {
                // any other message may carry a recipient or contact details: keep only the kind of failure
                failure = e.getClass().getSimpleName();
            }
            record(tenant, n, to, failure);
            sent += failure == null ? 1 : 0;
        }
        if (!untried.isEmpty()) {
            Instant now = now();
            transactions.inTenant(tenant.id(), () -> untried.forEach(leased -> held(leased).ifPresent(n -> n.released(now))));
        }
        return sent;
    }

    /** Records that {@code leased} went to {@code to} recipients, or why it did not. */
    private void record(Tenant tenant, Leased leased, int to, String failure) {
        Instant now = now();
        transactions.inTenant(tenant.id(), () -> held(leased).ifPresent(n -> {
            if (failure == null) {
                n.sent(to, now);
            } else {
                failed(tenant, n, failure, now);
            }
        }));
    }

    /** The leased notification, if its lease is still this dispatcher's. */
    private Optional<Notification> held(Leased leased) {
        return outbox.find(leased.id()).filter(n -> n.leaseHeld(leased.until()));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static void failed(Tenant tenant, Notification n, String why, Instant now) {
        LOG.log(Level.WARNING, "Notification " + n.id() + " of tenant " + tenant.slug() + " not sent: " + why);
        n.failed(why, now);
    }

    private Set<String> recipients(Tenant tenant, Leased n) {
        Set<String> to = new LinkedHashSet<>();
        switch (n.audience()) {
            case REPORTER -> n.reporterEmail().ifPresent(to::add);
            case ASSIGNEE_AND_SUPERVISORS -> {
                if (tenant.organizationId() != null) {
                    n.assignee().flatMap(username -> staff.member(tenant.organizationId(), username))
                            .filter(Member::enabled).map(Member::email).ifPresent(to::add);
                }
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

    private Optional<String> reporterEmail(Tenant tenant, Notification n, byte[] sealed) {
        try {
            JsonNode contact = json.readTree(cipher.open(tenant.id(), sealed, "contact:" + n.caseId()));
            return contact.hasNonNull("email") ? Optional.of(contact.get("email").asText())
                    : Optional.empty();
        } catch (IOException e) {
            throw new IllegalStateException("the reporter's contact of case " + n.caseId() + " is unreadable", e);
        }
    }
}
